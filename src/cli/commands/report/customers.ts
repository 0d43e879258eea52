import type { Command } from 'commander';
import { usageError } from '../../../domain/errors.js';
import type { Ctx } from '../../context.js';
import { verb } from '../../verb.js';
import type { CustomerSection } from '../../views/reports.js';
import { periodFlags, withPeriod, type PeriodFlags } from './flags.js';
import { printReport } from './output.js';

export interface ReportCustomersOptions extends PeriodFlags {
  output?: string;
  section?: string;
}

export function reportCustomersCommand(ctx: Ctx, run = reportCustomersRun): Command {
  return withPeriod(
    verb(ctx, 'customers', 'rpt.customers.summary', [
      'shopkeep report customers',
      'shopkeep report customers --period month --date 2026-10-01',
      'shopkeep report customers --section segments --format csv > rfm.csv',
    ]),
    ctx,
  )
    .option('--section <buyers|segments>', ctx.t('rpt.opt.customerSection'))
    .action((o) => run({ ...periodFlags(o), section: o.section, output: o.output }, ctx));
}

export async function reportCustomersRun(o: ReportCustomersOptions, ctx: Ctx): Promise<void> {
  const [{ customersReport }, { CUSTOMER_SECTIONS, customersView }] = await Promise.all([import('../../../domain/reports/customers.js'), import('../../views/reports.js')]);
  if (o.section !== undefined && !(CUSTOMER_SECTIONS as readonly string[]).includes(o.section)) {
    throw usageError('input.oneOf', { field: '--section', value: o.section, choices: CUSTOMER_SECTIONS.join(', ') });
  }
  const sections = o.section === undefined ? CUSTOMER_SECTIONS : [o.section as CustomerSection];
  await printReport(ctx, customersView(ctx, customersReport(ctx.existingDb(), o, ctx.now()), sections), o.output);
}
