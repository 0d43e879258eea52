import { statement, type Db } from '../open.js';

export interface ReviewRecord {
  id: number;
  shopId: number;
  shop: string;
  timezone: string;
  platformReviewId: string | null;
  orderId: number | null;
  platformOrderId: string | null;
  skuId: number | null;
  sku: string | null;
  product: string | null;
  customerId: number | null;
  buyerName: string | null;
  rating: number;
  body: string | null;
  reviewedAt: number;
  reply: string | null;
  repliedAt: number | null;
}

const SELECT = `SELECT r.id, r.shop_id AS shopId, sh.name AS shop, sh.timezone, r.platform_review_id AS platformReviewId,
    r.order_id AS orderId, o.platform_order_id AS platformOrderId, r.sku_id AS skuId, s.code AS sku, p.title AS product,
    r.customer_id AS customerId, c.name AS buyerName, r.rating, r.body, r.reviewed_at AS reviewedAt, r.reply, r.replied_at AS repliedAt
  FROM review r JOIN shop sh ON sh.id = r.shop_id LEFT JOIN sales_order o ON o.id = r.order_id LEFT JOIN sku s ON s.id = r.sku_id
  LEFT JOIN product p ON p.id = s.product_id LEFT JOIN customer c ON c.id = r.customer_id`;

export function reviewById(db: Db, id: number): ReviewRecord | undefined {
  return statement(db, `${SELECT} WHERE r.id = ?`).get(id) as ReviewRecord | undefined;
}

export function reviewsByPlatformId(db: Db, platformReviewId: string, shopId?: number): ReviewRecord[] {
  return statement(db, `${SELECT} WHERE r.platform_review_id = @id AND (@shopId IS NULL OR r.shop_id = @shopId) ORDER BY r.id`).all({
    id: platformReviewId,
    shopId: shopId ?? null,
  }) as ReviewRecord[];
}

export interface ReviewValues {
  shopId: number;
  platformReviewId: string | null;
  orderId: number | null;
  skuId: number | null;
  customerId: number | null;
  rating: number;
  body: string | null;
  reviewedAt: number;
}

export function insertReview(db: Db, v: ReviewValues): number {
  const info = statement(
    db,
    `INSERT INTO review (shop_id, platform_review_id, order_id, sku_id, customer_id, rating, body, reviewed_at)
     VALUES (@shopId, @platformReviewId, @orderId, @skuId, @customerId, @rating, @body, @reviewedAt)`,
  ).run(v);
  return Number(info.lastInsertRowid);
}

export function updateReview(db: Db, id: number, v: ReviewValues): void {
  statement(
    db,
    `UPDATE review SET order_id = @orderId, sku_id = @skuId, customer_id = @customerId, rating = @rating, body = @body, reviewed_at = @reviewedAt
     WHERE id = @id`,
  ).run({ ...v, id });
}

/** A review without a platform id that is already stored: same shop, order, SKU, rating, text and time. */
export function sameReviewId(db: Db, v: ReviewValues): number | undefined {
  return statement(
    db,
    `SELECT id FROM review WHERE shop_id = @shopId AND platform_review_id IS NULL AND order_id IS @orderId AND sku_id IS @skuId
       AND rating = @rating AND body IS @body AND reviewed_at = @reviewedAt ORDER BY id LIMIT 1`,
  )
    .pluck()
    .get(v) as number | undefined;
}

export function setReply(db: Db, id: number, reply: string, repliedAt: number): void {
  statement(db, 'UPDATE review SET reply = ?, replied_at = ? WHERE id = ?').run(reply, repliedAt, id);
}

export interface ReviewFilter {
  /** 3 stars or fewer and not answered yet: the follow-up queue, oldest first. */
  negative: boolean;
  shopId?: number;
  skuId?: number;
  /** Per shop, from this instant (dates read in each shop's own zone). */
  since?: { shopId: number; from: number }[];
  limit: number;
}

export const NEGATIVE_MAX = 3;

export function reviewRecords(db: Db, f: ReviewFilter): ReviewRecord[] {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: f.limit };
  if (f.negative) where.push(`r.rating <= ${NEGATIVE_MAX} AND r.replied_at IS NULL`);
  if (f.shopId !== undefined) {
    where.push('r.shop_id = @shopId');
    params.shopId = f.shopId;
  }
  if (f.skuId !== undefined) {
    where.push('r.sku_id = @skuId');
    params.skuId = f.skuId;
  }
  if (f.since) {
    const parts = f.since.map((s, i) => {
      params[`ss${i}`] = s.shopId;
      params[`sf${i}`] = s.from;
      return `(r.shop_id = @ss${i} AND r.reviewed_at >= @sf${i})`;
    });
    where.push(parts.length > 0 ? parts.join(' OR ') : '0');
  }
  const order = f.negative ? 'ORDER BY r.reviewed_at, r.id' : 'ORDER BY r.reviewed_at DESC, r.id DESC';
  const sql = `${SELECT} ${where.length > 0 ? `WHERE ${where.map((w) => `(${w})`).join(' AND ')}` : ''} ${order} LIMIT @limit`;
  return statement(db, sql).all(params) as ReviewRecord[];
}

export interface RatingGroupRow {
  id: number | null;
  name: string | null;
  title: string | null;
  count: number;
  sum: number;
  negative: number;
  unansweredNegative: number;
}

/** Ratings of reviews made in [from, to), grouped by shop, by SKU, or all together. */
export function ratingGroups(db: Db, by: 'shop' | 'sku' | 'all', f: { from: number; to: number; shopId?: number; skuId?: number }): RatingGroupRow[] {
  const group = {
    shop: { select: 'sh.id AS id, sh.name AS name, NULL AS title', join: 'JOIN shop sh ON sh.id = r.shop_id', group: 'GROUP BY sh.id ORDER BY sh.name' },
    sku: {
      select: 's.id AS id, s.code AS name, p.title AS title',
      join: 'JOIN sku s ON s.id = r.sku_id JOIN product p ON p.id = s.product_id',
      group: 'GROUP BY s.id ORDER BY s.code',
    },
    all: { select: 'NULL AS id, NULL AS name, NULL AS title', join: '', group: '' },
  }[by];
  const sql = `SELECT ${group.select}, count(*) AS count, coalesce(sum(r.rating), 0) AS sum,
      coalesce(sum(r.rating <= ${NEGATIVE_MAX}), 0) AS negative, coalesce(sum(r.rating <= ${NEGATIVE_MAX} AND r.replied_at IS NULL), 0) AS unansweredNegative
    FROM review r ${group.join}
    WHERE r.reviewed_at >= @from AND r.reviewed_at < @to AND (@shopId IS NULL OR r.shop_id = @shopId) AND (@skuId IS NULL OR r.sku_id = @skuId)
    ${group.group}`;
  return statement(db, sql).all({ from: f.from, to: f.to, shopId: f.shopId ?? null, skuId: f.skuId ?? null }) as RatingGroupRow[];
}

/** Every rating with its shop's zone, oldest first (bucketed by the caller in that zone). */
export function ratingPoints(db: Db, f: { shopId?: number; skuId?: number; from?: number; to?: number }): { reviewedAt: number; rating: number; timezone: string }[] {
  return statement(
    db,
    `SELECT r.reviewed_at AS reviewedAt, r.rating, sh.timezone FROM review r JOIN shop sh ON sh.id = r.shop_id
     WHERE (@shopId IS NULL OR r.shop_id = @shopId) AND (@skuId IS NULL OR r.sku_id = @skuId)
       AND (@from IS NULL OR r.reviewed_at >= @from) AND (@to IS NULL OR r.reviewed_at < @to)
     ORDER BY r.reviewed_at`,
  ).all({ shopId: f.shopId ?? null, skuId: f.skuId ?? null, from: f.from ?? null, to: f.to ?? null }) as { reviewedAt: number; rating: number; timezone: string }[];
}

/** SKU ids on an order's lines (matched ones), to infer the SKU a review of a one-SKU order is about. */
export function skuIdsOfOrder(db: Db, orderId: number): number[] {
  return statement(db, 'SELECT DISTINCT sku_id FROM order_line WHERE order_id = ? AND sku_id IS NOT NULL ORDER BY sku_id').pluck().all(orderId) as number[];
}

/** The title an order line gives a SKU (for replies about orders whose SKU is not in the catalogue by name). */
export function lineTitleOf(db: Db, orderId: number, skuId: number | null): string | null {
  return (
    (statement(db, 'SELECT title FROM order_line WHERE order_id = ? AND (? IS NULL OR sku_id = ?) ORDER BY id LIMIT 1').pluck().get(orderId, skuId, skuId) as string | undefined) ??
    null
  );
}
