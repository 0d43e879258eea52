import type { Command } from 'commander';
import { listTickets, TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES } from '../../../domain/service/tickets.js';
import type { Ctx } from '../../context.js';
import { collect, integerArg, verb } from '../../verb.js';
import { ticketListView } from '../../views/tickets.js';

export interface TicketListOptions {
  status: string[];
  type: string[];
  priority: string[];
  shop?: string;
  tag?: string;
  overdue: boolean;
  limit: string;
  reveal: boolean;
}

export function ticketListCommand(ctx: Ctx, run = ticketListRun): Command {
  return verb(ctx, 'list', 'ticket.list.summary', [
    'shopkeep ticket list                      # the queue: open and pending, soonest due first',
    'shopkeep ticket list --overdue            # past their due time (for cron: exit 0, empty when none)',
    'shopkeep ticket list --type complaint,aftersale --shop "山间茶舍 Taobao"',
    'shopkeep ticket list --status all --tag refund --json',
  ])
    .option('--status <status>', ctx.t('opt.ticketStatusFilter', { statuses: TICKET_STATUSES.join(', ') }), collect, [])
    .option('--type <type>', ctx.t('opt.ticketTypeFilter', { types: TICKET_TYPES.join(', ') }), collect, [])
    .option('--priority <priority>', ctx.t('opt.ticketPriorityFilter', { priorities: TICKET_PRIORITIES.join(', ') }), collect, [])
    .option('--shop <name>', ctx.t('opt.shop'))
    .option('--tag <tag>', ctx.t('opt.ticketTagFilter'))
    .option('--overdue', ctx.t('opt.ticketOverdue'))
    .option('--limit <n>', ctx.t('opt.ticketLimit'), '500')
    .option('--reveal', ctx.t('opt.reveal'))
    .action((o) => run({ ...o, overdue: Boolean(o.overdue), reveal: Boolean(o.reveal) }, ctx));
}

export async function ticketListRun(o: TicketListOptions, ctx: Ctx): Promise<void> {
  const limit = integerArg(o.limit, '--limit');
  const rows = listTickets(ctx.db(), { statuses: o.status, types: o.type, priorities: o.priority, shop: o.shop, tag: o.tag, overdue: o.overdue, limit }, ctx.now());
  await ctx.print(ticketListView(ctx, rows, o.reveal));
}
