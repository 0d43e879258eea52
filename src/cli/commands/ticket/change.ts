import type { Command } from 'commander';
import type { Db } from '../../../db/open.js';
import type { MessageKey } from '../../../i18n/index.js';
import { closeTicket, getTicket, markPending, RESOLUTION_CODES, reopenTicket, resolveTicket, type Ticket } from '../../../domain/service/tickets.js';
import type { Ctx } from '../../context.js';
import { required, verb } from '../../verb.js';
import { ticketDetailView } from '../../views/tickets.js';

interface ChangeSpec {
  name: string;
  summary: MessageKey;
  examples: string[];
  resolution?: boolean;
  apply: (db: Db, input: { ref: string; note?: string; resolution: string }, now: number) => Ticket;
}

/** The lifecycle verbs share a shape: find the ticket, change it in one transaction, print it. */
const SPECS: ChangeSpec[] = [
  {
    name: 'pending',
    summary: 'ticket.pending.summary',
    examples: ['shopkeep ticket pending T-000042 --note "asked for a photo of the damage"'],
    apply: (db, input, now) => markPending(db, input, now),
  },
  {
    name: 'resolve',
    summary: 'ticket.resolve.summary',
    examples: ['shopkeep ticket resolve T-000042 --resolution reshipped --note "sent a new teapot, SF1234567890123"', 'shopkeep ticket resolve 42 --resolution answered'],
    resolution: true,
    apply: (db, input, now) => resolveTicket(db, input, now),
  },
  {
    name: 'reopen',
    summary: 'ticket.reopen.summary',
    examples: ['shopkeep ticket reopen T-000042 --note "buyer says the replacement is cracked too"'],
    apply: (db, input, now) => reopenTicket(db, input, now),
  },
  {
    name: 'close',
    summary: 'ticket.close.summary',
    examples: ['shopkeep ticket close T-000042'],
    apply: (db, input, now) => closeTicket(db, input, now),
  },
];

export function ticketChangeCommands(ctx: Ctx): Command[] {
  return SPECS.map((spec) => {
    const cmd = verb(ctx, spec.name, spec.summary, spec.examples).argument('<ticket>', ctx.t('arg.ticket'));
    if (spec.resolution) cmd.option('--resolution <code>', ctx.t('opt.resolutionCode', { codes: RESOLUTION_CODES.join(', ') }));
    return cmd
      .option('--note <text>', ctx.t('opt.ticketNote'))
      .option('--reveal', ctx.t('opt.reveal'))
      .action(async (ref: string, o: { resolution?: string; note?: string; reveal?: boolean }) => {
        const resolution = spec.resolution ? await required(ctx, o.resolution, '--resolution', 'prompt.resolutionCode') : '';
        const db = ctx.db();
        const ticket = spec.apply(db, { ref, note: o.note, resolution }, ctx.now());
        ctx.info(ctx.t('ticket.nowStatus', { ticket: ticket.number, status: ticket.status }));
        await ctx.print(ticketDetailView(ctx, getTicket(db, ticket.number, ctx.now()), Boolean(o.reveal)));
      });
  });
}
