import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import * as q from '../../db/queries/tickets.js';
import { findSku } from '../catalog/lookup.js';
import { conflict, notFound, usageError } from '../errors.js';
import { matchCustomer, type BuyerInput } from '../orders/customers.js';
import { findOrder, orderDetail } from '../orders/find.js';
import type { OrderDetail } from '../orders/types.js';
import { resolveShop } from '../shops/shops.js';
import { parseTimeArg } from '../time.js';
import { addBusinessMinutes, resumedDue, shopSla, slaCache, ticketClock, type TicketClock } from './sla.js';
import {
  ACTIVE_STATUSES,
  RESOLUTION_CODES,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TRANSITIONS,
  TICKET_TYPES,
  type ResolutionCode,
  type Ticket,
  type TicketMessage,
  type TicketPriority,
  type TicketStatus,
  type TicketType,
} from './ticket-types.js';

export * from './ticket-types.js';

/** A ticket by its number ("T-000042", "T-42", "42") or "id:42"; unknown is exit 3. */
export function findTicket(db: Db, ref: string): Ticket {
  const match = /^(?:t-?|id:|#)?0*(\d{1,12})$/i.exec(ref.trim());
  const ticket = match ? q.ticketById(db, Number(match[1])) : undefined;
  if (ticket) return ticket;
  throw notFound('ticket.notFound', { ref }, { key: 'ticket.notFound.hint' });
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  const v = value.trim().toLowerCase();
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw usageError('ticket.badValue', { flag, value, allowed: allowed.join(', ') });
}

/** Comma-separated or repeated, trimmed, without duplicates (case-insensitive), in the order given. */
export function cleanTags(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const tag of values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean)) {
    if (!out.some((t) => t.toLowerCase() === tag.toLowerCase())) out.push(tag);
  }
  return out;
}

/** A time typed with --at: read in the shop's zone, never in the future. */
function pastTime(text: string | undefined, zone: string, now: number, notBefore?: number): number {
  if (text === undefined) return now;
  const at = parseTimeArg(text, zone, now, '--at');
  if (at > now) throw usageError('ticket.atInFuture', { value: text });
  if (notBefore !== undefined && at < notBefore) throw usageError('ticket.atBeforeOpened', { value: text });
  return at;
}

function assertMove(t: Ticket, to: TicketStatus): void {
  const allowed = TICKET_TRANSITIONS[t.status];
  if (allowed.includes(to)) return;
  throw conflict(
    'ticket.badTransition',
    { ticket: t.number, from: t.status, to, allowed: allowed.join(', ') },
    { key: to === 'closed' ? 'ticket.closeNeedsResolve.hint' : 'ticket.badTransition.hint', params: { ticket: t.number } },
  );
}

// ── Opening ──

export interface OpenTicketInput {
  shop?: string;
  order?: string;
  /** An existing customer of the shop: "id:42", a platform buyer id, a phone or an email. */
  customer?: string;
  /** Or a buyer to match or create, as orders do. */
  buyer?: BuyerInput;
  sku?: string;
  type?: string;
  channel?: string;
  priority?: string;
  subject?: string;
  /** The buyer's message: the first inbound line of the thread. */
  message?: string;
  tags?: string[];
  /** When the buyer wrote (default now): the SLA clocks start then. */
  at?: string;
}

/** A subject from the first line of the buyer's message when none is given. */
export function subjectFrom(message: string): string {
  const line = message.trim().split(/\r?\n/)[0]!.trim();
  const chars = [...line];
  return chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : line;
}

/**
 * Opens a ticket with its SLA clocks started at `at` (default now), in one transaction. The shop is the
 * order's when an order is named, else --shop, else the default shop. Type defaults to "order" with an order,
 * "presale" with only a SKU, else "other".
 */
export function openTicket(db: Db, input: OpenTicketInput, now: number): Ticket {
  const subjectText = input.subject?.trim() || (input.message?.trim() ? subjectFrom(input.message) : '');
  if (subjectText === '') throw usageError('input.missingFlag', { flag: '--subject' }, { key: 'input.missingFlag.hint', params: { flag: '--subject' } });
  const type: TicketType = input.type !== undefined ? oneOf(input.type, TICKET_TYPES, '--type') : input.order !== undefined ? 'order' : input.sku !== undefined ? 'presale' : 'other';
  const channel = input.channel !== undefined ? oneOf(input.channel, TICKET_CHANNELS, '--channel') : 'chat';
  const priority = input.priority !== undefined ? oneOf(input.priority, TICKET_PRIORITIES, '--priority') : 'normal';
  const tags = cleanTags(input.tags ?? []);
  return writeTransaction(db, () => {
    const order = input.order !== undefined ? findOrder(db, input.order, input.shop) : undefined;
    const shop = order ? resolveShop(db, order.shopName) : resolveShop(db, input.shop);
    const sku = input.sku !== undefined ? findSku(db, input.sku) : undefined;
    const openedAt = pastTime(input.at, shop.timezone, now);
    let customerId: number | null = order?.customerId ?? null;
    if (input.customer !== undefined) {
      const own = /^id:(\d+)$/i.exec(input.customer.trim());
      const found = q.customerOfShop(db, shop.id, own ? { id: Number(own[1]) } : { key: input.customer.trim() });
      if (!found) throw notFound('ticket.customerNotFound', { ref: input.customer, shop: shop.name }, { key: 'ticket.customerNotFound.hint' });
      customerId = found.id;
    } else if (input.buyer && Object.values(input.buyer).some((v) => v != null && String(v).trim() !== '')) {
      customerId = matchCustomer(db, shop.id, input.buyer, now)?.id ?? customerId;
    }
    const sla = shopSla(db, shop);
    const target = sla.targets[type];
    const id = q.insertTicket(db, {
      shopId: shop.id,
      customerId,
      orderId: order?.id ?? null,
      skuId: sku?.id ?? null,
      type,
      channel,
      priority,
      subject: subjectText,
      tags,
      openedAt,
      firstResponseDue: addBusinessMinutes(openedAt, target.firstResponseMinutes, sla.schedule),
      resolutionDue: addBusinessMinutes(openedAt, target.resolutionMinutes, sla.schedule),
      updatedAt: now,
    });
    if (input.message?.trim()) q.insertMessage(db, id, 'inbound', input.message.trim(), null, openedAt);
    return q.ticketById(db, id)!;
  });
}

// ── Reading ──

export interface TicketRow {
  ticket: Ticket;
  clock: TicketClock;
}

export interface TicketFilter {
  /** Default: the queue (open and pending); "all" for every status. */
  statuses?: string[];
  types?: string[];
  priorities?: string[];
  shop?: string;
  tag?: string;
  overdue?: boolean;
  limit?: number;
}

const PRIORITY_RANK: Record<TicketPriority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

function listOf<T extends string>(values: string[] | undefined, allowed: readonly T[], flag: string): T[] | undefined {
  const items = (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  if (items.length === 0) return undefined;
  return items.map((v) => oneOf(v, allowed, flag));
}

/**
 * The queue: tickets by the due time of the clock that runs next (first response, then resolution; a
 * pending ticket's paused clock counts from now), then priority; resolved and closed ones after, newest first.
 */
export function listTickets(db: Db, filter: TicketFilter, now: number): TicketRow[] {
  const wantsAll = (filter.statuses ?? []).some((s) => s.trim().toLowerCase() === 'all');
  const statuses = wantsAll ? undefined : (listOf(filter.statuses, TICKET_STATUSES, '--status') ?? [...ACTIVE_STATUSES]);
  const shopId = filter.shop === undefined ? undefined : resolveShop(db, filter.shop).id;
  const sla = slaCache(db);
  const rows = q
    .ticketsWhere(db, { statuses, types: listOf(filter.types, TICKET_TYPES, '--type'), priorities: listOf(filter.priorities, TICKET_PRIORITIES, '--priority'), shopId, tag: filter.tag?.trim() || undefined })
    .map((ticket) => ({ ticket, clock: ticketClock(ticket, sla(ticket.shopId).schedule, now) }))
    .filter((r) => !filter.overdue || r.clock.overdue);
  rows.sort((a, b) => {
    const da = a.clock.due ?? Number.POSITIVE_INFINITY;
    const dbb = b.clock.due ?? Number.POSITIVE_INFINITY;
    if (da !== dbb) return da - dbb;
    if (a.clock.due === null && b.clock.due === null) return b.ticket.id - a.ticket.id;
    return PRIORITY_RANK[a.ticket.priority] - PRIORITY_RANK[b.ticket.priority] || a.ticket.id - b.ticket.id;
  });
  return filter.limit === undefined ? rows : rows.slice(0, filter.limit);
}

export interface TicketDetail extends TicketRow {
  messages: TicketMessage[];
  order: OrderDetail | null;
}

export function ticketDetail(db: Db, ticket: Ticket, now: number): TicketDetail {
  const schedule = shopSla(db, resolveShop(db, ticket.shopName)).schedule;
  const order = ticket.orderId === null ? null : orderDetail(db, findOrder(db, `id:${ticket.orderId}`));
  return { ticket, clock: ticketClock(ticket, schedule, now), messages: q.messagesOf(db, ticket.id), order };
}

export function getTicket(db: Db, ref: string, now: number): TicketDetail {
  return ticketDetail(db, findTicket(db, ref), now);
}

// ── The thread and the lifecycle; each change is one transaction ──

interface Change {
  ref: string;
  note?: string;
  at?: string;
}

function scheduleOf(db: Db, t: Ticket) {
  return shopSla(db, resolveShop(db, t.shopName));
}

function addNote(db: Db, t: Ticket, note: string | undefined, at: number): void {
  if (note?.trim()) q.insertMessage(db, t.id, 'note', note.trim(), null, at);
}

/** Leaves pending at `at`: the resolution clock restarts with the business time it had left. */
function resume(db: Db, t: Ticket, at: number): void {
  t.resolutionDue = resumedDue(t, Math.max(at, t.updatedAt), scheduleOf(db, t).schedule);
}

export interface ReplyInput {
  ref: string;
  body: string;
  template?: string | null;
  at?: string;
  /** Then wait on the buyer (open → pending). */
  pending?: boolean;
}

/**
 * Records a reply sent to the buyer. The first one stops the first-response clock. A closed ticket takes no
 * reply (reopen it first); a pending one stays pending.
 */
export function recordReply(db: Db, input: ReplyInput, now: number): { ticket: Ticket; message: TicketMessage } {
  const body = input.body.trim();
  if (body === '') throw usageError('input.missingFlag', { flag: '--message' });
  return writeTransaction(db, () => {
    const t = findTicket(db, input.ref);
    if (t.status === 'closed') throw conflict('ticket.closedNoReply', { ticket: t.number }, { key: 'ticket.reopen.hint', params: { ticket: t.number } });
    const at = pastTime(input.at, t.timezone, now, t.openedAt);
    const id = q.insertMessage(db, t.id, 'outbound', body, input.template ?? null, at);
    if (t.firstResponseAt === null || at < t.firstResponseAt) t.firstResponseAt = at;
    if (input.pending && t.status !== 'pending') {
      assertMove(t, 'pending');
      t.status = 'pending';
      t.updatedAt = at;
    } else if (t.status !== 'pending') {
      t.updatedAt = now;
    }
    q.saveTicket(db, t);
    return { ticket: q.ticketById(db, t.id)!, message: q.messagesOf(db, t.id).find((m) => m.id === id)! };
  });
}

/** An internal note: never shown to the buyer, stops no clock. Any status takes one. */
export function addTicketNote(db: Db, input: { ref: string; body: string }, now: number): Ticket {
  const body = input.body.trim();
  if (body === '') throw usageError('input.missingFlag', { flag: '--message' });
  return writeTransaction(db, () => {
    const t = findTicket(db, input.ref);
    q.insertMessage(db, t.id, 'note', body, null, now);
    if (t.status !== 'pending') {
      t.updatedAt = now;
      q.saveTicket(db, t);
    }
    return q.ticketById(db, t.id)!;
  });
}

/**
 * A message from the buyer after the first one. A pending ticket goes back to open (the buyer answered:
 * the resolution clock runs again); a resolved one keeps its status; a closed one refuses (reopen it).
 */
export function recordInbound(db: Db, input: { ref: string; body: string; at?: string }, now: number): Ticket {
  const body = input.body.trim();
  if (body === '') throw usageError('input.missingFlag', { flag: '--message' });
  return writeTransaction(db, () => {
    const t = findTicket(db, input.ref);
    if (t.status === 'closed') throw conflict('ticket.closedNoInbound', { ticket: t.number }, { key: 'ticket.reopen.hint', params: { ticket: t.number } });
    const at = pastTime(input.at, t.timezone, now, t.openedAt);
    q.insertMessage(db, t.id, 'inbound', body, null, at);
    if (t.status === 'pending') {
      resume(db, t, at);
      t.status = 'open';
    }
    t.updatedAt = now;
    q.saveTicket(db, t);
    return q.ticketById(db, t.id)!;
  });
}

/** open → pending: waiting on the buyer; the resolution clock pauses from now. */
export function markPending(db: Db, input: Change, now: number): Ticket {
  return writeTransaction(db, () => {
    const t = findTicket(db, input.ref);
    assertMove(t, 'pending');
    t.status = 'pending';
    t.updatedAt = now;
    addNote(db, t, input.note, now);
    q.saveTicket(db, t);
    return q.ticketById(db, t.id)!;
  });
}

/** open/pending → resolved with a resolution code; a pending ticket is judged on its paused clock. */
export function resolveTicket(db: Db, input: Change & { resolution: string }, now: number): Ticket {
  const code = oneOf<ResolutionCode>(input.resolution.replace(/-/g, '_'), RESOLUTION_CODES, '--resolution');
  return writeTransaction(db, () => {
    const t = findTicket(db, input.ref);
    assertMove(t, 'resolved');
    if (t.status === 'pending') resume(db, t, now);
    t.status = 'resolved';
    t.resolution = code;
    t.resolvedAt = now;
    t.updatedAt = now;
    addNote(db, t, input.note, now);
    q.saveTicket(db, t);
    return q.ticketById(db, t.id)!;
  });
}

/**
 * → open. From pending the paused clock restarts where it stopped; from resolved or closed the resolution
 * clock starts afresh (the type's full target from now) and the resolution is cleared.
 */
export function reopenTicket(db: Db, input: Change, now: number): Ticket {
  return writeTransaction(db, () => {
    const t = findTicket(db, input.ref);
    assertMove(t, 'open');
    if (t.status === 'pending') {
      resume(db, t, now);
    } else {
      const sla = scheduleOf(db, t);
      t.resolutionDue = addBusinessMinutes(now, sla.targets[t.type].resolutionMinutes, sla.schedule);
      t.resolution = null;
      t.resolvedAt = null;
      t.closedAt = null;
    }
    t.status = 'open';
    t.updatedAt = now;
    addNote(db, t, input.note, now);
    q.saveTicket(db, t);
    return q.ticketById(db, t.id)!;
  });
}

/** resolved → closed: filed. An unresolved ticket is told to resolve first (exit 4). */
export function closeTicket(db: Db, input: Change, now: number): Ticket {
  return writeTransaction(db, () => {
    const t = findTicket(db, input.ref);
    assertMove(t, 'closed');
    t.status = 'closed';
    t.closedAt = now;
    t.updatedAt = now;
    addNote(db, t, input.note, now);
    q.saveTicket(db, t);
    return q.ticketById(db, t.id)!;
  });
}
