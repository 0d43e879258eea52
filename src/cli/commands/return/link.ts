import type { Command } from 'commander';
import { linkReturnTicket } from '../../../domain/service/returns.js';
import type { Ctx } from '../../context.js';
import { required, verb } from '../../verb.js';
import { returnDetailView, ticketNumber } from '../../views/returns.js';

export interface ReturnLinkOptions {
  ticket?: string;
  reveal: boolean;
}

export function returnLinkCommand(ctx: Ctx, run = returnLinkRun): Command {
  return verb(ctx, 'link', 'return.link.summary', ['shopkeep return link R-000001 --ticket 12'])
    .argument('[return]', ctx.t('arg.return'))
    .option('--ticket <id>', ctx.t('opt.returnTicket'))
    .option('--reveal', ctx.t('opt.reveal'))
    .action((ref: string | undefined, o) => run(ref, { ...o, reveal: Boolean(o.reveal) }, ctx));
}

export async function returnLinkRun(ref: string | undefined, o: ReturnLinkOptions, ctx: Ctx): Promise<void> {
  const number = await required(ctx, ref, 'RETURN', 'return.prompt.return');
  const ticket = await required(ctx, o.ticket, '--ticket', 'return.prompt.ticket');
  const r = linkReturnTicket(ctx.db(), number, ticket, ctx.now());
  ctx.info(ctx.t('return.linked', { number: r.number, ticket: r.ticketId === null ? ticket : ticketNumber(r.ticketId) }));
  await ctx.print(returnDetailView(ctx, r, o.reveal));
}
