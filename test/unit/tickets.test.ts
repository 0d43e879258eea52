import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/open.js';
import { shipOrder } from '../../src/domain/orders/ship.js';
import { slaBreaches } from '../../src/domain/service/sla.js';
import {
  addTicketNote,
  canMoveTicket,
  closeTicket,
  findTicket,
  getTicket,
  listTickets,
  markPending,
  openTicket,
  recordInbound,
  recordReply,
  reopenTicket,
  resolveTicket,
  TICKET_STATUSES,
  TICKET_TRANSITIONS,
} from '../../src/domain/service/tickets.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { NOW } from '../helpers/db.js';
import { order, orderDb } from '../helpers/orders.js';

const T = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;
// NOW is Wed 2026-11-25 16:00 in Shanghai; the Taobao shop's built-in hours are every day 09:00–22:00.

function withOrder(): Db {
  const db = orderDb();
  order(db, [{ sku: 'A', quantity: 2 }], { platformOrderId: 'A1', paid: true });
  return db;
}

const kind = (k: string, key?: string) => expect.objectContaining(key ? { kind: k, key } : { kind: k });

describe('ticket state machine', () => {
  it('allows exactly open → pending/resolved, pending → open/resolved, resolved → open/closed, closed → open', () => {
    const allowed = TICKET_STATUSES.flatMap((from) => TICKET_STATUSES.filter((to) => canMoveTicket(from, to)).map((to) => `${from}>${to}`));
    expect(allowed.sort()).toEqual(['closed>open', 'open>pending', 'open>resolved', 'pending>open', 'pending>resolved', 'resolved>closed', 'resolved>open'].sort());
    expect(TICKET_TRANSITIONS.open).not.toContain('closed');
  });

  it('walks open → pending → open (buyer answers) → resolved → closed → open, refusing the wrong steps with exit 4', () => {
    const db = withOrder();
    const t = openTicket(db, { order: 'A1', message: '还没发货吗？' }, NOW);
    expect(t).toMatchObject({ number: 'T-000001', status: 'open', type: 'order', shopName: 'Tea House', platformOrderId: 'A1', customerName: '王芳' });
    expect(() => closeTicket(db, { ref: t.number }, NOW)).toThrow(kind('conflict', 'ticket.badTransition'));
    expect(() => reopenTicket(db, { ref: t.number }, NOW)).toThrow(kind('conflict', 'ticket.badTransition'));
    expect(markPending(db, { ref: 'T-1' }, NOW + HOUR).status).toBe('pending');
    expect(() => markPending(db, { ref: 'T-1' }, NOW + HOUR)).toThrow(kind('conflict'));
    expect(recordInbound(db, { ref: '1', body: '好的' }, NOW + 2 * HOUR).status).toBe('open');
    const resolved = resolveTicket(db, { ref: 'id:1', resolution: 'answered', note: '已告知发货时间' }, NOW + 3 * HOUR);
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'answered', resolvedAt: NOW + 3 * HOUR });
    expect(() => resolveTicket(db, { ref: 'T-1', resolution: 'answered' }, NOW + 3 * HOUR)).toThrow(kind('conflict'));
    expect(() => markPending(db, { ref: 'T-1' }, NOW + 3 * HOUR)).toThrow(kind('conflict'));
    expect(closeTicket(db, { ref: 'T-1' }, NOW + 4 * HOUR)).toMatchObject({ status: 'closed', closedAt: NOW + 4 * HOUR });
    expect(() => recordReply(db, { ref: 'T-1', body: 'hi' }, NOW + 4 * HOUR)).toThrow(kind('conflict', 'ticket.closedNoReply'));
    expect(() => recordInbound(db, { ref: 'T-1', body: 'hi' }, NOW + 4 * HOUR)).toThrow(kind('conflict', 'ticket.closedNoInbound'));
    const reopened = reopenTicket(db, { ref: 'T-1' }, NOW + 5 * HOUR);
    expect(reopened).toMatchObject({ status: 'open', resolution: null, resolvedAt: null, closedAt: null });
    expect(getTicket(db, 'T-1', NOW + 5 * HOUR).messages.map((m) => m.direction)).toEqual(['inbound', 'inbound', 'note']);
  });

  it('refuses unknown orders, SKUs, tickets and values with the right exit kinds; writes nothing', () => {
    const db = withOrder();
    expect(() => openTicket(db, { order: 'NOPE', subject: 'x' }, NOW)).toThrow(kind('not_found', 'order.notFound'));
    expect(() => openTicket(db, { sku: 'NOPE', subject: 'x' }, NOW)).toThrow(kind('not_found', 'sku.notFound'));
    expect(() => openTicket(db, { customer: 'nobody', subject: 'x' }, NOW)).toThrow(kind('not_found', 'ticket.customerNotFound'));
    expect(() => openTicket(db, {}, NOW)).toThrow(kind('usage', 'input.missingFlag'));
    expect(() => openTicket(db, { subject: 'x', type: 'refund' }, NOW)).toThrow(kind('usage', 'ticket.badValue'));
    expect(() => openTicket(db, { subject: 'x', at: '2026-11-26 10:00' }, NOW)).toThrow(kind('usage', 'ticket.atInFuture'));
    expect(() => findTicket(db, 'T-000009')).toThrow(kind('not_found', 'ticket.notFound'));
    expect(() => resolveTicket(db, { ref: 'T-1', resolution: 'answered' }, NOW)).toThrow(kind('not_found'));
    expect(listTickets(db, { statuses: ['all'] }, NOW)).toEqual([]);
  });

  it('defaults: type from what is linked, subject from the first line of the message, tags cleaned', () => {
    const db = withOrder();
    const presale = openTicket(db, { sku: 'A', message: '这款茶是今年的新茶吗？\n还有货吗', tags: ['新茶, 询价', '询价'], buyer: { buyerId: 'tb_wang', name: '王芳' } }, NOW);
    expect(presale).toMatchObject({ type: 'presale', subject: '这款茶是今年的新茶吗？', tags: ['新茶', '询价'], skuCode: 'A', platformBuyerId: 'tb_wang', channel: 'chat', priority: 'normal' });
    expect(openTicket(db, { subject: 'Hello' }, NOW).type).toBe('other');
    expect(openTicket(db, { subject: 'Again', customer: 'tb_wang' }, NOW).customerId).toBe(presale.customerId);
  });
});

describe('SLA clocks on tickets', () => {
  it('stamps due times in business hours of the shop: first response 4 h, resolution 16 h for an order question', () => {
    const db = withOrder();
    const t = openTicket(db, { order: 'A1', subject: 'where is it' }, NOW);
    expect(t.firstResponseDue).toBe(T('2026-11-25T12:00:00Z')); // 16:00 + 4 h = 20:00 CST
    // 16:00–22:00 is 6 h, then 10 h from 09:00 on Thursday → 19:00 CST.
    expect(t.resolutionDue).toBe(T('2026-11-26T11:00:00Z'));
  });

  it('the first outbound reply stops the first-response clock; notes and buyer messages do not', () => {
    const db = withOrder();
    openTicket(db, { order: 'A1', subject: 'where is it' }, NOW);
    addTicketNote(db, { ref: 'T-1', body: 'check with the warehouse' }, NOW + HOUR);
    recordInbound(db, { ref: 'T-1', body: 'hello?' }, NOW + HOUR);
    expect(findTicket(db, 'T-1').firstResponseAt).toBeNull();
    recordReply(db, { ref: 'T-1', body: 'It ships today' }, NOW + 2 * HOUR);
    recordReply(db, { ref: 'T-1', body: 'Shipped!' }, NOW + 3 * HOUR);
    expect(findTicket(db, 'T-1').firstResponseAt).toBe(NOW + 2 * HOUR);
    expect(getTicket(db, 'T-1', NOW + 3 * HOUR).clock).toMatchObject({ next: 'resolution', due: T('2026-11-26T11:00:00Z'), overdue: false });
  });

  it('pending pauses the resolution clock: reopening pushes the due time back by the business time spent waiting', () => {
    const db = withOrder();
    openTicket(db, { order: 'A1', subject: 'damaged' }, NOW);
    recordReply(db, { ref: 'T-1', body: 'Could you send a photo?', pending: true }, NOW + HOUR); // pending from 17:00 CST
    const waiting = getTicket(db, 'T-1', T('2026-11-27T04:00:00Z')); // Friday noon, long past the old due time
    expect(waiting.ticket.status).toBe('pending');
    expect(waiting.clock).toMatchObject({ paused: true, overdue: false });
    // Buyer answers Thu 16:00 CST: 12 business hours were spent pending (17–22 and 09–16), so 19:00 Thu → 18:00 Fri.
    recordInbound(db, { ref: 'T-1', body: 'photo sent' }, T('2026-11-26T08:00:00Z'));
    expect(findTicket(db, 'T-1')).toMatchObject({ status: 'open', resolutionDue: T('2026-11-27T10:00:00Z') });
  });

  it('a note while pending does not restart the pause; resolving from pending is judged on the paused clock', () => {
    const db = withOrder();
    openTicket(db, { order: 'A1', subject: 'damaged' }, NOW);
    recordReply(db, { ref: 'T-1', body: 'photo please', pending: true }, NOW + HOUR);
    addTicketNote(db, { ref: 'T-1', body: 'waiting' }, NOW + 10 * HOUR);
    const resolved = resolveTicket(db, { ref: 'T-1', resolution: 'no_action' }, T('2026-11-28T04:00:00Z'));
    expect(resolved.resolutionDue).toBeGreaterThan(resolved.resolvedAt!);
    expect(slaBreaches(db, { from: T('2026-11-01T00:00:00Z'), to: T('2026-12-31T00:00:00Z'), now: T('2026-11-28T04:00:00Z') })).toMatchObject({ resolutionBreaches: 0, firstResponseBreaches: 0 });
  });

  it('reopening a resolved ticket starts a fresh resolution clock', () => {
    const db = withOrder();
    openTicket(db, { order: 'A1', subject: 'x' }, NOW);
    resolveTicket(db, { ref: 'T-1', resolution: 'answered' }, NOW + HOUR);
    const at = T('2026-11-30T02:00:00Z'); // Mon 10:00 CST
    expect(reopenTicket(db, { ref: 'T-1' }, at).resolutionDue).toBe(T('2026-12-01T05:00:00Z')); // order: 16 h = 10–22 (12 h) + 09–13 Tue CST
  });

  it('the queue: soonest due first, overdue filter, pending shown paused, resolved only on request', () => {
    const db = withOrder();
    addShop(db, { name: 'US Store', platform: 'shopify', currency: 'USD', timezone: 'America/New_York' }, NOW);
    openTicket(db, { subject: 'old question', at: '2026-11-24 10:00' }, NOW); // T-1, first response due 24th 18:00 CST: overdue
    openTicket(db, { subject: 'complaint', type: 'complaint', priority: 'high' }, NOW); // T-2, due 17:00 CST
    openTicket(db, { subject: 'US presale', type: 'presale', shop: 'US Store' }, NOW); // T-3: Wed 03:00 EST → 09:00 + 2 h = 11:00 EST = 16:00Z
    openTicket(db, { subject: 'done', type: 'complaint' }, NOW); // T-4
    resolveTicket(db, { ref: 'T-4', resolution: 'answered' }, NOW);
    const queue = listTickets(db, {}, NOW);
    expect(queue.map((r) => r.ticket.number)).toEqual(['T-000001', 'T-000002', 'T-000003']);
    expect(queue[2]!.clock.due).toBe(T('2026-11-25T16:00:00Z'));
    expect(listTickets(db, { overdue: true }, NOW).map((r) => r.ticket.number)).toEqual(['T-000001']);
    expect(listTickets(db, { statuses: ['all'] }, NOW).map((r) => r.ticket.number)).toEqual(['T-000001', 'T-000002', 'T-000003', 'T-000004']);
    expect(listTickets(db, { types: ['complaint'], statuses: ['open,resolved'] }, NOW).map((r) => r.ticket.number)).toEqual(['T-000002', 'T-000004']);
    expect(listTickets(db, { shop: 'US Store' }, NOW).map((r) => r.ticket.number)).toEqual(['T-000003']);
    expect(() => listTickets(db, { statuses: ['waiting'] }, NOW)).toThrow(kind('usage'));
  });

  it('counts breaches for the KPI report: late and missing first responses and resolutions, by due time in the range', () => {
    const db = withOrder();
    shipOrder(db, { ref: 'A1', carrier: 'SF', tracking: 'SF1234567890123' }, NOW);
    openTicket(db, { subject: 'answered late', at: '2026-11-24 10:00' }, NOW); // other: first response due 24th 18:00
    recordReply(db, { ref: 'T-1', body: 'sorry' }, NOW);
    openTicket(db, { subject: 'answered in time', type: 'presale' }, NOW); // due 18:00 CST
    recordReply(db, { ref: 'T-2', body: 'yes' }, NOW + HOUR);
    resolveTicket(db, { ref: 'T-2', resolution: 'answered' }, NOW + HOUR);
    openTicket(db, { subject: 'never answered', type: 'complaint' }, NOW); // due 17:00 CST, resolution 8 h later
    const range = { from: T('2026-11-20T00:00:00Z'), to: T('2026-12-01T00:00:00Z') };
    expect(slaBreaches(db, { ...range, now: NOW + 2 * HOUR })).toEqual({ firstResponseDue: 3, firstResponseBreaches: 2, resolutionDue: 3, resolutionBreaches: 0 });
    expect(slaBreaches(db, { ...range, now: T('2026-11-30T00:00:00Z') })).toEqual({ firstResponseDue: 3, firstResponseBreaches: 2, resolutionDue: 3, resolutionBreaches: 2 });
    expect(slaBreaches(db, { ...range, shopId: 999 })).toEqual({ firstResponseDue: 0, firstResponseBreaches: 0, resolutionDue: 0, resolutionBreaches: 0 });
    expect(slaBreaches(db, { from: T('2026-11-25T08:30:00Z'), to: T('2026-11-25T09:30:00Z'), now: NOW + 2 * HOUR })).toMatchObject({ firstResponseDue: 1, firstResponseBreaches: 1 });
  });
});
