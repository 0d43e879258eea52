import type { Db } from '../../db/open.js';
import * as q from '../../db/queries/reviews.js';

// The ratings the KPI report reads, apart from the review service (replies, orders, the catalogue) so the report
// loads only this.

export interface RatingStats {
  count: number;
  /** Sum of the stars, so callers can combine periods exactly. */
  sum: number;
  /** Mean rating rounded to 2 decimals; null without reviews. */
  average: number | null;
  /** Reviews of 3 stars or fewer. */
  negative: number;
  /** … of which not answered yet. */
  unansweredNegative: number;
}

export interface RatingSummary {
  from: number;
  to: number;
  overall: RatingStats;
  shops: (RatingStats & { shopId: number; shop: string })[];
  skus: (RatingStats & { skuId: number; sku: string; title: string })[];
}

export const average = (sum: number, count: number) => (count === 0 ? null : Math.round((sum / count) * 100) / 100);

const stats = (r: q.RatingGroupRow | undefined): RatingStats => ({
  count: r?.count ?? 0,
  sum: r?.sum ?? 0,
  average: average(r?.sum ?? 0, r?.count ?? 0),
  negative: r?.negative ?? 0,
  unansweredNegative: r?.unansweredNegative ?? 0,
});

/**
 * Ratings of the reviews made in [from, to) (epoch ms), overall, per shop and per SKU (reviews without a SKU count
 * for their shop only). The KPI report's service section reads this.
 */
export function ratingSummary(db: Db, f: { from: number; to: number; shopId?: number; skuId?: number }): RatingSummary {
  return {
    from: f.from,
    to: f.to,
    overall: stats(q.ratingGroups(db, 'all', f)[0]),
    shops: q.ratingGroups(db, 'shop', f).map((r) => ({ shopId: r.id!, shop: r.name!, ...stats(r) })),
    skus: q.ratingGroups(db, 'sku', f).map((r) => ({ skuId: r.id!, sku: r.name!, title: r.title!, ...stats(r) })),
  };
}
