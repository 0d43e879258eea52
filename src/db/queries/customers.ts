import { statement, type Db } from '../open.js';

/** A customer row with its shop, tags parsed. */
export interface CustomerRecord {
  id: number;
  shopId: number;
  shop: string;
  shopCurrency: string;
  timezone: string;
  platformBuyerId: string | null;
  name: string | null;
  phone: string | null;
  email: string | null;
  tags: string[];
  note: string | null;
  createdAt: number;
}

/** Per customer and currency: non-cancelled orders only. */
export interface SpendRow {
  customerId: number;
  currency: string;
  /** Non-cancelled orders with a payment. */
  paidOrders: number;
  paid: number;
  refunded: number;
}

export interface OrderSpanRow {
  customerId: number;
  orders: number;
  firstOrderAt: number | null;
  lastOrderAt: number | null;
}

export interface CustomerFilter {
  shopId?: number;
  search?: string;
  /** Own ids that the search text names ("C-12"): matched besides the text search. */
  searchId?: number;
  tags: string[];
  limit: number;
}

interface CustomerRow {
  id: number;
  shop_id: number;
  shop: string;
  shop_currency: string;
  timezone: string;
  platform_buyer_id: string | null;
  name: string | null;
  phone: string | null;
  email: string | null;
  tags: string;
  note: string | null;
  created_at: number;
}

const SELECT = `SELECT c.id, c.shop_id, sh.name AS shop, sh.currency AS shop_currency, sh.timezone, c.platform_buyer_id, c.name, c.phone, c.email,
  c.tags, c.note, c.created_at FROM customer c JOIN shop sh ON sh.id = c.shop_id`;

const toRecord = (r: CustomerRow): CustomerRecord => ({
  id: r.id,
  shopId: r.shop_id,
  shop: r.shop,
  shopCurrency: r.shop_currency,
  timezone: r.timezone,
  platformBuyerId: r.platform_buyer_id,
  name: r.name,
  phone: r.phone,
  email: r.email,
  tags: JSON.parse(r.tags) as string[],
  note: r.note,
  createdAt: r.created_at,
});

const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Digits only, the way phones are compared ("+86 138-1234-5678" = "8613812345678"). */
const PHONE_DIGITS = `replace(replace(replace(replace(replace(replace(c.phone, ' ', ''), '-', ''), '+', ''), '(', ''), ')', ''), '.', '')`;

export function customerRecord(db: Db, id: number): CustomerRecord | undefined {
  const row = statement(db, `${SELECT} WHERE c.id = ?`).get(id) as CustomerRow | undefined;
  return row && toRecord(row);
}

/** Customers a reference names, by one kind of key; `shopId` narrows to one shop. */
export function customersBy(db: Db, key: 'buyerId' | 'email' | 'phone', value: string, shopId?: number): CustomerRecord[] {
  const column = { buyerId: 'c.platform_buyer_id = @value', email: 'c.email = @value COLLATE NOCASE', phone: `${PHONE_DIGITS} IN (@value, '86' || @value)` }[key];
  const sql = `${SELECT} WHERE ${column} AND (@shopId IS NULL OR c.shop_id = @shopId) ORDER BY c.id`;
  return (statement(db, sql).all({ value, shopId: shopId ?? null }) as CustomerRow[]).map(toRecord);
}

function filterSql(f: CustomerFilter): { where: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: f.limit };
  if (f.shopId !== undefined) {
    where.push('c.shop_id = @shopId');
    params.shopId = f.shopId;
  }
  if (f.search) {
    const digits = f.search.replace(/[\s\-+().]/g, '');
    where.push(
      `c.name LIKE @search ESCAPE '\\' OR c.email LIKE @search ESCAPE '\\' OR c.platform_buyer_id LIKE @search ESCAPE '\\' OR c.note LIKE @search ESCAPE '\\'` +
        (/^\d{3,}$/.test(digits) ? ` OR ${PHONE_DIGITS} LIKE @phone ESCAPE '\\'` : '') +
        (f.searchId !== undefined ? ' OR c.id = @searchId' : ''),
    );
    params.search = like(f.search);
    if (/^\d{3,}$/.test(digits)) params.phone = like(digits);
    if (f.searchId !== undefined) params.searchId = f.searchId;
  }
  f.tags.forEach((tag, i) => {
    where.push(`EXISTS (SELECT 1 FROM json_each(c.tags) t WHERE t.value = @tag${i} COLLATE NOCASE)`);
    params[`tag${i}`] = tag;
  });
  return { where: where.length > 0 ? `WHERE ${where.map((w) => `(${w})`).join(' AND ')}` : '', params };
}

/** Matching customers, the latest buyers first (customers without orders last, newest first). */
export function customerRecords(db: Db, f: CustomerFilter): CustomerRecord[] {
  const { where, params } = filterSql(f);
  const sql = `${SELECT} ${where}
    ORDER BY (SELECT max(o.placed_at) FROM sales_order o WHERE o.customer_id = c.id) DESC NULLS LAST, c.id DESC LIMIT @limit`;
  return (statement(db, sql).all(params) as CustomerRow[]).map(toRecord);
}

/**
 * The biggest spenders: per currency (amounts in different currencies are never compared), the `top` customers
 * by paid − refunded over their non-cancelled orders in their shop's currency, best first.
 */
export function topCustomerIds(db: Db, f: CustomerFilter, top: number): { id: number; currency: string; rank: number }[] {
  const { where, params } = filterSql(f);
  const sql = `WITH spend AS (
      SELECT o.customer_id, o.currency, sum(o.paid - o.refunded) AS amount FROM sales_order o
      WHERE o.status <> 'cancelled' AND o.customer_id IS NOT NULL GROUP BY o.customer_id, o.currency),
    ranked AS (
      SELECT c.id, s.currency, row_number() OVER (PARTITION BY s.currency ORDER BY s.amount DESC, c.id) AS rank
      FROM customer c JOIN shop sh ON sh.id = c.shop_id JOIN spend s ON s.customer_id = c.id AND s.currency = sh.currency
      ${where ? `${where} AND` : 'WHERE'} s.amount > 0)
    SELECT id, currency, rank FROM ranked WHERE rank <= @top ORDER BY currency, rank`;
  return statement(db, sql).all({ ...params, top }) as { id: number; currency: string; rank: number }[];
}

export function customerRecordsByIds(db: Db, ids: number[]): CustomerRecord[] {
  const rows = statement(db, `${SELECT} WHERE c.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as CustomerRow[];
  return rows.map(toRecord);
}

export function spendOf(db: Db, ids: number[]): SpendRow[] {
  return statement(
    db,
    `SELECT customer_id AS customerId, currency, sum(paid > 0) AS paidOrders, sum(paid) AS paid, sum(refunded) AS refunded
     FROM sales_order WHERE status <> 'cancelled' AND customer_id IN (SELECT value FROM json_each(?))
     GROUP BY customer_id, currency ORDER BY customer_id, currency`,
  ).all(JSON.stringify(ids)) as SpendRow[];
}

/** Every order of the customer counts here, cancelled ones too. */
export function orderSpansOf(db: Db, ids: number[]): OrderSpanRow[] {
  return statement(
    db,
    `SELECT customer_id AS customerId, count(*) AS orders, min(placed_at) AS firstOrderAt, max(placed_at) AS lastOrderAt
     FROM sales_order WHERE customer_id IN (SELECT value FROM json_each(?)) GROUP BY customer_id`,
  ).all(JSON.stringify(ids)) as OrderSpanRow[];
}

export interface CustomerOrderRow {
  id: number;
  platformOrderId: string;
  status: string;
  currency: string;
  total: number;
  paid: number;
  refunded: number;
  placedAt: number;
}

export function recentOrdersOf(db: Db, customerId: number, limit: number): CustomerOrderRow[] {
  return statement(
    db,
    `SELECT id, platform_order_id AS platformOrderId, status, currency, total, paid, refunded, placed_at AS placedAt
     FROM sales_order WHERE customer_id = ? ORDER BY placed_at DESC, id DESC LIMIT ?`,
  ).all(customerId, limit) as CustomerOrderRow[];
}

export interface CustomerTicketRow {
  id: number;
  subject: string;
  type: string;
  status: string;
  priority: string;
  platformOrderId: string | null;
  openedAt: number;
}

const TICKETS_OF = `FROM ticket t LEFT JOIN sales_order o ON o.id = t.order_id
  WHERE t.customer_id = @id OR t.order_id IN (SELECT id FROM sales_order WHERE customer_id = @id)`;

export function ticketCountOf(db: Db, id: number): number {
  return statement(db, `SELECT count(*) ${TICKETS_OF}`).pluck().get({ id }) as number;
}

export function recentTicketsOf(db: Db, id: number, limit: number): CustomerTicketRow[] {
  return statement(
    db,
    `SELECT t.id, t.subject, t.type, t.status, t.priority, o.platform_order_id AS platformOrderId, t.opened_at AS openedAt ${TICKETS_OF}
     ORDER BY t.opened_at DESC, t.id DESC LIMIT @limit`,
  ).all({ id, limit }) as CustomerTicketRow[];
}

export interface CustomerReturnRow {
  id: number;
  type: string;
  status: string;
  reason: string;
  refundAmount: number;
  currency: string;
  platformOrderId: string;
  openedAt: number;
}

const RETURNS_OF = `FROM return_request r JOIN sales_order o ON o.id = r.order_id WHERE o.customer_id = @id`;

export function returnCountOf(db: Db, id: number): number {
  return statement(db, `SELECT count(*) ${RETURNS_OF}`).pluck().get({ id }) as number;
}

export function recentReturnsOf(db: Db, id: number, limit: number): CustomerReturnRow[] {
  return statement(
    db,
    `SELECT r.id, r.type, r.status, r.reason, r.refund_amount AS refundAmount, o.currency, o.platform_order_id AS platformOrderId, r.opened_at AS openedAt
     ${RETURNS_OF} ORDER BY r.opened_at DESC, r.id DESC LIMIT @limit`,
  ).all({ id, limit }) as CustomerReturnRow[];
}

export interface CustomerReviewRow {
  id: number;
  rating: number;
  body: string | null;
  sku: string | null;
  platformOrderId: string | null;
  reviewedAt: number;
  repliedAt: number | null;
}

const REVIEWS_OF = `FROM review r LEFT JOIN sku s ON s.id = r.sku_id LEFT JOIN sales_order o ON o.id = r.order_id
  WHERE r.customer_id = @id OR r.order_id IN (SELECT id FROM sales_order WHERE customer_id = @id)`;

export function reviewCountOf(db: Db, id: number): number {
  return statement(db, `SELECT count(*) ${REVIEWS_OF}`).pluck().get({ id }) as number;
}

export function recentReviewsOf(db: Db, id: number, limit: number): CustomerReviewRow[] {
  return statement(
    db,
    `SELECT r.id, r.rating, r.body, s.code AS sku, o.platform_order_id AS platformOrderId, r.reviewed_at AS reviewedAt, r.replied_at AS repliedAt
     ${REVIEWS_OF} ORDER BY r.reviewed_at DESC, r.id DESC LIMIT @limit`,
  ).all({ id, limit }) as CustomerReviewRow[];
}

export function updateCustomerTagsNote(db: Db, id: number, tags: string[], note: string | null): void {
  statement(db, 'UPDATE customer SET tags = ?, note = ? WHERE id = ?').run(JSON.stringify(tags), note, id);
}
