import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import { skuById } from '../../db/queries/catalog.js';
import * as oq from '../../db/queries/orders.js';
import { recordRefund } from '../../db/queries/refunds.js';
import * as q from '../../db/queries/returns.js';
import { conflict, notFound, usageError } from '../errors.js';
import { recordMovement } from '../inventory/ledger.js';
import { formatMoney, parseMoney } from '../money.js';
import { logEvent } from '../orders/events.js';
import { findOrder, orderDetail } from '../orders/find.js';
import { payLoaded } from '../orders/transitions.js';
import type { ItemSpec, Order, OrderDetail, OrderLine } from '../orders/types.js';
import { findShop } from '../shops/shops.js';
import {
  assertReturnMove,
  RETURN_CONDITIONS,
  RETURN_STATUSES,
  RETURN_TYPES,
  type LinkedTicket,
  type ReturnCondition,
  type ReturnDetail,
  type ReturnLine,
  type ReturnRequest,
  type ReturnStatus,
  type ReturnType,
} from './return-types.js';

export * from './return-types.js';

const text = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());
const withNote = (before: string | null, added: string | null) => (added === null ? before : before === null ? added : `${before}\n${added}`);

function oneOf<T extends string>(value: string | undefined, choices: readonly T[], field: string): T {
  if (value === undefined || value.trim() === '') throw usageError('input.missingFlag', { flag: field }, { key: 'input.missingFlag.hint', params: { flag: field } });
  const v = value.trim().toLowerCase().replace(/-/g, '_');
  if (!(choices as readonly string[]).includes(v)) throw usageError('input.oneOf', { field, value, choices: choices.join(', ') });
  return v as T;
}

/** A return by its number ("R-000001", "R-1", "r1"), or by its id as "id:1" or a bare number. */
export function findReturn(db: Db, ref: string): ReturnRequest {
  const m = /^(?:R-?|id:|#)?0*(\d{1,15})$/i.exec(ref.trim());
  const found = m ? q.returnById(db, Number(m[1])) : undefined;
  if (!found) throw notFound('return.notFound', { ref: ref.trim() }, { key: 'return.notFound.hint' });
  return found;
}

/** A ticket by its id: "12", "#12", "T-12", "T-000012" or "id:12". */
function findTicket(db: Db, ref: string): LinkedTicket {
  const m = /^(?:T-?|id:|#)?0*(\d{1,15})$/i.exec(ref.trim());
  if (!m) throw usageError('return.ticketInvalid', { value: ref });
  const ticket = q.ticketById(db, Number(m[1]));
  if (!ticket) throw notFound('return.ticketNotFound', { ref: ref.trim() });
  return ticket;
}

/** A ticket may be linked only if it belongs to the order's shop and, when it names an order, to this order. */
function checkTicket(ticket: LinkedTicket, order: Pick<Order, 'id' | 'shopId' | 'platformOrderId'>): void {
  if (ticket.shopId !== order.shopId) throw conflict('return.ticketOtherShop', { ticket: ticket.id, order: order.platformOrderId });
  if (ticket.orderId !== null && ticket.orderId !== order.id) throw conflict('return.ticketOtherOrder', { ticket: ticket.id, order: order.platformOrderId });
}

export function returnDetail(db: Db, r: ReturnRequest): ReturnDetail {
  const order = oq.orderById(db, r.orderId)!;
  const customer = order.customerId === null ? undefined : oq.customerById(db, order.customerId);
  const name = order.address.name ?? customer?.name ?? null;
  const phone = order.address.phone ?? customer?.phone ?? null;
  return {
    ...r,
    lines: q.returnLines(db, r.id),
    ticket: r.ticketId === null ? null : (q.ticketById(db, r.ticketId) ?? null),
    buyer: name === null && phone === null ? null : { name, phone },
    order: { total: order.total, paid: order.paid, refunded: order.refunded },
  };
}

export function getReturn(db: Db, ref: string): ReturnDetail {
  return returnDetail(db, findReturn(db, ref));
}

/** One line of the order's timeline for a step of one of its returns. */
function logStep(db: Db, r: ReturnRequest, from: ReturnStatus | null, to: ReturnStatus, at: number, note: string | null = null): void {
  logEvent(db, { id: r.orderId }, at, 'note', from, to, `return ${r.number} (${r.type})${note === null ? '' : `: ${note}`}`);
}

/** Spreads SKU:QTY items over the order's lines: up to what each line shipped, less what the order's other returns claim. */
function allocateReturn(db: Db, order: Order, lines: OrderLine[], items: ItemSpec[]): Map<OrderLine, number> {
  const claimed = q.claimedUnits(db, order.id);
  const plan = new Map<OrderLine, number>();
  const free = (l: OrderLine) => l.shipped - (claimed.get(l.id) ?? 0) - (plan.get(l) ?? 0);
  for (const item of items) {
    const carrying = lines.filter((l) => l.skuCode !== null && l.skuCode.toLowerCase() === item.sku.toLowerCase());
    if (carrying.length === 0) throw conflict('return.itemNotOnOrder', { order: order.platformOrderId, sku: item.sku });
    const returnable = carrying.reduce((sum, l) => sum + free(l), 0);
    if (item.quantity > returnable) {
      const shipped = carrying.reduce((sum, l) => sum + l.shipped, 0);
      const onReturns = carrying.reduce((sum, l) => sum + (claimed.get(l.id) ?? 0), 0);
      throw conflict('return.tooMany', { order: order.platformOrderId, sku: carrying[0]!.skuCode!, wanted: item.quantity, shipped, claimed: onReturns, returnable }, { key: 'return.tooMany.hint' });
    }
    let left = item.quantity;
    for (const l of carrying) {
      const take = Math.min(left, free(l));
      if (take > 0) plan.set(l, (plan.get(l) ?? 0) + take);
      left -= take;
    }
  }
  return plan;
}

export interface OpenReturnInput {
  order: string;
  shop?: string;
  /** SKU:QTY of the order's shipped lines; may be left out only for a money-only refund_only. */
  items?: ItemSpec[];
  type: string;
  reason: string;
  ticket?: string;
  note?: string;
}

/** Opens a return (status requested) on shipped units of an order, in one transaction. */
export function openReturn(db: Db, input: OpenReturnInput, now: number): ReturnDetail {
  const type = oneOf(input.type, RETURN_TYPES, '--type');
  const reason = text(input.reason);
  if (reason === null) throw usageError('input.missingFlag', { flag: '--reason' }, { key: 'input.missingFlag.hint', params: { flag: '--reason' } });
  const items = input.items ?? [];
  if (items.length === 0 && type !== 'refund_only') throw usageError('return.itemsNeeded', { type }, { key: 'input.missingFlag.hint', params: { flag: '--items' } });
  return writeTransaction(db, () => {
    const order = findOrder(db, input.order, input.shop);
    const plan = allocateReturn(db, order, oq.linesOf(db, order.id), items);
    if (plan.size === 0 && order.paid - order.refunded <= 0) throw conflict('return.nothingToRefund', { order: order.platformOrderId });
    const ticket = input.ticket === undefined ? null : findTicket(db, input.ticket);
    if (ticket) checkTicket(ticket, order);
    const id = q.insertReturn(db, { orderId: order.id, ticketId: ticket?.id ?? null, type, reason, note: text(input.note), openedAt: now });
    for (const [line, quantity] of plan) q.insertReturnLine(db, id, line.id, quantity);
    const r = q.returnById(db, id)!;
    const what = [...plan].map(([l, n]) => `${l.skuCode}×${n}`).join(', ');
    logStep(db, r, null, 'requested', now, what === '' ? reason : `${what}; ${reason}`);
    return returnDetail(db, r);
  });
}

/** Runs one step of one return in a transaction and returns it as it now stands. */
function step(db: Db, ref: string, work: (r: ReturnRequest) => void, now: number): ReturnDetail {
  return writeTransaction(db, () => {
    const r = findReturn(db, ref);
    work(r);
    q.saveReturn(db, r, now);
    return returnDetail(db, q.returnById(db, r.id)!);
  });
}

export function approveReturn(db: Db, ref: string, options: { note?: string }, now: number): ReturnDetail {
  return step(db, ref, (r) => {
    assertReturnMove(r, 'approved');
    const note = text(options.note);
    logStep(db, r, r.status, 'approved', now, note);
    r.status = 'approved';
    r.approvedAt = now;
    r.note = withNote(r.note, note);
  }, now);
}

export function rejectReturn(db: Db, ref: string, options: { reason: string }, now: number): ReturnDetail {
  const reason = text(options.reason);
  if (reason === null) throw usageError('input.missingFlag', { flag: '--reason' }, { key: 'input.missingFlag.hint', params: { flag: '--reason' } });
  return step(db, ref, (r) => {
    assertReturnMove(r, 'rejected');
    logStep(db, r, r.status, 'rejected', now, reason);
    r.status = 'rejected';
    r.rejectedAt = now;
    r.note = withNote(r.note, reason);
  }, now);
}

export interface ReceiveResult {
  return: ReturnDetail;
  /** The exchange's replacement order, created and reserved with the receipt. */
  replacement: OrderDetail | null;
}

/**
 * The returned goods arrived (once per return). Resellable units of a return or an exchange go back into
 * stock as `return` movements; damaged and scrapped units, and anything sent in for repair, are recorded
 * on the return without adding sellable stock. An exchange creates its replacement order in the same
 * transaction, paid at 0 and reserved (short stock is exit 4 naming the SKU, and nothing is written).
 */
export function receiveReturn(db: Db, ref: string, options: { condition?: string; note?: string }, now: number): ReceiveResult {
  const condition = oneOf<ReturnCondition>(options.condition, RETURN_CONDITIONS, '--condition');
  return writeTransaction(db, () => {
    const r = findReturn(db, ref);
    if (r.receivedAt !== null) throw conflict('return.alreadyReceived', { number: r.number, condition: r.condition ?? '—' }, { key: 'return.alreadyReceived.hint' });
    assertReturnMove(r, 'received');
    const lines = q.returnLines(db, r.id);
    if (condition === 'resellable' && r.type !== 'repair') {
      for (const l of lines) {
        if (l.skuId === null) continue;
        recordMovement(db, skuById(db, l.skuId)!, { kind: 'return', quantity: l.quantity, reason: r.reason, reference: `return ${r.number}`, occurredAt: now, orderId: r.orderId });
      }
    }
    let replacement: Order | null = null;
    if (r.type === 'exchange') {
      replacement = createReplacement(db, r, lines, now);
      r.replacementOrderId = replacement.id;
    }
    const note = text(options.note);
    logStep(db, r, r.status, 'received', now, [condition, replacement && `replacement ${replacement.platformOrderId}`, note].filter(Boolean).join('; '));
    r.status = 'received';
    r.receivedAt = now;
    r.condition = condition;
    r.note = withNote(r.note, note);
    q.saveReturn(db, r, now);
    return { return: returnDetail(db, q.returnById(db, r.id)!), replacement: replacement && orderDetail(db, oq.orderById(db, replacement.id)!) };
  });
}

/**
 * The exchange's new order: same shop, buyer and address, the returned items at price 0 (the buyer paid on
 * the first order), numbered ORDER-X1, -X2…, paid at once so its stock is reserved like any paid order.
 */
function createReplacement(db: Db, r: ReturnRequest, lines: ReturnLine[], now: number): Order {
  const original = oq.orderById(db, r.orderId)!;
  const unmatched = lines.find((l) => l.skuId === null);
  if (unmatched) throw conflict('return.exchangeUnmatched', { number: r.number, title: unmatched.title });
  let n = 1;
  while (oq.ordersByPlatformId(db, `${original.platformOrderId}-X${n}`, original.shopId).length > 0) n++;
  const id = oq.insertOrder(db, {
    shopId: original.shopId,
    platformOrderId: `${original.platformOrderId}-X${n}`,
    customerId: original.customerId,
    status: 'pending_payment',
    currency: original.currency,
    itemSubtotal: 0,
    shipping: 0,
    discount: 0,
    tax: 0,
    total: 0,
    paid: 0,
    address: original.address,
    buyerNote: null,
    sellerMemo: `exchange ${r.number} for order ${original.platformOrderId}`,
    source: 'manual',
    placedAt: now,
    paidAt: null,
  });
  lines.forEach((l, i) => {
    oq.insertLine(db, { orderId: id, lineKey: String(i + 1), skuId: l.skuId, platformSku: null, listingId: null, title: l.title, variant: l.variant, quantity: l.quantity, unitPrice: 0, discount: 0 });
  });
  logEvent(db, { id }, now, 'created', null, 'pending_payment', `exchange ${r.number} for order ${original.platformOrderId}`);
  const order = oq.orderById(db, id)!;
  payLoaded(db, order, { at: now, amount: 0 });
  logEvent(db, original, now, 'note', null, order.platformOrderId, `return ${r.number}: replacement order`);
  return order;
}

/**
 * Money back to the buyer, once per return: added to the order's `refunded`, which never goes above what
 * was paid across all of the order's returns (exit 4), and logged in the order's timeline.
 */
export function refundReturn(db: Db, ref: string, options: { amount?: string; note?: string }, now: number): ReturnDetail {
  if (options.amount === undefined || options.amount.trim() === '') throw usageError('input.missingFlag', { flag: '--amount' }, { key: 'input.missingFlag.hint', params: { flag: '--amount' } });
  const amountText = options.amount;
  return step(db, ref, (r) => {
    if (r.refundedAt !== null) throw conflict('return.alreadyRefunded', { number: r.number, amount: formatMoney(r.refundAmount, r.currency) }, { key: 'return.alreadyRefunded.hint' });
    assertReturnMove(r, 'refunded');
    const amount = parseMoney(amountText, r.currency, '--amount');
    if (amount <= 0) throw usageError('return.amountPositive', { value: amountText });
    const order = oq.orderById(db, r.orderId)!;
    if (order.refunded + amount > order.paid) {
      const money = (minor: number) => formatMoney(minor, order.currency);
      throw conflict(
        'return.refundTooMuch',
        { amount: money(amount), order: order.platformOrderId, paid: money(order.paid), refunded: money(order.refunded) },
        { key: 'return.refundTooMuch.hint', params: { left: money(Math.max(0, order.paid - order.refunded)) } },
      );
    }
    logEvent(db, order, now, 'payment', `refunded ${order.refunded}`, `refunded ${order.refunded + amount}`, `return ${r.number}`);
    order.refunded += amount;
    oq.saveOrder(db, order, now);
    recordRefund(db, order.id, now, amount, 'return', r.id);
    const note = text(options.note);
    logStep(db, r, r.status, 'refunded', now, [formatMoney(amount, r.currency), note].filter(Boolean).join('; '));
    r.status = 'refunded';
    r.refundAmount = amount;
    r.refundedAt = now;
    r.note = withNote(r.note, note);
  }, now);
}

/** The end: a refunded return, a received return closed without refund, an exchange whose replacement exists, a repair sent back. */
export function closeReturn(db: Db, ref: string, options: { note?: string }, now: number): ReturnDetail {
  return step(db, ref, (r) => {
    assertReturnMove(r, 'closed');
    if (r.type === 'exchange' && r.replacementOrderId === null) throw conflict('return.noReplacement', { number: r.number });
    const note = text(options.note);
    logStep(db, r, r.status, 'closed', now, note);
    r.status = 'closed';
    r.closedAt = now;
    r.note = withNote(r.note, note);
  }, now);
}

/** Links (or re-links) a ticket of the same shop to a return. */
export function linkReturnTicket(db: Db, ref: string, ticketRef: string, now: number): ReturnDetail {
  return step(db, ref, (r) => {
    const ticket = findTicket(db, ticketRef);
    checkTicket(ticket, { id: r.orderId, shopId: r.shopId, platformOrderId: r.orderNumber });
    r.ticketId = ticket.id;
    logEvent(db, { id: r.orderId }, now, 'note', null, null, `return ${r.number}: ticket ${ticket.id}`);
  }, now);
}

export interface ReturnListInput {
  statuses?: string[];
  types?: string[];
  shop?: string;
  order?: string;
  limit?: number;
}

const listOf = <T extends string>(values: string[] | undefined, choices: readonly T[], field: string): T[] | undefined => {
  const list = values?.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  return list && list.length > 0 ? list.map((v) => oneOf(v, choices, field)) : undefined;
};

/** Returns newest first, by status, type, shop or order. */
export function listReturnRequests(db: Db, input: ReturnListInput): ReturnDetail[] {
  const statuses = listOf<ReturnStatus>(input.statuses, RETURN_STATUSES, '--status');
  const types = listOf<ReturnType>(input.types, RETURN_TYPES, '--type');
  const shopId = input.shop === undefined ? undefined : findShop(db, input.shop).id;
  const orderId = input.order === undefined ? undefined : findOrder(db, input.order, input.shop).id;
  return q.listReturns(db, { statuses, types, shopId, orderId, limit: input.limit ?? 1000 }).map((r) => returnDetail(db, r));
}
