import type { Command } from 'commander';
import { addReview, parseRating, reviewCode } from '../../../domain/service/reviews.js';
import type { Ctx } from '../../context.js';
import { required, verb } from '../../verb.js';
import { reviewView } from '../../views/reviews.js';

export interface ReviewAddOptions {
  shop?: string;
  rating?: string;
  sku?: string;
  order?: string;
  text?: string;
  date?: string;
  id?: string;
  reveal: boolean;
}

export function reviewAddCommand(ctx: Ctx, run = reviewAddRun): Command {
  return verb(ctx, 'add', 'review.add.summary', [
    'shopkeep review add --order 3012345678901234567 --rating 5 --text "香气很好"',
    'shopkeep review add --shop "Mountain Tea House" --rating 2 --sku GAIWAN-WHITE --date 2026-11-20 --id 8841',
  ])
    .option('--shop <name>', ctx.t('review.opt.shop'))
    .option('--rating <stars>', ctx.t('review.opt.rating'))
    .option('--sku <code>', ctx.t('review.opt.sku'))
    .option('--order <number>', ctx.t('review.opt.order'))
    .option('--text <text>', ctx.t('review.opt.text'))
    .option('--date <when>', ctx.t('review.opt.date'))
    .option('--id <id>', ctx.t('review.opt.id'))
    .option('--reveal', ctx.t('opt.reveal'))
    .action((o) => run({ ...o, reveal: Boolean(o.reveal) }, ctx));
}

export async function reviewAddRun(o: ReviewAddOptions, ctx: Ctx): Promise<void> {
  const rating = await required(ctx, o.rating, '--rating', 'review.prompt.rating', (v) => {
    try {
      parseRating(v);
      return true;
    } catch {
      return ctx.t('review.badRating', { field: '--rating', value: v });
    }
  });
  const review = addReview(ctx.db(), { shop: o.shop, rating, sku: o.sku, order: o.order, text: o.text, date: o.date, platformReviewId: o.id }, ctx.now());
  ctx.info(ctx.t('review.added', { review: reviewCode(review.id), rating: review.rating, shop: review.shop }));
  await ctx.print(reviewView(ctx, review, o.reveal));
}
