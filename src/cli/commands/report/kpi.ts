import type { Command } from 'commander';
import type { KpiInput, KpiReport } from '../../../domain/reports/kpi.js';
import type { Ctx } from '../../context.js';
import type { Format, View } from '../../render/view.js';
import { verb } from '../../verb.js';
import { outputFormat, printReport } from './output.js';

export interface ReportKpiOptions extends KpiInput {
  explain?: boolean;
  output?: string;
}

export function reportKpiCommand(ctx: Ctx, run = reportKpiRun): Command {
  return verb(ctx, 'kpi', 'report.kpi.summary', [
    'shopkeep report kpi                                  # yesterday, against the day before',
    'shopkeep report kpi --period week --compare yoy',
    'shopkeep report kpi --from 2026-11-01 --to 2026-11-11 --shop "Tea House" --json',
    'shopkeep report kpi --period month --format html -o november.html',
    'shopkeep report kpi --explain',
  ])
    .option('--date <day>', ctx.t('report.opt.date'))
    .option('--period <kind>', ctx.t('report.opt.period'))
    .option('--from <day>', ctx.t('report.opt.from'))
    .option('--to <day>', ctx.t('report.opt.to'))
    .option('--shop <name>', ctx.t('report.opt.shop'))
    .option('--compare <with>', ctx.t('report.opt.compare'), 'previous')
    .option('--explain', ctx.t('report.opt.explain'))
    .option('-o, --output <file>', ctx.t('report.opt.output'))
    .action((o: ReportKpiOptions) => run(o, ctx));
}

/** Builds the view for `format`: the HTML module is imported only for --format html. */
export async function kpiViewFor(ctx: Ctx, report: KpiReport, format: Format): Promise<View> {
  const t = ctx.t.bind(ctx);
  const { kpiMarkdown, kpiView } = await import('../../views/kpi.js');
  const html = format === 'html' ? (await import('../../views/kpi-html.js')).kpiHtml(t, report, ctx.lang) : undefined;
  return kpiView(t, report, { md: () => kpiMarkdown(t, report), ...(html === undefined ? {} : { html: () => html }) });
}

export async function reportKpiRun(o: ReportKpiOptions, ctx: Ctx): Promise<void> {
  if (o.explain) {
    const { explainView } = await import('../../views/kpi.js');
    await ctx.print(explainView(ctx.t.bind(ctx)));
    return;
  }
  // The view's module loads alongside the report's (kpiViewFor below finds it loaded): one wait for both, not two.
  const [{ kpiReport }] = await Promise.all([import('../../../domain/reports/kpi.js'), import('../../views/kpi.js')]);
  const report = kpiReport(ctx.existingDb(), { date: o.date, period: o.period, from: o.from, to: o.to, shop: o.shop, compare: o.compare }, ctx.now());
  await printReport(ctx, await kpiViewFor(ctx, report, outputFormat(ctx, o.output)), o.output);
}
