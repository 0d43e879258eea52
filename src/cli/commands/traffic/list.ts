import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import { verb } from '../../verb.js';
import { trafficListView } from './views.js';

export interface TrafficListOptions {
  shop?: string;
  from?: string;
  to?: string;
}

export function trafficListCommand(ctx: Ctx, run = trafficListRun): Command {
  return verb(ctx, 'list', 'traffic.list.summary', [
    'shopkeep traffic list --from 2026-11-01 --to 2026-11-24',
    'shopkeep traffic list --shop "山间茶舍 Taobao" --json',
  ])
    .option('--shop <name>', ctx.t('opt.shop'))
    .option('--from <day>', ctx.t('traffic.opt.from'))
    .option('--to <day>', ctx.t('traffic.opt.to'))
    .action((o: TrafficListOptions) => run(o, ctx));
}

export async function trafficListRun(o: TrafficListOptions, ctx: Ctx): Promise<void> {
  const { listTraffic } = await import('../../../domain/traffic/traffic.js');
  await ctx.print(trafficListView(ctx, listTraffic(ctx.db(), o)));
}
