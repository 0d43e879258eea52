import type { Command } from 'commander';
import { refundReturn } from '../../../domain/service/returns.js';
import type { Ctx } from '../../context.js';
import { required, verb } from '../../verb.js';
import { returnDetailView } from '../../views/returns.js';

export interface ReturnRefundOptions {
  amount?: string;
  note?: string;
  reveal: boolean;
}

export function returnRefundCommand(ctx: Ctx, run = returnRefundRun): Command {
  return verb(ctx, 'refund', 'return.refund.summary', ['shopkeep return refund R-000001 --amount 368.00', 'shopkeep return refund R-000004 --amount ¥20 --note "compensation for delay"'])
    .argument('[return]', ctx.t('arg.return'))
    .option('--amount <amount>', ctx.t('opt.refundAmount'))
    .option('--note <text>', ctx.t('opt.returnNote'))
    .option('--reveal', ctx.t('opt.reveal'))
    .action((ref: string | undefined, o) => run(ref, { ...o, reveal: Boolean(o.reveal) }, ctx));
}

export async function returnRefundRun(ref: string | undefined, o: ReturnRefundOptions, ctx: Ctx): Promise<void> {
  const number = await required(ctx, ref, 'RETURN', 'return.prompt.return');
  const amount = await required(ctx, o.amount, '--amount', 'return.prompt.amount');
  const r = refundReturn(ctx.db(), number, { amount, note: o.note }, ctx.now());
  ctx.info(ctx.t('return.nowStatus', { number: r.number, status: r.status }));
  await ctx.print(returnDetailView(ctx, r, o.reveal));
}
