import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/open.js';
import { ShopkeepError } from '../../src/domain/errors.js';
import { importReviews } from '../../src/domain/service/review-import.js';
import { ratingSummary } from '../../src/domain/service/rating-summary.js';
import {
  addReview,
  findReview,
  listReviews,
  parseRating,
  ratingsOverTime,
  replyToReview,
  type NewReviewInput,
} from '../../src/domain/service/reviews.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { tempDir } from '../helpers/cli.js';
import { NOW } from '../helpers/db.js';
import { order, orderDb } from '../helpers/orders.js';

const DAY = 86_400_000;

async function kindOf(work: () => unknown): Promise<string | undefined> {
  try {
    await work();
  } catch (error) {
    if (error instanceof ShopkeepError) return error.kind;
    throw error;
  }
  return undefined;
}

/** Tea House (Asia/Shanghai) with paid orders O1 (A×1, 王芳) and O2 (A×1 + B×1, 李雷). */
function reviewDb(): Db {
  const db = orderDb();
  order(db, [{ sku: 'A', quantity: 1 }], { paid: true, platformOrderId: 'O1', buyer: { name: '王芳', phone: '13812345678' } });
  order(db, [{ sku: 'A', quantity: 1 }, { sku: 'B', quantity: 1 }], { paid: true, platformOrderId: 'O2', buyer: { name: '李雷', phone: '13900001111' } });
  return db;
}

const add = (db: Db, input: NewReviewInput, now = NOW) => addReview(db, input, now);
const csv = (text: string) => Buffer.from(text, 'utf8');

describe('review add', () => {
  it('takes the shop, SKU and buyer from a one-SKU order and reads the date in the shop zone', () => {
    const db = reviewDb();
    const r = add(db, { order: 'O1', rating: '4', text: '不错', date: '2026-11-20 10:00', platformReviewId: '8841' });
    expect(r).toMatchObject({ shop: 'Tea House', sku: 'A', product: 'Tea A', platformOrderId: 'O1', buyerName: '王芳', rating: 4, body: '不错', platformReviewId: '8841' });
    expect(new Date(r.reviewedAt).toISOString()).toBe('2026-11-20T02:00:00.000Z');
    expect(add(db, { order: 'O2', rating: 5 }).sku).toBeNull();
    expect(add(db, { order: 'O2', sku: 'B', rating: 5 })).toMatchObject({ sku: 'B', reviewedAt: NOW });
  });

  it('refuses an unknown order or SKU (3), a rating outside 1–5 (2) and a platform id twice (4)', async () => {
    const db = reviewDb();
    expect(await kindOf(() => add(db, { order: 'NOPE', rating: 5 }))).toBe('not_found');
    expect(await kindOf(() => add(db, { sku: 'NOPE', rating: 5 }))).toBe('not_found');
    for (const rating of ['0', '6', '4.5', 'five', '']) expect(await kindOf(() => add(db, { rating }))).toBe('usage');
    add(db, { rating: 5, platformReviewId: 'X1' });
    expect(await kindOf(() => add(db, { rating: 3, platformReviewId: 'X1' }))).toBe('conflict');
    expect(db.prepare('SELECT count(*) FROM review').pluck().get()).toBe(1);
  });

  it('reads ratings as digits or stars', () => {
    expect(parseRating('5')).toBe(5);
    expect(parseRating('3.0')).toBe(3);
    expect(parseRating('★★★★☆')).toBe(4);
  });
});

describe('review list and find', () => {
  it('--negative is the unanswered ≤3-star queue, oldest first', async () => {
    const db = reviewDb();
    const late = add(db, { rating: 3, date: '2026-11-22' });
    const early = add(db, { rating: 1, date: '2026-11-20' });
    add(db, { rating: 4, date: '2026-11-19' });
    const answered = add(db, { rating: 2, date: '2026-11-18' });
    await replyToReview(db, `R-${answered.id}`, { message: 'sorry', lang: 'en', ownDir: null }, NOW);
    expect(listReviews(db, { negative: true }, NOW).map((r) => r.id)).toEqual([early.id, late.id]);
    expect(listReviews(db, {}, NOW)).toHaveLength(4);
    expect(listReviews(db, { since: '2026-11-20' }, NOW).map((r) => r.id)).toEqual([late.id, early.id]);
    expect(listReviews(db, { sku: 'A' }, NOW)).toEqual([]);
  });

  it('finds a review by R-id or platform id, asking for --shop when two shops share one', async () => {
    const db = reviewDb();
    addShop(db, { name: 'Tea Shopify', platform: 'shopify', currency: 'USD', timezone: 'UTC' }, NOW);
    const a = add(db, { rating: 5, platformReviewId: '77' });
    const b = add(db, { shop: 'Tea Shopify', rating: 4, platformReviewId: '77' });
    expect(findReview(db, `R-${a.id}`).id).toBe(a.id);
    expect(findReview(db, `id:${b.id}`).id).toBe(b.id);
    expect(findReview(db, '77', 'Tea Shopify').id).toBe(b.id);
    expect(await kindOf(() => findReview(db, '77'))).toBe('usage');
    expect(await kindOf(() => findReview(db, 'R-99'))).toBe('not_found');
  });
});

describe('review reply', () => {
  const ownTemplates = () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'en'));
    writeFileSync(join(dir, 'en', 'thanks.txt'), 'Dear {{buyer_name}}, thank you for rating {{product}} ({{sku}}, order {{order_number}}) at {{shop_name}}.\n');
    writeFileSync(join(dir, 'en', 'odd.txt'), 'Hello {{customer_nickname}}\n');
    return dir;
  };

  it('fills a template with the review values, prints and stores it', async () => {
    const db = reviewDb();
    const r = add(db, { order: 'O1', rating: 5 });
    const result = await replyToReview(db, `R-${r.id}`, { template: 'thanks', lang: 'en', ownDir: ownTemplates() }, NOW + 1000);
    expect(result.text).toBe('Dear 王芳, thank you for rating Tea A (A, order O1) at Tea House.');
    expect(result.review).toMatchObject({ reply: result.text, repliedAt: NOW + 1000 });
    expect(result.replaced).toBe(false);
  });

  it('refuses an unknown template variable (2), neither or both of template and message (2), a second reply (4)', async () => {
    const db = reviewDb();
    const r = add(db, { order: 'O1', rating: 2 });
    const ref = `R-${r.id}`;
    const dir = ownTemplates();
    expect(await kindOf(() => replyToReview(db, ref, { template: 'odd', lang: 'en', ownDir: dir }, NOW))).toBe('usage');
    expect(await kindOf(() => replyToReview(db, ref, { lang: 'en', ownDir: dir }, NOW))).toBe('usage');
    expect(await kindOf(() => replyToReview(db, ref, { template: 'thanks', message: 'x', lang: 'en', ownDir: dir }, NOW))).toBe('usage');
    expect(findReview(db, ref).repliedAt).toBeNull();
    await replyToReview(db, ref, { message: 'Sorry about that', lang: 'en', ownDir: dir }, NOW);
    expect(await kindOf(() => replyToReview(db, ref, { message: 'Again', lang: 'en', ownDir: dir }, NOW))).toBe('conflict');
    const replaced = await replyToReview(db, ref, { message: 'Again', replace: true, lang: 'en', ownDir: dir }, NOW + 5);
    expect(replaced).toMatchObject({ replaced: true, review: { reply: 'Again', repliedAt: NOW + 5 } });
  });

  it('is exit 2 when the template needs a value the review lacks', async () => {
    const db = reviewDb();
    const r = add(db, { rating: 5 });
    expect(await kindOf(() => replyToReview(db, `R-${r.id}`, { template: 'thanks', lang: 'en', ownDir: ownTemplates() }, NOW))).toBe('usage');
  });
});

describe('review import', () => {
  const GOOD = [
    'shop,review_id,order,sku,rating,text,date',
    'Tea House,T-1,O1,,5,香气很好,2026/11/20 9:30:00',
    ',T-2,O2,B,2,"slow, broken lid",2026-11-21',
    ',,,,4,no id,2026-11-22 08:00',
  ].join('\n');

  it('imports rows in the shop zone, inferring SKU and buyer from the order', () => {
    const db = reviewDb();
    const s = importReviews(db, csv(GOOD), 'reviews.csv', { dryRun: false }, NOW);
    expect(s).toMatchObject({ rows: 3, new: 3, updated: 0, unchanged: 0, dryRun: false, encoding: 'utf-8' });
    const t1 = findReview(db, 'T-1');
    expect(t1).toMatchObject({ sku: 'A', buyerName: '王芳', rating: 5 });
    expect(new Date(t1.reviewedAt).toISOString()).toBe('2026-11-20T01:30:00.000Z');
    expect(findReview(db, 'T-2')).toMatchObject({ sku: 'B', body: 'slow, broken lid', buyerName: '李雷' });
  });

  it('is idempotent: a second run changes nothing, a changed row updates its review and keeps the reply', async () => {
    const db = reviewDb();
    importReviews(db, csv(GOOD), 'reviews.csv', { dryRun: false }, NOW);
    await replyToReview(db, 'T-2', { message: 'We are sorry', lang: 'en', ownDir: null }, NOW);
    expect(importReviews(db, csv(GOOD), 'reviews.csv', { dryRun: false }, NOW)).toMatchObject({ new: 0, updated: 0, unchanged: 3 });
    const changed = GOOD.replace(',T-2,O2,B,2,', ',T-2,O2,B,3,');
    expect(importReviews(db, csv(changed), 'reviews.csv', { dryRun: false }, NOW)).toMatchObject({ new: 0, updated: 1, unchanged: 2 });
    expect(findReview(db, 'T-2')).toMatchObject({ rating: 3, reply: 'We are sorry' });
    expect(db.prepare('SELECT count(*) FROM review').pluck().get()).toBe(3);
  });

  it('--dry-run counts the same and writes nothing', () => {
    const db = reviewDb();
    expect(importReviews(db, csv(GOOD), 'reviews.csv', { dryRun: true }, NOW)).toMatchObject({ new: 3, dryRun: true });
    expect(db.prepare('SELECT count(*) FROM review').pluck().get()).toBe(0);
  });

  it('rejects the whole file with every bad line numbered', () => {
    const db = reviewDb();
    const bad = [
      'shop,review_id,order,sku,rating,text,date',
      'Tea House,T-1,O1,,5,ok,2026-11-20',
      'Tea House,T-2,NOPE,,5,,2026-11-20',
      'Tea House,T-3,,NOPE,5,,2026-11-20',
      'Tea House,T-4,,,6,,2026-11-20',
      'Tea House,T-5,,,5,,yesterday',
      'Tea House,T-1,,,5,,2026-11-20',
      'Nope Shop,T-6,,,5,,2026-11-20',
      'Tea House,T-7,,,5,,',
    ].join('\n');
    let error: ShopkeepError | undefined;
    try {
      importReviews(db, csv(bad), 'bad.csv', { dryRun: false }, NOW);
    } catch (e) {
      error = e as ShopkeepError;
    }
    expect(error?.kind).toBe('invalid_data');
    expect(error?.details.map((d) => [d.line, d.key])).toEqual([
      [3, 'order.notFound'],
      [4, 'sku.notFound'],
      [5, 'review.badRating'],
      [6, 'time.invalid'],
      [7, 'reviewImport.duplicateId'],
      [8, 'shop.notFound'],
      [9, 'input.required'],
    ]);
    expect(db.prepare('SELECT count(*) FROM review').pluck().get()).toBe(0);
  });

  it('refuses an unknown column and needs rating and date', async () => {
    const db = reviewDb();
    expect(await kindOf(() => importReviews(db, csv('rating,date,stars\n5,2026-11-20,5\n'), 'x.csv', { dryRun: false }, NOW))).toBe('invalid_data');
    expect(await kindOf(() => importReviews(db, csv('rating,text\n5,ok\n'), 'x.csv', { dryRun: false }, NOW))).toBe('invalid_data');
  });
});

describe('ratings', () => {
  it('summarises a period overall, per shop and per SKU', async () => {
    const db = reviewDb();
    addShop(db, { name: 'Tea Shopify', platform: 'shopify', currency: 'USD', timezone: 'UTC' }, NOW);
    add(db, { sku: 'A', rating: 5, date: '2026-11-10' });
    add(db, { sku: 'A', rating: 2, date: '2026-11-11' });
    const answered = add(db, { sku: 'B', rating: 3, date: '2026-11-12' });
    await replyToReview(db, `R-${answered.id}`, { message: 'ok', lang: 'en', ownDir: null }, NOW);
    add(db, { shop: 'Tea Shopify', rating: 4, date: '2026-11-12' });
    add(db, { sku: 'A', rating: 1, date: '2026-10-01' });
    const s = ratingSummary(db, { from: Date.parse('2026-11-01T00:00:00+08:00'), to: Date.parse('2026-12-01T00:00:00+08:00') });
    expect(s.overall).toEqual({ count: 4, sum: 14, average: 3.5, negative: 2, unansweredNegative: 1 });
    expect(s.shops.map((x) => [x.shop, x.count, x.average])).toEqual([
      ['Tea House', 3, 3.33],
      ['Tea Shopify', 1, 4],
    ]);
    expect(s.skus.map((x) => [x.sku, x.title, x.count, x.average, x.negative])).toEqual([
      ['A', 'Tea A', 2, 3.5, 1],
      ['B', 'Tea B', 1, 3, 1],
    ]);
    const shopA = ratingSummary(db, { from: 0, to: NOW + 1, skuId: s.skus[0]!.skuId });
    expect(shopA.overall).toMatchObject({ count: 3, negative: 2 });
    expect(ratingSummary(db, { from: 0, to: 1 }).overall).toEqual({ count: 0, sum: 0, average: null, negative: 0, unansweredNegative: 0 });
  });

  it('buckets by week (Monday) and month in the shop zone, listing empty periods between', () => {
    const db = reviewDb();
    // Monday 23 Nov 01:00 in Shanghai, still Sunday in UTC.
    add(db, { rating: 4, date: '2026-11-22T17:00:00Z' });
    add(db, { rating: 2, date: '2026-11-05' });
    add(db, { rating: 5, date: '2026-09-30 23:30' });
    expect(ratingsOverTime(db, { bucket: 'week', from: Date.parse('2026-11-01T00:00:00Z') })).toEqual([
      { period: '2026-11-02', count: 1, sum: 2, average: 2, negative: 1 },
      { period: '2026-11-09', count: 0, sum: 0, average: null, negative: 0 },
      { period: '2026-11-16', count: 0, sum: 0, average: null, negative: 0 },
      { period: '2026-11-23', count: 1, sum: 4, average: 4, negative: 0 },
    ]);
    expect(ratingsOverTime(db, { bucket: 'month' }).map((p) => [p.period, p.count])).toEqual([
      ['2026-09', 1],
      ['2026-10', 0],
      ['2026-11', 2],
    ]);
  });
});
