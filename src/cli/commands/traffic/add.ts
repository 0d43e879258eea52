import type { Command } from 'commander';
import type { TrafficRecord } from '../../../domain/traffic/traffic.js';
import type { Ctx } from '../../context.js';
import { required, verb } from '../../verb.js';
import { trafficRecordView } from './views.js';

export interface TrafficAddOptions {
  shop?: string;
  date?: string;
  visitors?: string;
  pageViews?: string;
  sku?: string;
  source?: string;
  bounced?: string;
  bounceRate?: string;
  avgTime?: string;
  addToCart?: string;
  favourites?: string;
}

export function trafficAddCommand(ctx: Ctx, run = trafficAddRun): Command {
  return verb(ctx, 'add', 'traffic.add.summary', [
    'shopkeep traffic add --date 2026-11-24 --visitors 312 --page-views 1040 --bounce-rate 42% --avg-time 1m35s --add-to-cart 41 --favourites 18',
    'shopkeep traffic add --shop "山间茶舍 Taobao" --date 2026-11-24 --source 手淘搜索 --visitors 170 --page-views 520',
    'shopkeep traffic add --date 2026-11-24 --sku LJ-250G --visitors 58 --page-views 130 --add-to-cart 9',
  ])
    .option('--shop <name>', ctx.t('opt.shop'))
    .option('--date <day>', ctx.t('traffic.opt.date'))
    .option('--visitors <n>', ctx.t('traffic.opt.visitors'))
    .option('--page-views <n>', ctx.t('traffic.opt.pageViews'))
    .option('--sku <code>', ctx.t('traffic.opt.sku'))
    .option('--source <name>', ctx.t('traffic.opt.source'))
    .option('--bounced <n>', ctx.t('traffic.opt.bounced'))
    .option('--bounce-rate <rate>', ctx.t('traffic.opt.bounceRate'))
    .option('--avg-time <duration>', ctx.t('traffic.opt.avgTime'))
    .option('--add-to-cart <n>', ctx.t('traffic.opt.addToCart'))
    .option('--favourites <n>', ctx.t('traffic.opt.favourites'))
    .action((o: TrafficAddOptions) => run(o, ctx));
}

export async function trafficAddRun(o: TrafficAddOptions, ctx: Ctx): Promise<void> {
  const date = await required(ctx, o.date, '--date', 'traffic.opt.date');
  const visitors = await required(ctx, o.visitors, '--visitors', 'traffic.opt.visitors');
  const pageViews = await required(ctx, o.pageViews, '--page-views', 'traffic.opt.pageViews');
  const { addTraffic } = await import('../../../domain/traffic/traffic.js');
  const { outcome, record } = addTraffic(ctx.db(), { ...o, date, visitors, pageViews });
  const key = outcome === 'new' ? 'traffic.added' : outcome === 'replaced' ? 'traffic.replaced' : 'traffic.unchanged';
  ctx.info(ctx.t(key, { shop: record.shop, day: record.day, scope: scopeText(ctx, record) }));
  await ctx.print(trafficRecordView(ctx, record, outcome));
}

function scopeText(ctx: Ctx, r: TrafficRecord): string {
  return (r.sku === null ? '' : ctx.t('traffic.scopeSku', { sku: r.sku })) + (r.source === '' ? '' : ctx.t('traffic.scopeSource', { source: r.source }));
}
