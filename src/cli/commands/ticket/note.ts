import type { Command } from 'commander';
import { addTicketNote, getTicket, recordInbound } from '../../../domain/service/tickets.js';
import type { Ctx } from '../../context.js';
import { required, verb } from '../../verb.js';
import { ticketDetailView } from '../../views/tickets.js';

export function ticketNoteCommand(ctx: Ctx, run = ticketNoteRun): Command {
  return verb(ctx, 'note', 'ticket.note.summary', ['shopkeep ticket note T-000042 --message "asked the warehouse to check the batch"'])
    .argument('<ticket>', ctx.t('arg.ticket'))
    .option('--message <text>', ctx.t('opt.noteMessage'))
    .option('--reveal', ctx.t('opt.reveal'))
    .action((ref: string, o) => run(ref, { message: o.message, reveal: Boolean(o.reveal) }, ctx));
}

export async function ticketNoteRun(ref: string, o: { message?: string; reveal: boolean }, ctx: Ctx): Promise<void> {
  const message = await required(ctx, o.message, '--message', 'prompt.noteMessage');
  const db = ctx.db();
  const ticket = addTicketNote(db, { ref, body: message }, ctx.now());
  ctx.info(ctx.t('ticket.noted', { ticket: ticket.number }));
  await ctx.print(ticketDetailView(ctx, getTicket(db, ticket.number, ctx.now()), o.reveal));
}

export function ticketInboundCommand(ctx: Ctx, run = ticketInboundRun): Command {
  return verb(ctx, 'inbound', 'ticket.inbound.summary', [
    'shopkeep ticket inbound T-000042 --message "照片已发，请查收"',
    'shopkeep ticket inbound T-000042 --message "Still nothing arrived" --at "2026-11-26 08:15"',
  ])
    .argument('<ticket>', ctx.t('arg.ticket'))
    .option('--message <text>', ctx.t('opt.inboundMessage'))
    .option('--at <time>', ctx.t('opt.ticketAt'))
    .option('--reveal', ctx.t('opt.reveal'))
    .action((ref: string, o) => run(ref, { message: o.message, at: o.at, reveal: Boolean(o.reveal) }, ctx));
}

export async function ticketInboundRun(ref: string, o: { message?: string; at?: string; reveal: boolean }, ctx: Ctx): Promise<void> {
  const message = await required(ctx, o.message, '--message', 'prompt.inboundMessage');
  const db = ctx.db();
  const ticket = recordInbound(db, { ref, body: message, at: o.at }, ctx.now());
  ctx.info(ctx.t('ticket.inboundRecorded', { ticket: ticket.number, status: ticket.status }));
  await ctx.print(ticketDetailView(ctx, getTicket(db, ticket.number, ctx.now()), o.reveal));
}
