import { statement, type Db } from '../open.js';
import type { LinkedTicket, ReturnCondition, ReturnLine, ReturnRequest, ReturnStatus, ReturnType } from '../../domain/service/return-types.js';
import { returnNumber } from '../../domain/service/return-types.js';

interface ReturnRow {
  id: number;
  order_id: number;
  order_number: string;
  order_status: string;
  shop_id: number;
  shop_name: string;
  timezone: string;
  currency: string;
  customer_id: number | null;
  ticket_id: number | null;
  type: string;
  status: string;
  reason: string;
  condition: string | null;
  refund_amount: number;
  replacement_order_id: number | null;
  replacement_number: string | null;
  note: string | null;
  opened_at: number;
  approved_at: number | null;
  rejected_at: number | null;
  received_at: number | null;
  refunded_at: number | null;
  closed_at: number | null;
  updated_at: number;
}

const RETURN_SELECT = `SELECT r.*, o.platform_order_id AS order_number, o.status AS order_status, o.shop_id, o.currency, o.customer_id,
    sh.name AS shop_name, sh.timezone, x.platform_order_id AS replacement_number
  FROM return_request r JOIN sales_order o ON o.id = r.order_id JOIN shop sh ON sh.id = o.shop_id
  LEFT JOIN sales_order x ON x.id = r.replacement_order_id`;

const toReturn = (r: ReturnRow): ReturnRequest => ({
  id: r.id,
  number: returnNumber(r.id),
  orderId: r.order_id,
  orderNumber: r.order_number,
  orderStatus: r.order_status,
  shopId: r.shop_id,
  shopName: r.shop_name,
  timezone: r.timezone,
  currency: r.currency,
  customerId: r.customer_id,
  ticketId: r.ticket_id,
  type: r.type as ReturnType,
  status: r.status as ReturnStatus,
  reason: r.reason,
  condition: r.condition as ReturnCondition | null,
  refundAmount: r.refund_amount,
  replacementOrderId: r.replacement_order_id,
  replacementOrderNumber: r.replacement_number,
  note: r.note,
  openedAt: r.opened_at,
  approvedAt: r.approved_at,
  rejectedAt: r.rejected_at,
  receivedAt: r.received_at,
  refundedAt: r.refunded_at,
  closedAt: r.closed_at,
  updatedAt: r.updated_at,
});

export function returnById(db: Db, id: number): ReturnRequest | undefined {
  const row = statement(db, `${RETURN_SELECT} WHERE r.id = ?`).get(id) as ReturnRow | undefined;
  return row && toReturn(row);
}

export function insertReturn(db: Db, r: { orderId: number; ticketId: number | null; type: ReturnType; reason: string; note: string | null; openedAt: number }): number {
  const info = statement(
    db,
    `INSERT INTO return_request (order_id, ticket_id, type, status, reason, note, opened_at, updated_at) VALUES (?, ?, ?, 'requested', ?, ?, ?, ?)`,
  ).run(r.orderId, r.ticketId, r.type, r.reason, r.note, r.openedAt, r.openedAt);
  return Number(info.lastInsertRowid);
}

/** Writes the mutable part of a return back (status, condition, refund, replacement, note, instants). */
export function saveReturn(db: Db, r: ReturnRequest, now: number): void {
  statement(
    db,
    `UPDATE return_request SET ticket_id = ?, status = ?, condition = ?, refund_amount = ?, replacement_order_id = ?, note = ?,
      approved_at = ?, rejected_at = ?, received_at = ?, refunded_at = ?, closed_at = ?, updated_at = ? WHERE id = ?`,
  ).run(r.ticketId, r.status, r.condition, r.refundAmount, r.replacementOrderId, r.note, r.approvedAt, r.rejectedAt, r.receivedAt, r.refundedAt, r.closedAt, now, r.id);
}

export function insertReturnLine(db: Db, returnId: number, orderLineId: number, quantity: number): void {
  statement(db, 'INSERT INTO return_line (return_id, order_line_id, quantity) VALUES (?, ?, ?)').run(returnId, orderLineId, quantity);
}

export function returnLines(db: Db, returnId: number): ReturnLine[] {
  return statement(
    db,
    `SELECT rl.order_line_id AS orderLineId, l.sku_id AS skuId, s.code AS skuCode, l.title, l.variant, rl.quantity, l.unit_price AS unitPrice
     FROM return_line rl JOIN order_line l ON l.id = rl.order_line_id LEFT JOIN sku s ON s.id = l.sku_id
     WHERE rl.return_id = ? ORDER BY l.id`,
  ).all(returnId) as ReturnLine[];
}

/** Units of each order line already claimed by the order's returns, rejected ones aside. */
export function claimedUnits(db: Db, orderId: number): Map<number, number> {
  const rows = statement(
    db,
    `SELECT rl.order_line_id AS lineId, sum(rl.quantity) AS units FROM return_line rl JOIN return_request r ON r.id = rl.return_id
     WHERE r.order_id = ? AND r.status <> 'rejected' GROUP BY rl.order_line_id`,
  ).all(orderId) as { lineId: number; units: number }[];
  return new Map(rows.map((r) => [r.lineId, r.units]));
}

export interface ReturnFilter {
  statuses?: ReturnStatus[];
  types?: ReturnType[];
  shopId?: number;
  orderId?: number;
  limit: number;
}

export function listReturns(db: Db, filter: ReturnFilter): ReturnRequest[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.statuses?.length) {
    where.push(`r.status IN (${filter.statuses.map(() => '?').join(', ')})`);
    params.push(...filter.statuses);
  }
  if (filter.types?.length) {
    where.push(`r.type IN (${filter.types.map(() => '?').join(', ')})`);
    params.push(...filter.types);
  }
  if (filter.shopId !== undefined) {
    where.push('o.shop_id = ?');
    params.push(filter.shopId);
  }
  if (filter.orderId !== undefined) {
    where.push('r.order_id = ?');
    params.push(filter.orderId);
  }
  const sql = `${RETURN_SELECT} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.opened_at DESC, r.id DESC LIMIT ?`;
  return (statement(db, sql).all(...params, filter.limit) as ReturnRow[]).map(toReturn);
}

export function ticketById(db: Db, id: number): LinkedTicket | undefined {
  return statement(db, 'SELECT id, shop_id AS shopId, order_id AS orderId, subject, status FROM ticket WHERE id = ?').get(id) as LinkedTicket | undefined;
}

/**
 * Returns opened in [from, to) by type (KPI report), driven by the return's time index; the unary + keeps the planner
 * from walking every order of the shop instead.
 */
export function openedCounts(db: Db, from: number, to: number, shopId?: number): { type: ReturnType; returns: number }[] {
  const shop = shopId === undefined ? '' : 'AND +o.shop_id = ?';
  return statement(
    db,
    `SELECT r.type, count(*) AS returns FROM return_request r JOIN sales_order o ON o.id = r.order_id
     WHERE r.opened_at >= ? AND r.opened_at < ? ${shop} GROUP BY r.type ORDER BY r.type`,
  ).all(...(shopId === undefined ? [from, to] : [from, to, shopId])) as { type: ReturnType; returns: number }[];
}
