import { extname } from 'node:path';
import type { Command } from 'commander';
import type { KpiInput, KpiReport } from '../../../domain/reports/kpi.js';
import type { Ctx } from '../../context.js';
import { writeOutput } from '../../files.js';
import { render } from '../../render/index.js';
import type { Format, View } from '../../render/view.js';
import { verb } from '../../verb.js';

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

/** The format: --format/--json when given, else from the -o file name, else table on a terminal, plain otherwise. */
export function outputFormat(ctx: Ctx, output: string | undefined): Format {
  if (ctx.globals.json || ctx.globals.format !== undefined || output === undefined || output === '-') return ctx.format();
  const ext = extname(output).toLowerCase();
  return ext === '.html' || ext === '.htm' ? 'html' : ext === '.md' ? 'md' : ext === '.json' ? 'json' : ext === '.csv' ? 'csv' : 'plain';
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
  const report = kpiReport(ctx.db(), { date: o.date, period: o.period, from: o.from, to: o.to, shop: o.shop, compare: o.compare }, ctx.now());
  const format = outputFormat(ctx, o.output);
  const view = await kpiViewFor(ctx, report, format);
  if (o.output === undefined || o.output === '-') {
    await ctx.print(view);
    return;
  }
  writeOutput(ctx, o.output, await render(view, format, false, false));
  ctx.info(ctx.t('report.daily.wrote', { path: o.output }));
}
