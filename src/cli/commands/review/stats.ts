import type { Command } from 'commander';
import { findSku } from '../../../domain/catalog/lookup.js';
import { ratingSummary } from '../../../domain/service/rating-summary.js';
import { endOfDay, ratingsOverTime, type RatingBucket } from '../../../domain/service/reviews.js';
import { resolveShop } from '../../../domain/shops/shops.js';
import { usageError } from '../../../domain/errors.js';
import { parseTimeArg } from '../../../domain/time.js';
import type { Ctx } from '../../context.js';
import { verb } from '../../verb.js';
import { ratingsView } from '../../views/reviews.js';

export interface ReviewStatsOptions {
  shop?: string;
  sku?: string;
  since: string;
  until?: string;
  by?: string;
}

export function reviewStatsCommand(ctx: Ctx, run = reviewStatsRun): Command {
  return verb(ctx, 'stats', 'review.stats.summary', [
    'shopkeep review stats                      # the last 30 days',
    'shopkeep review stats --since 2026-10-01 --until 2026-11-01 --sku LJ-250G',
    'shopkeep review stats --shop "山间茶舍 Taobao" --since 26w --by week --json',
  ])
    .option('--shop <name>', ctx.t('opt.shop'))
    .option('--sku <code>', ctx.t('opt.skuFilter'))
    .option('--since <when>', ctx.t('review.opt.statsSince'), '30d')
    .option('--until <when>', ctx.t('opt.until'))
    .option('--by <bucket>', ctx.t('review.opt.by'))
    .action((o) => run(o, ctx));
}

/** Times without an offset are read in the named shop's zone, else the default shop's. */
export async function reviewStatsRun(o: ReviewStatsOptions, ctx: Ctx): Promise<void> {
  const db = ctx.db();
  if (o.by !== undefined && o.by !== 'week' && o.by !== 'month') throw usageError('input.oneOf', { field: '--by', value: o.by, choices: 'week, month' });
  const shop = resolveShop(db, o.shop);
  const shopId = o.shop === undefined ? undefined : shop.id;
  const skuId = o.sku === undefined ? undefined : findSku(db, o.sku).id;
  const from = parseTimeArg(o.since, shop.timezone, ctx.now(), '--since');
  const to = o.until === undefined ? endOfDay(ctx.now(), shop.timezone) : parseTimeArg(o.until, shop.timezone, ctx.now(), '--until');
  const summary = ratingSummary(db, { from, to, shopId, skuId });
  const overTime = o.by === undefined ? undefined : ratingsOverTime(db, { shopId, skuId, bucket: o.by as RatingBucket, from, to });
  await ctx.print(ratingsView(ctx, summary, overTime, shop.timezone));
}
