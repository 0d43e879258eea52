import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import { verb } from '../../verb.js';
import { periodFlags, withPeriod, type PeriodFlags } from './flags.js';
import { printReport } from './output.js';

export interface ReportAdsOptions extends PeriodFlags {
  output?: string;
}

export function reportAdsCommand(ctx: Ctx, run = reportAdsRun): Command {
  return withPeriod(
    verb(ctx, 'ads', 'rpt.ads.summary', [
      'shopkeep report ads',
      'shopkeep report ads --period week',
      'shopkeep report ads --from 2026-11-01 --to 2026-11-11 --json | jq ".ads[] | select(.roas < 1)"',
    ]),
    ctx,
  ).action((o) => run({ ...periodFlags(o), output: o.output }, ctx));
}

export async function reportAdsRun(o: ReportAdsOptions, ctx: Ctx): Promise<void> {
  const [{ adsReport }, { adsView }] = await Promise.all([import('../../../domain/reports/ads-report.js'), import('../../views/reports.js')]);
  await printReport(ctx, adsView(ctx, adsReport(ctx.existingDb(), o, ctx.now())), o.output);
}
