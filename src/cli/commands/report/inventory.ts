import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import { verb } from '../../verb.js';
import { optionalInt } from './flags.js';
import { printReport } from './output.js';

export interface ReportInventoryOptions {
  output?: string;
  shop?: string;
  days?: string;
  reorder: boolean;
}

export function reportInventoryCommand(ctx: Ctx, run = reportInventoryRun): Command {
  return verb(ctx, 'inventory', 'rpt.inventory.summary', [
    'shopkeep report inventory',
    'shopkeep report inventory --reorder              # only what to order now',
    'shopkeep report inventory --days 14 --format csv > cover.csv',
  ])
    .option('--days <n>', ctx.t('rpt.opt.days'))
    .option('--reorder', ctx.t('rpt.opt.reorderOnly'))
    .option('--shop <name>', ctx.t('rpt.opt.shop'))
    .option('-o, --output <file>', ctx.t('report.opt.output'))
    .action((o) => run({ shop: o.shop, days: o.days, reorder: Boolean(o.reorder), output: o.output }, ctx));
}

export async function reportInventoryRun(o: ReportInventoryOptions, ctx: Ctx): Promise<void> {
  const [{ inventoryReport }, { inventoryView }] = await Promise.all([import('../../../domain/reports/inventory.js'), import('../../views/reports.js')]);
  const report = inventoryReport(ctx.existingDb(), { shop: o.shop, days: optionalInt(o.days, '--days'), reorderOnly: o.reorder }, ctx.now());
  await printReport(ctx, inventoryView(ctx, report), o.output);
}
