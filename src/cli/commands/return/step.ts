import type { Command } from 'commander';
import type { Db } from '../../../db/open.js';
import { approveReturn, closeReturn, rejectReturn, type ReturnDetail } from '../../../domain/service/returns.js';
import type { Ctx } from '../../context.js';
import { required, verb } from '../../verb.js';
import { returnDetailView } from '../../views/returns.js';

export interface ReturnStepOptions {
  note?: string;
  reason?: string;
  reveal: boolean;
}

type Apply = (db: Db, ref: string, o: ReturnStepOptions, now: number) => ReturnDetail;

/** approve, reject and close share a shape: find the return, take one step in one transaction, print it. */
async function stepRun(ref: string | undefined, o: ReturnStepOptions, ctx: Ctx, apply: Apply): Promise<void> {
  const number = await required(ctx, ref, 'RETURN', 'return.prompt.return');
  const db = ctx.db();
  const r = apply(db, number, o, ctx.now());
  ctx.info(ctx.t('return.nowStatus', { number: r.number, status: r.status }));
  await ctx.print(returnDetailView(ctx, r, o.reveal));
}

export function returnApproveCommand(ctx: Ctx, run = returnApproveRun): Command {
  return verb(ctx, 'approve', 'return.approve.summary', ['shopkeep return approve R-000001', 'shopkeep return approve R-000001 --note "buyer sends by SF"'])
    .argument('[return]', ctx.t('arg.return'))
    .option('--note <text>', ctx.t('opt.returnNote'))
    .option('--reveal', ctx.t('opt.reveal'))
    .action((ref: string | undefined, o) => run(ref, { ...o, reveal: Boolean(o.reveal) }, ctx));
}

export function returnApproveRun(ref: string | undefined, o: ReturnStepOptions, ctx: Ctx): Promise<void> {
  return stepRun(ref, o, ctx, (db, number, opts, now) => approveReturn(db, number, { note: opts.note }, now));
}

export function returnRejectCommand(ctx: Ctx, run = returnRejectRun): Command {
  return verb(ctx, 'reject', 'return.reject.summary', ['shopkeep return reject R-000002 --reason "past the 7-day window"'])
    .argument('[return]', ctx.t('arg.return'))
    .option('--reason <text>', ctx.t('opt.rejectReason'))
    .option('--reveal', ctx.t('opt.reveal'))
    .action((ref: string | undefined, o) => run(ref, { ...o, reveal: Boolean(o.reveal) }, ctx));
}

export async function returnRejectRun(ref: string | undefined, o: ReturnStepOptions, ctx: Ctx): Promise<void> {
  const number = await required(ctx, ref, 'RETURN', 'return.prompt.return');
  const reason = await required(ctx, o.reason, '--reason', 'return.prompt.reason');
  return stepRun(number, o, ctx, (db, n, _opts, now) => rejectReturn(db, n, { reason }, now));
}

export function returnCloseCommand(ctx: Ctx, run = returnCloseRun): Command {
  return verb(ctx, 'close', 'return.close.summary', ['shopkeep return close R-000001', 'shopkeep return close R-000003 --note "repaired, sent back SF1234567890123"'])
    .argument('[return]', ctx.t('arg.return'))
    .option('--note <text>', ctx.t('opt.returnNote'))
    .option('--reveal', ctx.t('opt.reveal'))
    .action((ref: string | undefined, o) => run(ref, { ...o, reveal: Boolean(o.reveal) }, ctx));
}

export function returnCloseRun(ref: string | undefined, o: ReturnStepOptions, ctx: Ctx): Promise<void> {
  return stepRun(ref, o, ctx, (db, number, opts, now) => closeReturn(db, number, { note: opts.note }, now));
}
