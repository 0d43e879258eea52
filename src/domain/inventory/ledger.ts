import type { Db } from '../../db/open.js';
import * as q from '../../db/queries/stock.js';
import type { Sku } from '../catalog/types.js';
import { conflict } from '../errors.js';
import type { Movement, MovementInput } from './types.js';

/**
 * Writes one movement and keeps the SKU's on-hand in step, inside the caller's transaction.
 * On-hand never goes below zero unless the caller allows it (exit 4 otherwise).
 */
export function recordMovement(db: Db, sku: Sku, m: MovementInput): Movement {
  const after = sku.onHand + m.quantity;
  if (after < 0 && !m.allowNegative) {
    throw conflict('stock.wouldGoNegative', { code: sku.code, onHand: sku.onHand, change: m.quantity }, { key: 'stock.wouldGoNegative.hint' });
  }
  const row = {
    skuId: sku.id,
    kind: m.kind,
    quantity: m.quantity,
    onHandAfter: after,
    unitCost: m.unitCost ?? null,
    reason: m.reason ?? null,
    reference: m.reference ?? null,
    occurredAt: m.occurredAt,
    orderId: m.orderId ?? null,
  };
  const id = q.insertMovement(db, row);
  q.setOnHand(db, sku.id, after, m.occurredAt);
  sku.onHand = after;
  return { id, skuCode: sku.code, kind: row.kind, quantity: row.quantity, onHandAfter: after, unitCost: row.unitCost, currency: sku.currency, reason: row.reason, reference: row.reference, occurredAt: row.occurredAt };
}
