import type { Command } from 'commander';
import { getReturn } from '../../../domain/service/returns.js';
import type { Ctx } from '../../context.js';
import { verb } from '../../verb.js';
import { returnDetailView } from '../../views/returns.js';

export function returnShowCommand(ctx: Ctx, run = returnShowRun): Command {
  return verb(ctx, 'show', 'return.show.summary', ['shopkeep return show R-000001', 'shopkeep return show R-000001 --reveal --json'])
    .argument('<return>', ctx.t('arg.return'))
    .option('--reveal', ctx.t('opt.reveal'))
    .action((ref: string, o) => run(ref, { reveal: Boolean(o.reveal) }, ctx));
}

export async function returnShowRun(ref: string, o: { reveal: boolean }, ctx: Ctx): Promise<void> {
  await ctx.print(returnDetailView(ctx, getReturn(ctx.db(), ref), o.reveal));
}
