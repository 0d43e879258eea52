import type { Command } from 'commander';
import { receiveReturn, RETURN_CONDITIONS } from '../../../domain/service/returns.js';
import type { Ctx } from '../../context.js';
import { required, verb } from '../../verb.js';
import { returnDetailView } from '../../views/returns.js';

export interface ReturnReceiveOptions {
  condition?: string;
  note?: string;
  reveal: boolean;
}

export function returnReceiveCommand(ctx: Ctx, run = returnReceiveRun): Command {
  return verb(ctx, 'receive', 'return.receive.summary', [
    'shopkeep return receive R-000001 --condition resellable',
    'shopkeep return receive R-000002 --condition damaged --note "tin dented"',
  ])
    .argument('[return]', ctx.t('arg.return'))
    .option('--condition <condition>', ctx.t('opt.condition'))
    .option('--note <text>', ctx.t('opt.returnNote'))
    .option('--reveal', ctx.t('opt.reveal'))
    .action((ref: string | undefined, o) => run(ref, { ...o, reveal: Boolean(o.reveal) }, ctx));
}

export async function returnReceiveRun(ref: string | undefined, o: ReturnReceiveOptions, ctx: Ctx): Promise<void> {
  const number = await required(ctx, ref, 'RETURN', 'return.prompt.return');
  const condition =
    o.condition ??
    (ctx.canPrompt()
      ? await ctx.prompter.select(ctx.t('return.prompt.condition'), RETURN_CONDITIONS.map((c) => ({ value: c, name: `${c} · ${ctx.t(`returnCondition.${c}`)}` })))
      : await required(ctx, undefined, '--condition', 'return.prompt.condition'));
  const result = receiveReturn(ctx.db(), number, { condition, note: o.note }, ctx.now());
  ctx.info(ctx.t('return.nowStatus', { number: result.return.number, status: result.return.status }));
  if (result.replacement) ctx.info(ctx.t('return.replacementCreated', { order: result.replacement.platformOrderId }));
  await ctx.print(returnDetailView(ctx, result.return, o.reveal));
}
