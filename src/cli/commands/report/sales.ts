import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import { verb } from '../../verb.js';
import { periodFlags, withPeriod, type PeriodFlags } from './flags.js';
import { printReport } from './output.js';

export interface ReportSalesOptions extends PeriodFlags {
  output?: string;
  by?: string;
}

export function reportSalesCommand(ctx: Ctx, run = reportSalesRun): Command {
  return withPeriod(
    verb(ctx, 'sales', 'rpt.sales.summary', [
      'shopkeep report sales                              # last 30 days, per day',
      'shopkeep report sales --period month --by week',
      'shopkeep report sales --from 2026-10-01 --to 2026-10-31 --by month --shop "山间茶舍 Taobao"',
      'shopkeep report sales --format csv > sales.csv',
    ]),
    ctx,
  )
    .option('--by <day|week|month>', ctx.t('rpt.opt.by'))
    .action((o) => run({ ...periodFlags(o), by: o.by, output: o.output }, ctx));
}

export async function reportSalesRun(o: ReportSalesOptions, ctx: Ctx): Promise<void> {
  const [{ salesReport }, { salesView }] = await Promise.all([import('../../../domain/reports/sales.js'), import('../../views/reports.js')]);
  await printReport(ctx, salesView(ctx, salesReport(ctx.existingDb(), o, ctx.now())), o.output);
}
