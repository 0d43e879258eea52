import type { Command } from 'commander';
import { salesReport } from '../../../domain/reports/sales.js';
import type { Ctx } from '../../context.js';
import { integerArg, verb } from '../../verb.js';
import { salesView } from '../../views/reports.js';

export interface PeriodFlags {
  period?: string;
  date?: string;
  from?: string;
  to?: string;
  shop?: string;
}

/** --period/--date/--from/--to/--shop, shared by the sibling reports. */
export function withPeriod(cmd: Command, ctx: Ctx): Command {
  return cmd
    .option('--period <day|week|month>', ctx.t('rpt.opt.period'))
    .option('--date <YYYY-MM-DD>', ctx.t('rpt.opt.date'))
    .option('--from <YYYY-MM-DD>', ctx.t('rpt.opt.from'))
    .option('--to <YYYY-MM-DD>', ctx.t('rpt.opt.to'))
    .option('--shop <name>', ctx.t('rpt.opt.shop'));
}

export const periodFlags = (o: PeriodFlags): PeriodFlags => ({ period: o.period, date: o.date, from: o.from, to: o.to, shop: o.shop });

/** An optional whole-number flag. */
export const optionalInt = (text: string | undefined, flag: string) => (text === undefined ? undefined : integerArg(text, flag));

export interface ReportSalesOptions extends PeriodFlags {
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
    .action((o) => run({ ...periodFlags(o), by: o.by }, ctx));
}

export async function reportSalesRun(o: ReportSalesOptions, ctx: Ctx): Promise<void> {
  await ctx.print(salesView(ctx, salesReport(ctx.db(), o, ctx.now())));
}
