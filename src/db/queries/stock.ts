import { statement, type Db } from '../open.js';
import type { Movement, MovementKind, StockLine } from '../../domain/inventory/types.js';

export function insertMovement(
  db: Db,
  m: {
    skuId: number;
    kind: MovementKind;
    quantity: number;
    onHandAfter: number;
    unitCost: number | null;
    reason: string | null;
    reference: string | null;
    occurredAt: number;
    orderId: number | null;
  },
): number {
  const info = statement(db, 
      'INSERT INTO stock_movement (sku_id, kind, quantity, on_hand_after, unit_cost, reason, reference, occurred_at, order_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(m.skuId, m.kind, m.quantity, m.onHandAfter, m.unitCost, m.reason, m.reference, m.occurredAt, m.orderId);
  return Number(info.lastInsertRowid);
}

export function setOnHand(db: Db, skuId: number, onHand: number, now: number): void {
  statement(db, 'UPDATE sku SET on_hand = ?, updated_at = ? WHERE id = ?').run(onHand, now, skuId);
}

const MOVEMENT_SELECT = `SELECT m.id, s.code AS skuCode, m.kind, m.quantity, m.on_hand_after AS onHandAfter, m.unit_cost AS unitCost,
  s.currency, m.reason, m.reference, m.occurred_at AS occurredAt FROM stock_movement m JOIN sku s ON s.id = m.sku_id`;

export function movementById(db: Db, id: number): Movement {
  return statement(db, `${MOVEMENT_SELECT} WHERE m.id = ?`).get(id) as Movement;
}

export function movements(db: Db, filter: { skuId?: number; since?: number; until?: number; limit: number }): Movement[] {
  const where: string[] = [];
  if (filter.skuId !== undefined) where.push('m.sku_id = @skuId');
  if (filter.since !== undefined) where.push('m.occurred_at >= @since');
  if (filter.until !== undefined) where.push('m.occurred_at < @until');
  const sql = `${MOVEMENT_SELECT} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY m.occurred_at DESC, m.id DESC LIMIT @limit`;
  return statement(db, sql).all({ ...filter }) as Movement[];
}

export function stockLines(db: Db, filter: { lowOnly: boolean; search?: string; includeArchived: boolean }): StockLine[] {
  const where: string[] = [];
  if (!filter.includeArchived) where.push("p.status = 'active'");
  if (filter.lowOnly) where.push('s.on_hand - s.reserved <= s.low_stock_threshold');
  if (filter.search) where.push(`(s.code LIKE @q ESCAPE '\\' OR p.title LIKE @q ESCAPE '\\')`);
  const sql = `SELECT s.code AS skuCode, p.id AS productId, p.title, s.variant, s.on_hand AS onHand, s.reserved, s.on_hand - s.reserved AS available,
      s.low_stock_threshold AS lowStockThreshold, s.reorder_point AS reorderPoint,
      (s.on_hand - s.reserved <= s.low_stock_threshold) AS low
    FROM sku s JOIN product p ON p.id = s.product_id ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY low DESC, s.code`;
  const q = filter.search ? `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return (statement(db, sql).all(q === undefined ? {} : { q }) as (Omit<StockLine, 'variant' | 'low'> & { variant: string; low: number })[]).map((r) => ({
    ...r,
    variant: JSON.parse(r.variant),
    low: r.low === 1,
  }));
}

/** SKUs whose stored on-hand differs from the sum of their movements (db check). */
export function ledgerMismatches(db: Db): { code: string; onHand: number; ledger: number }[] {
  return statement(db, 
      `SELECT s.code, s.on_hand AS onHand, coalesce(sum(m.quantity), 0) AS ledger FROM sku s LEFT JOIN stock_movement m ON m.sku_id = s.id
       GROUP BY s.id HAVING s.on_hand <> coalesce(sum(m.quantity), 0)`,
    )
    .all() as { code: string; onHand: number; ledger: number }[];
}
