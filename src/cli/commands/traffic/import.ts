import type { Command } from 'commander';
import type { TrafficImportSummary } from '../../../domain/traffic/traffic-import.js';
import type { Ctx } from '../../context.js';
import { readInput } from '../../files.js';
import type { View } from '../../render/view.js';
import { verb } from '../../verb.js';

export interface TrafficImportOptions {
  shop?: string;
  layout: string;
  dryRun: boolean;
}

export function trafficImportCommand(ctx: Ctx, run = trafficImportRun): Command {
  return verb(ctx, 'import', 'traffic.import.summary', [
    'shopkeep traffic import traffic.csv --dry-run',
    'shopkeep traffic import 生意参谋-店铺整体.csv --shop "山间茶舍 Taobao"',
    'shopkeep traffic import sessions.csv --shop "Mountain Tea House" --layout shopify',
  ])
    .argument('<file>', ctx.t('arg.fileOrStdin'))
    .option('--shop <name>', ctx.t('traffic.opt.importShop'))
    .option('--layout <layout>', ctx.t('traffic.opt.layout'), 'auto')
    .option('--dry-run', ctx.t('opt.dryRun'))
    .action((file: string, o) => run(file, { shop: o.shop, layout: o.layout, dryRun: Boolean(o.dryRun) }, ctx));
}

export async function trafficImportRun(file: string, o: TrafficImportOptions, ctx: Ctx): Promise<void> {
  const { importTraffic } = await import('../../../domain/traffic/traffic-import.js');
  const input = await readInput(ctx, file);
  const summary = importTraffic(ctx.db(), input.bytes, input.name, o);
  ctx.info(ctx.t(summary.dryRun ? 'trafficImport.dryRunDone' : 'trafficImport.done', { file: summary.file, rows: summary.rows }));
  await ctx.print(summaryView(ctx, summary));
}

function summaryView(ctx: Ctx, s: TrafficImportSummary): View {
  return {
    json: s,
    blocks: [
      {
        kind: 'fields',
        fields: [
          [ctx.t('col.file'), s.file],
          [ctx.t('col.encoding'), s.encoding],
          [ctx.t('traffic.col.layout'), s.layout],
          [ctx.t('col.rows'), String(s.rows)],
          [ctx.t('traffic.col.new'), String(s.new)],
          [ctx.t('traffic.col.replaced'), String(s.replaced)],
          [ctx.t('traffic.col.unchanged'), String(s.unchanged)],
        ],
      },
    ],
  };
}
