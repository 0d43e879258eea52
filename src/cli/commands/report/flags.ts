import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import { integerArg } from '../../verb.js';

export interface PeriodFlags {
  period?: string;
  date?: string;
  from?: string;
  to?: string;
  shop?: string;
}

/** --period/--date/--from/--to/--shop and -o FILE, shared by the sibling reports. */
export function withPeriod(cmd: Command, ctx: Ctx): Command {
  return cmd
    .option('--period <day|week|month>', ctx.t('rpt.opt.period'))
    .option('--date <YYYY-MM-DD>', ctx.t('rpt.opt.date'))
    .option('--from <YYYY-MM-DD>', ctx.t('rpt.opt.from'))
    .option('--to <YYYY-MM-DD>', ctx.t('rpt.opt.to'))
    .option('--shop <name>', ctx.t('rpt.opt.shop'))
    .option('-o, --output <file>', ctx.t('report.opt.output'));
}

export const periodFlags = (o: PeriodFlags): PeriodFlags => ({ period: o.period, date: o.date, from: o.from, to: o.to, shop: o.shop });

/** An optional whole-number flag. */
export const optionalInt = (text: string | undefined, flag: string) => (text === undefined ? undefined : integerArg(text, flag));
