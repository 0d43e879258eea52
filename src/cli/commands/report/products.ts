import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import { collect, verb } from '../../verb.js';
import { optionalInt, periodFlags, withPeriod, type PeriodFlags } from './flags.js';
import { printReport } from './output.js';

export interface ReportProductsOptions extends PeriodFlags {
  output?: string;
  section: string[];
  top?: string;
  slowDays?: string;
}

export function reportProductsCommand(ctx: Ctx, run = reportProductsRun): Command {
  return withPeriod(
    verb(ctx, 'products', 'rpt.products.summary', [
      'shopkeep report products                           # every section, last 30 days',
      'shopkeep report products --section bestsellers --top 10 --period month',
      'shopkeep report products --section slow --slow-days 60',
      'shopkeep report products --section abc --format csv > abc.csv',
      'shopkeep report products --json | jq ".margin[] | select(.marginRate < 0.2)"',
    ]),
    ctx,
  )
    .option('--section <name>', ctx.t('rpt.opt.productSection'), collect, [])
    .option('--top <n>', ctx.t('rpt.opt.top'))
    .option('--slow-days <n>', ctx.t('rpt.opt.slowDays'))
    .action((o) => run({ ...periodFlags(o), section: o.section, top: o.top, slowDays: o.slowDays, output: o.output }, ctx));
}

export async function reportProductsRun(o: ReportProductsOptions, ctx: Ctx): Promise<void> {
  const [{ productsReport }, { productsView }] = await Promise.all([import('../../../domain/reports/products.js'), import('../../views/reports.js')]);
  const report = productsReport(ctx.existingDb(), { ...o, sections: o.section, top: optionalInt(o.top, '--top'), slowDays: optionalInt(o.slowDays, '--slow-days') }, ctx.now());
  await printReport(ctx, productsView(ctx, report), o.output);
}
