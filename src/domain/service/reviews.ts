import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import * as q from '../../db/queries/reviews.js';
import type { Lang } from '../../i18n/index.js';
import { findSku } from '../catalog/lookup.js';
import { conflict, notFound, usageError } from '../errors.js';
import { findOrder } from '../orders/find.js';
import { findShop, listShops, resolveShop } from '../shops/shops.js';
import type { Shop } from '../shops/types.js';
import { formatWallTime, parseTimeArg, wallTimeOf, wallTimeToInstant } from '../time.js';
import { average } from './rating-summary.js';
import { renderReply, type ReplyValues } from './replies.js';

export type ReviewRecord = q.ReviewRecord;
export const NEGATIVE_MAX = q.NEGATIVE_MAX;

/** "R-12": how reviews are named in output and accepted back. */
export const reviewCode = (id: number) => `R-${id}`;

/** A rating as typed or exported: 1–5, also "4.0" and "★★★★☆" (the filled stars count); anything else is exit 2. */
export function parseRating(value: string | number, field = '--rating'): number {
  const text = String(value).trim();
  const stars = /^★{1,5}☆*$/.test(text) ? [...text].filter((c) => c === '★').length : undefined;
  const digits = /^([1-5])(?:\.0+)?$/.exec(text);
  const rating = stars ?? (digits ? Number(digits[1]) : undefined);
  if (rating === undefined) throw usageError('review.badRating', { field, value: text });
  return rating;
}

/**
 * A review's time: 2026-11-20, 2026-11-20 14:30[:00] (slashes too: 2026/11/20, as Chinese platforms write it),
 * read in the shop's zone, or an ISO time with offset. `spans` also takes 7d / 12h / 2w back from now (typed, not files).
 */
export function parseReviewDate(text: string, zone: string, now: number, field: string, spans: boolean): number {
  const t = text.trim();
  if (!spans && /^\d+[dhw]$/.test(t)) throw usageError('time.invalid', { field, value: text });
  const normal = t.replace(/^(\d{4})[/.](\d{1,2})[/.](\d{1,2})/, (_, y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);
  return parseTimeArg(normal.replace(/^(\S+[ T])(\d):/, (_, head: string, hour: string) => `${head}0${hour}:`), zone, now, field);
}

export interface ReviewFields {
  order?: string;
  sku?: string;
  rating: string | number;
  text?: string;
  date?: string;
  platformReviewId?: string;
}

const clean = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

/**
 * The stored values of a review in `shop`: the order must be that shop's (exit 3 otherwise), the SKU known (exit 3);
 * a review of an order with one SKU is about that SKU unless told; the buyer is the order's customer.
 */
export function reviewValues(db: Db, shop: Shop, f: ReviewFields, now: number, spans: boolean): q.ReviewValues {
  const rating = parseRating(f.rating, spans ? '--rating' : 'rating');
  const orderRef = clean(f.order);
  const order = orderRef === undefined ? undefined : findOrder(db, orderRef, shop.name);
  const skuCode = clean(f.sku);
  let skuId = skuCode === undefined ? null : findSku(db, skuCode).id;
  if (skuId === null && order) {
    const skus = q.skuIdsOfOrder(db, order.id);
    if (skus.length === 1) skuId = skus[0]!;
  }
  const date = clean(f.date);
  return {
    shopId: shop.id,
    platformReviewId: clean(f.platformReviewId) ?? null,
    orderId: order?.id ?? null,
    skuId,
    customerId: order?.customerId ?? null,
    rating,
    body: clean(f.text) ?? null,
    reviewedAt: date === undefined ? now : parseReviewDate(date, shop.timezone, now, spans ? '--date' : 'date', spans),
  };
}

export interface NewReviewInput extends ReviewFields {
  shop?: string;
}

/**
 * Records one review. Without --shop it belongs to the order's shop, else to the default shop. A platform review id
 * already stored for the shop is exit 4.
 */
export function addReview(db: Db, input: NewReviewInput, now: number): ReviewRecord {
  parseRating(input.rating);
  return writeTransaction(db, () => {
    const orderRef = clean(input.order);
    const shop = input.shop === undefined && orderRef !== undefined ? findShop(db, findOrder(db, orderRef).shopName) : resolveShop(db, input.shop);
    const values = reviewValues(db, shop, input, now, true);
    if (values.platformReviewId !== null && q.reviewsByPlatformId(db, values.platformReviewId, shop.id).length > 0) {
      throw conflict('review.exists', { id: values.platformReviewId, shop: shop.name }, { key: 'review.exists.hint' });
    }
    return q.reviewById(db, q.insertReview(db, values))!;
  });
}

/**
 * A review by `R-12` or `id:12` (shopkeep's id), else by the platform's review id (in --shop when given; found in
 * several shops is exit 2), else a bare number as shopkeep's id. None is exit 3.
 */
export function findReview(db: Db, ref: string, shopName?: string): ReviewRecord {
  const r = ref.trim();
  const shopId = shopName === undefined ? undefined : findShop(db, shopName).id;
  const own = /^(?:r-?|id:)(\d{1,15})$/i.exec(r);
  const inShop = (review: ReviewRecord | undefined) => (review && (shopId === undefined || review.shopId === shopId) ? review : undefined);
  if (own) {
    const found = inShop(q.reviewById(db, Number(own[1])));
    if (found) return found;
  } else if (r !== '') {
    const matches = q.reviewsByPlatformId(db, r, shopId);
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) throw usageError('review.ambiguous', { ref: r, shops: matches.map((m) => m.shop).join(', ') }, { key: 'review.ambiguous.hint' });
    const bare = /^\d{1,15}$/.test(r) ? inShop(q.reviewById(db, Number(r))) : undefined;
    if (bare) return bare;
  }
  throw notFound('review.notFound', { ref: r }, { key: 'review.notFound.hint' });
}

export interface ReviewListInput {
  negative?: boolean;
  shop?: string;
  sku?: string;
  since?: string;
  limit?: number;
}

/** Reviews newest first; `negative` is the follow-up queue (3 stars or fewer, not answered), oldest first. */
export function listReviews(db: Db, input: ReviewListInput, now: number): ReviewRecord[] {
  const shopId = input.shop === undefined ? undefined : findShop(db, input.shop).id;
  const since =
    input.since === undefined
      ? undefined
      : listShops(db)
          .filter((s) => shopId === undefined || s.id === shopId)
          .map((s) => ({ shopId: s.id, from: parseReviewDate(input.since!, s.timezone, now, '--since', true) }));
  return q.reviewRecords(db, { negative: Boolean(input.negative), shopId, skuId: input.sku === undefined ? undefined : findSku(db, input.sku).id, since, limit: input.limit ?? 200 });
}

/** What a reply template may use (snake_case, as in templates/replies/<lang>/*.txt); a missing value is null. */
export function reviewReplyValues(db: Db, review: ReviewRecord): ReplyValues {
  const product = review.product ?? (review.orderId === null ? null : q.lineTitleOf(db, review.orderId, review.skuId));
  return {
    buyer_name: review.buyerName,
    product,
    sku: review.sku,
    shop_name: review.shop,
    order_number: review.platformOrderId,
    rating: review.rating,
    review_text: review.body,
    review_date: formatWallTime(review.reviewedAt, review.timezone).slice(0, 10),
    review_id: review.platformReviewId ?? reviewCode(review.id),
  };
}

export interface ReplyInput {
  shop?: string;
  template?: string;
  message?: string;
  lang: Lang;
  /** The seller's own reply templates (<dir>/<lang>/NAME.txt), which win over the built-in ones. */
  ownDir: string | null;
  /** Replace a reply already given (otherwise exit 4). */
  replace?: boolean;
}

export interface ReplyResult {
  review: ReviewRecord;
  text: string;
  template: string | null;
  replaced: boolean;
}

/**
 * Answers a review with a canned reply (--template, filled with the review's values; an unknown variable is exit 2)
 * or a typed one (--message), and stores it with the time. Exactly one of the two (exit 2 otherwise). A review
 * already answered is exit 4 unless `replace`.
 */
export async function replyToReview(db: Db, ref: string, input: ReplyInput, now: number): Promise<ReplyResult> {
  const template = clean(input.template);
  const message = clean(input.message);
  if ((template === undefined) === (message === undefined)) throw usageError('review.replyOneOf', {}, { key: 'review.replyOneOf.hint' });
  const found = findReview(db, ref, input.shop);
  const text = template === undefined ? message! : (await renderReply(template, input.lang, reviewReplyValues(db, found), input.ownDir)).text;
  if (text.trim() === '') throw usageError('review.emptyReply', { template: template ?? '' });
  return writeTransaction(db, () => {
    const review = q.reviewById(db, found.id)!;
    if (review.repliedAt !== null && !input.replace) {
      throw conflict('review.alreadyAnswered', { review: reviewCode(review.id), at: formatWallTime(review.repliedAt, review.timezone) }, { key: 'review.alreadyAnswered.hint' });
    }
    q.setReply(db, review.id, text, now);
    return { review: q.reviewById(db, review.id)!, text, template: template ?? null, replaced: review.repliedAt !== null };
  });
}

/** The end of the day `now` falls on in `zone` (the next midnight there): the default end of a rating period. */
export function endOfDay(now: number, zone: string): number {
  const d = wallTimeOf(now, zone);
  return wallTimeToInstant(zone, d.year, d.month, d.day + 1);
}

export type RatingBucket = 'week' | 'month';

export interface RatingPoint {
  /** "2026-11" for a month; the Monday "2026-11-23" for a week (ISO weeks), in the shop's zone. */
  period: string;
  count: number;
  sum: number;
  average: number | null;
  negative: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function periodOf(ms: number, zone: string, bucket: RatingBucket): string {
  const d = wallTimeOf(ms, zone);
  if (bucket === 'month') return `${d.year}-${pad(d.month)}`;
  return new Date(Date.UTC(d.year, d.month - 1, d.day - ((d.weekday + 6) % 7))).toISOString().slice(0, 10);
}

function nextPeriod(period: string, bucket: RatingBucket): string {
  const [y = 0, m = 1, d = 1] = period.split('-').map(Number);
  if (bucket === 'month') return m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
  return new Date(Date.UTC(y, m - 1, d + 7)).toISOString().slice(0, 10);
}

/**
 * Ratings per week or month, each review placed in its shop's own zone (calendar weeks start on Monday); periods
 * between the first and the last without reviews are listed with a count of 0.
 */
export function ratingsOverTime(db: Db, f: { shopId?: number; skuId?: number; bucket: RatingBucket; from?: number; to?: number }): RatingPoint[] {
  if (f.bucket !== 'week' && f.bucket !== 'month') throw usageError('input.oneOf', { field: '--by', value: String(f.bucket), choices: 'week, month' });
  const totals = new Map<string, RatingPoint>();
  for (const p of q.ratingPoints(db, f)) {
    const period = periodOf(p.reviewedAt, p.timezone, f.bucket);
    const t = totals.get(period) ?? { period, count: 0, sum: 0, average: null, negative: 0 };
    t.count++;
    t.sum += p.rating;
    if (p.rating <= NEGATIVE_MAX) t.negative++;
    totals.set(period, t);
  }
  const periods = [...totals.keys()].sort();
  const points: RatingPoint[] = [];
  if (periods.length === 0) return points;
  for (let period = periods[0]!; period <= periods.at(-1)!; period = nextPeriod(period, f.bucket)) {
    const t = totals.get(period) ?? { period, count: 0, sum: 0, average: null, negative: 0 };
    points.push({ ...t, average: average(t.sum, t.count) });
  }
  return points;
}
