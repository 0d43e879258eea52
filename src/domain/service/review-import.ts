import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import * as q from '../../db/queries/reviews.js';
import { invalidData, ShopkeepError, type Detail } from '../errors.js';
import { findShop, resolveShop } from '../shops/shops.js';
import type { Shop } from '../shops/types.js';
import { headerIndex, parseCsv } from '../text/csv.js';
import { decodeText } from '../text/decode.js';
import { reviewValues } from './reviews.js';

/** The review CSV (templates/reviews.csv, docs/customers-reviews.md). */
export const REVIEW_COLUMNS = ['shop', 'review_id', 'order', 'sku', 'rating', 'text', 'date'] as const;
export type ReviewColumn = (typeof REVIEW_COLUMNS)[number];
export const REQUIRED_REVIEW_COLUMNS: readonly ReviewColumn[] = ['rating', 'date'];

export interface ReviewImportSummary {
  file: string;
  encoding: string;
  rows: number;
  new: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
}

class DryRun {
  constructor(readonly summary: ReviewImportSummary) {}
}

/** A cell an export protected with a leading apostrophe reads back as it was. */
const unprotect = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

const same = (a: q.ReviewValues, b: q.ReviewRecord) =>
  a.orderId === b.orderId && a.skuId === b.skuId && a.customerId === b.customerId && a.rating === b.rating && a.body === b.body && a.reviewedAt === b.reviewedAt;

/**
 * Imports reviews all-or-nothing: every row is checked inside one transaction and any bad row rolls the file back,
 * listing every bad line (exit 5). Idempotent: a row whose (shop, review_id) is stored updates that review (its reply
 * is kept); a row without review_id is skipped when the same review (shop, order, SKU, rating, text, time) is stored.
 * A blank shop cell means `options.shop`, else the default shop. --dry-run does the same work and rolls back.
 */
export function importReviews(db: Db, bytes: Uint8Array, file: string, options: { dryRun: boolean; shop?: string }, now: number): ReviewImportSummary {
  const { text, encoding } = decodeText(bytes, file);
  const [header, ...records] = parseCsv(text, file);
  if (!header) throw invalidData('csv.empty', { file });
  const index = headerIndex(header.cells, REVIEW_COLUMNS, REQUIRED_REVIEW_COLUMNS, file);
  const cell = (cells: string[], c: ReviewColumn) => (index.has(c) ? unprotect(cells[index.get(c)!] ?? '').trim() : '');
  const named = options.shop === undefined ? undefined : findShop(db, options.shop);
  const summary: ReviewImportSummary = { file, encoding, rows: records.length, new: 0, updated: 0, unchanged: 0, dryRun: options.dryRun };
  try {
    return writeTransaction(db, () => {
      const errors: Detail[] = [];
      const seen = new Map<string, number>();
      let fallback: Shop | undefined;
      for (const record of records) {
        try {
          const get = (c: ReviewColumn) => cell(record.cells, c);
          const shopName = get('shop');
          const shop = shopName !== '' ? findShop(db, shopName) : (fallback ??= named ?? resolveShop(db));
          if (get('date') === '') throw invalidData('input.required', { field: 'date' });
          const values = reviewValues(db, shop, { platformReviewId: get('review_id'), order: get('order'), sku: get('sku'), rating: get('rating'), text: get('text'), date: get('date') }, now, false);
          if (values.platformReviewId !== null) {
            const key = `${shop.id}\u0000${values.platformReviewId}`;
            if (seen.has(key)) throw invalidData('reviewImport.duplicateId', { id: values.platformReviewId, line: seen.get(key)! });
            seen.set(key, record.line);
            const existing = q.reviewsByPlatformId(db, values.platformReviewId, shop.id)[0];
            if (existing && same(values, existing)) summary.unchanged++;
            else if (existing) {
              q.updateReview(db, existing.id, values);
              summary.updated++;
            } else {
              q.insertReview(db, values);
              summary.new++;
            }
          } else if (q.sameReviewId(db, values) !== undefined) summary.unchanged++;
          else {
            q.insertReview(db, values);
            summary.new++;
          }
        } catch (error) {
          if (!(error instanceof ShopkeepError)) throw error;
          errors.push({ line: record.line, key: error.key, params: error.params });
        }
      }
      if (errors.length > 0) throw invalidData('reviewImport.rejected', { file, count: errors.length }, { key: 'reviewImport.rejected.hint' }, errors);
      if (options.dryRun) throw new DryRun(summary);
      return summary;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.summary;
    throw error;
  }
}
