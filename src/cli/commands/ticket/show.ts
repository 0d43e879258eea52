import type { Command } from 'commander';
import { getTicket } from '../../../domain/service/tickets.js';
import type { Ctx } from '../../context.js';
import { verb } from '../../verb.js';
import { ticketDetailView } from '../../views/tickets.js';

export function ticketShowCommand(ctx: Ctx, run = ticketShowRun): Command {
  return verb(ctx, 'show', 'ticket.show.summary', ['shopkeep ticket show T-000042', 'shopkeep ticket show 42 --reveal', 'shopkeep ticket show T-000042 --json'])
    .argument('<ticket>', ctx.t('arg.ticket'))
    .option('--reveal', ctx.t('opt.reveal'))
    .action((ref: string, o) => run(ref, { reveal: Boolean(o.reveal) }, ctx));
}

export async function ticketShowRun(ref: string, o: { reveal: boolean }, ctx: Ctx): Promise<void> {
  await ctx.print(ticketDetailView(ctx, getTicket(ctx.db(), ref, ctx.now()), o.reveal));
}
