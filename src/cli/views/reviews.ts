import { maskName } from '../../domain/privacy.js';
import { customerCode } from '../../domain/service/customers.js';
import type { ReviewImportSummary } from '../../domain/service/review-import.js';
import type { RatingStats, RatingSummary } from '../../domain/service/rating-summary.js';
import { reviewCode, type RatingPoint, type ReplyResult, type ReviewRecord } from '../../domain/service/reviews.js';
import { formatWallTime } from '../../domain/time.js';
import type { Ctx } from '../context.js';
import type { Block, View } from '../render/view.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const stars = (rating: number) => `${'★'.repeat(rating)}${'☆'.repeat(5 - rating)}`;

const short = (text: string | null, max = 60) => (text === null ? null : [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text);

/** The JSON contract of one review; the buyer's name is masked unless --reveal. */
export function reviewJson(r: ReviewRecord, reveal: boolean) {
  return {
    id: r.id,
    code: reviewCode(r.id),
    shop: r.shop,
    platformReviewId: r.platformReviewId,
    rating: r.rating,
    text: r.body,
    sku: r.sku,
    product: r.product,
    order: r.platformOrderId,
    customer: r.customerId === null ? null : customerCode(r.customerId),
    buyer: reveal ? r.buyerName : maskName(r.buyerName),
    reviewedAt: iso(r.reviewedAt),
    reply: r.reply,
    repliedAt: iso(r.repliedAt),
  };
}

export function reviewListView(ctx: Ctx, reviews: ReviewRecord[], reveal: boolean, negative: boolean): View {
  return {
    json: { reviews: reviews.map((r) => reviewJson(r, reveal)) },
    blocks: () => [
      {
        kind: 'table',
        columns: [
          { key: 'id', label: ctx.t('col.id') },
          { key: 'shop', label: ctx.t('col.shop') },
          { key: 'date', label: ctx.t('col.time') },
          { key: 'rating', label: ctx.t('reviewCol.rating') },
          { key: 'sku', label: ctx.t('col.sku') },
          { key: 'order', label: ctx.t('col.order') },
          { key: 'buyer', label: ctx.t('col.buyer') },
          { key: 'text', label: ctx.t('reviewCol.text') },
          { key: 'answered', label: ctx.t('reviewCol.answered') },
        ],
        rows: reviews.map((r) => ({
          id: reviewCode(r.id),
          shop: r.shop,
          date: formatWallTime(r.reviewedAt, r.timezone),
          rating: stars(r.rating),
          sku: r.sku,
          order: r.platformOrderId,
          buyer: reveal ? r.buyerName : maskName(r.buyerName),
          text: short(r.body),
          answered: r.repliedAt === null ? ctx.t('label.no') : ctx.t('label.yes'),
        })),
        empty: ctx.t(negative ? 'review.list.emptyNegative' : 'review.list.empty'),
      },
    ],
  };
}

export function reviewView(ctx: Ctx, r: ReviewRecord, reveal: boolean): View {
  const none = ctx.t('label.none');
  return {
    json: { review: reviewJson(r, reveal) },
    blocks: [
      {
        kind: 'fields',
        title: `${reviewCode(r.id)} · ${r.shop}`,
        fields: [
          [ctx.t('reviewCol.platformId'), r.platformReviewId ?? none],
          [ctx.t('reviewCol.rating'), `${stars(r.rating)} (${r.rating})`],
          [ctx.t('col.time'), formatWallTime(r.reviewedAt, r.timezone)],
          [ctx.t('col.sku'), [r.sku, r.product].filter(Boolean).join(' · ') || none],
          [ctx.t('col.order'), r.platformOrderId ?? none],
          [ctx.t('col.buyer'), (reveal ? r.buyerName : maskName(r.buyerName)) ?? none],
          [ctx.t('reviewCol.text'), r.body ?? none],
          [ctx.t('reviewCol.reply'), r.reply ?? none],
        ],
      },
    ],
  };
}

/** The reply text alone on stdout (to paste into the platform); JSON says which review and when. */
export function replyView(r: ReplyResult): View {
  return {
    json: {
      reply: {
        review: reviewCode(r.review.id),
        platformReviewId: r.review.platformReviewId,
        shop: r.review.shop,
        template: r.template,
        text: r.text,
        repliedAt: iso(r.review.repliedAt),
        replaced: r.replaced,
      },
    },
    blocks: [{ kind: 'text', text: r.text }],
  };
}

export function reviewImportView(ctx: Ctx, s: ReviewImportSummary): View {
  return {
    json: { import: s },
    blocks: [
      {
        kind: 'fields',
        fields: [
          [ctx.t('col.file'), s.file],
          [ctx.t('col.encoding'), s.encoding],
          [ctx.t('col.rows'), String(s.rows)],
          [ctx.t('reviewCol.reviews'), ctx.t('reviewImport.tally', { new: s.new, updated: s.updated, unchanged: s.unchanged })],
        ],
      },
    ],
  };
}

const statsJson = (s: RatingStats) => ({ count: s.count, sum: s.sum, average: s.average, negative: s.negative, unansweredNegative: s.unansweredNegative });

export function ratingsView(ctx: Ctx, summary: RatingSummary, overTime: RatingPoint[] | undefined, zone: string): View {
  const avg = (a: number | null) => (a === null ? '' : a.toFixed(2));
  const statColumns = [
    { key: 'count', label: ctx.t('reviewCol.count'), align: 'right' as const },
    { key: 'average', label: ctx.t('reviewCol.average'), align: 'right' as const },
    { key: 'negative', label: ctx.t('reviewCol.negative'), align: 'right' as const },
    { key: 'unanswered', label: ctx.t('reviewCol.unanswered'), align: 'right' as const },
  ];
  const statCells = (s: RatingStats) => ({ count: s.count, average: avg(s.average), negative: s.negative, unanswered: s.unansweredNegative });
  const blocks: Block[] = [
    {
      kind: 'fields',
      title: ctx.t('review.stats.title', { from: formatWallTime(summary.from, zone), to: formatWallTime(summary.to, zone) }),
      fields: [
        [ctx.t('reviewCol.count'), String(summary.overall.count)],
        [ctx.t('reviewCol.average'), avg(summary.overall.average) || ctx.t('label.none')],
        [ctx.t('reviewCol.negative'), String(summary.overall.negative)],
        [ctx.t('reviewCol.unanswered'), String(summary.overall.unansweredNegative)],
      ],
    },
    {
      kind: 'table',
      title: ctx.t('review.stats.byShop'),
      columns: [{ key: 'shop', label: ctx.t('col.shop') }, ...statColumns],
      rows: summary.shops.map((s) => ({ shop: s.shop, ...statCells(s) })),
    },
    {
      kind: 'table',
      title: ctx.t('review.stats.bySku'),
      columns: [{ key: 'sku', label: ctx.t('col.sku') }, { key: 'title', label: ctx.t('col.title') }, ...statColumns],
      rows: summary.skus.map((s) => ({ sku: s.sku, title: s.title, ...statCells(s) })),
    },
  ];
  if (overTime) {
    blocks.push({
      kind: 'table',
      title: ctx.t('review.stats.overTime'),
      columns: [{ key: 'period', label: ctx.t('reviewCol.period') }, ...statColumns.slice(0, 3)],
      rows: overTime.map((p) => ({ period: p.period, count: p.count, average: avg(p.average), negative: p.negative })),
    });
  }
  return {
    json: {
      ratings: {
        from: iso(summary.from),
        to: iso(summary.to),
        overall: statsJson(summary.overall),
        shops: summary.shops.map((s) => ({ shop: s.shop, ...statsJson(s) })),
        skus: summary.skus.map((s) => ({ sku: s.sku, title: s.title, ...statsJson(s) })),
        ...(overTime && { overTime: overTime.map((p) => ({ period: p.period, count: p.count, sum: p.sum, average: p.average, negative: p.negative })) }),
      },
    },
    blocks,
  };
}
