import type { Command } from 'commander';
import { listReviews } from '../../../domain/service/reviews.js';
import type { Ctx } from '../../context.js';
import { integerArg, verb } from '../../verb.js';
import { reviewListView } from '../../views/reviews.js';

export interface ReviewListOptions {
  negative: boolean;
  shop?: string;
  sku?: string;
  since?: string;
  limit: string;
  reveal: boolean;
}

export function reviewListCommand(ctx: Ctx, run = reviewListRun): Command {
  return verb(ctx, 'list', 'review.list.summary', [
    'shopkeep review list --negative            # the follow-up queue, oldest first',
    'shopkeep review list --sku LJ-250G --since 30d',
    'shopkeep review list --shop "山间茶舍 Taobao" --json',
  ])
    .option('--negative', ctx.t('review.opt.negative'))
    .option('--shop <name>', ctx.t('opt.shop'))
    .option('--sku <code>', ctx.t('opt.skuFilter'))
    .option('--since <when>', ctx.t('opt.since'))
    .option('--limit <n>', ctx.t('opt.limit'), '200')
    .option('--reveal', ctx.t('opt.reveal'))
    .action((o) => run({ ...o, negative: Boolean(o.negative), reveal: Boolean(o.reveal) }, ctx));
}

export async function reviewListRun(o: ReviewListOptions, ctx: Ctx): Promise<void> {
  const reviews = listReviews(ctx.db(), { negative: o.negative, shop: o.shop, sku: o.sku, since: o.since, limit: integerArg(o.limit, '--limit') }, ctx.now());
  await ctx.print(reviewListView(ctx, reviews, o.reveal, o.negative));
}
