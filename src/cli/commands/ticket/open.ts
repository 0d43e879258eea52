import type { Command } from 'commander';
import { getTicket, openTicket, TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_TYPES } from '../../../domain/service/tickets.js';
import { formatWallTime } from '../../../domain/time.js';
import type { Ctx } from '../../context.js';
import { collect, verb } from '../../verb.js';
import { ticketDetailView } from '../../views/tickets.js';

export interface TicketOpenOptions {
  subject?: string;
  type?: string;
  channel?: string;
  priority?: string;
  shop?: string;
  order?: string;
  customer?: string;
  buyer?: string;
  buyerId?: string;
  phone?: string;
  email?: string;
  sku?: string;
  tag: string[];
  message?: string;
  at?: string;
  reveal: boolean;
}

export function ticketOpenCommand(ctx: Ctx, run = ticketOpenRun): Command {
  return verb(ctx, 'open', 'ticket.open.summary', [
    'shopkeep ticket open --order 3012345678901234567 --message "还没发货吗？" --tag urgent-ship',
    'shopkeep ticket open --type presale --sku LJ-250G --buyer-id tb_wangfang --message "这款茶是今年的新茶吗？"',
    'shopkeep ticket open --shop "Mountain Tea House" --type complaint --channel email --priority high --subject "Broken teapot" --order 1001',
    'shopkeep ticket open --order 1001 --message "Where is my parcel?" --at "2026-11-24 21:40"',
  ])
    .option('--subject <text>', ctx.t('opt.ticketSubject'))
    .option('--type <type>', ctx.t('opt.ticketType', { types: TICKET_TYPES.join(', ') }))
    .option('--channel <channel>', ctx.t('opt.ticketChannel', { channels: TICKET_CHANNELS.join(', ') }))
    .option('--priority <priority>', ctx.t('opt.ticketPriority', { priorities: TICKET_PRIORITIES.join(', ') }))
    .option('--shop <name>', ctx.t('opt.shop'))
    .option('--order <order>', ctx.t('opt.ticketOrder'))
    .option('--customer <ref>', ctx.t('opt.ticketCustomer'))
    .option('--buyer <name>', ctx.t('opt.buyer'))
    .option('--buyer-id <id>', ctx.t('opt.buyerId'))
    .option('--phone <phone>', ctx.t('opt.phone'))
    .option('--email <email>', ctx.t('opt.email'))
    .option('--sku <code>', ctx.t('opt.ticketSku'))
    .option('--tag <tag>', ctx.t('opt.ticketTag'), collect, [])
    .option('--message <text>', ctx.t('opt.ticketMessage'))
    .option('--at <time>', ctx.t('opt.ticketAt'))
    .option('--reveal', ctx.t('opt.reveal'))
    .action((o) => run({ ...o, reveal: Boolean(o.reveal) }, ctx));
}

export async function ticketOpenRun(o: TicketOpenOptions, ctx: Ctx): Promise<void> {
  let subject = o.subject;
  if (subject === undefined && !o.message?.trim() && ctx.canPrompt()) subject = await ctx.prompter.input(ctx.t('prompt.ticketSubject'), { validate: (v) => (v.trim() === '' ? ctx.t('input.empty') : true) });
  const db = ctx.db();
  const now = ctx.now();
  const ticket = openTicket(
    db,
    { ...o, subject, buyer: { name: o.buyer, buyerId: o.buyerId, phone: o.phone, email: o.email } },
    now,
  );
  ctx.info(ctx.t('ticket.opened', { ticket: ticket.number, due: formatWallTime(ticket.firstResponseDue ?? ticket.openedAt, ticket.timezone) }));
  await ctx.print(ticketDetailView(ctx, getTicket(db, ticket.number, now), o.reveal));
}
