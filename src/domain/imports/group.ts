import type { Detail } from '../errors.js';
import type { ImportLine, ImportOrder, RowRecord } from './types.js';

/** An order the file has said nothing about yet. A literal, not a spread of a template: V8 builds a spread object with this many fields slowly (16 µs an order). */
function emptyOrder(platformOrderId: string, line: number): ImportOrder {
  // prettier-ignore
  return {
    status: null, currency: null, buyerId: null, buyerName: null, buyerPhone: null, buyerEmail: null, address: {},
    itemSubtotal: null, shipping: null, discount: null, tax: null, total: null, paid: null, refunded: null,
    placedAt: null, paidAt: null, shippedAt: null, deliveredAt: null, completedAt: null, cancelledAt: null,
    buyerNote: null, sellerMemo: null, carrier: null, trackingNumber: null, platformOrderId, lines: [], line,
  };
}

/**
 * Rebuilds orders from their rows: order fields from the first row that states each one (per-item amounts in
 * `sums` added up), lines in file order.
 * Two identical lines (Amazon's All Orders has no item id) get `#2`, `#3` on their key, stable across exports.
 */
export class OrderGrouper {
  private readonly orders = new Map<string, ImportOrder>();
  /** Orders whose lines so far are the orders file's stand-ins, replaced when the items file brings real ones. */
  private readonly standIns = new Set<ImportOrder>();

  add(record: RowRecord, line: number, role?: 'orders' | 'items'): void {
    let order = this.orders.get(record.orderId);
    if (!order) {
      order = emptyOrder(record.orderId, line);
      this.orders.set(record.orderId, order);
    }
    const fields = order as unknown as Record<string, unknown>;
    const given = record.order as Record<string, unknown>;
    for (const key in given) {
      const value = given[key];
      if (key === 'address') {
        const address = order.address as Record<string, unknown>;
        const more = value as Record<string, unknown>;
        for (const k in more) if (more[k] != null && more[k] !== '' && address[k] == null) address[k] = more[k];
      } else if (value !== null && value !== undefined && fields[key] === null) {
        fields[key] = value;
      }
    }
    for (const key in record.sums) {
      const k = key as keyof typeof record.sums;
      order[k] = (order[k] ?? 0) + record.sums[k]!;
    }
    if (!record.line && !record.moreLines?.length) return;
    if (role === 'orders') this.standIns.add(order);
    if (role === 'items' && this.standIns.delete(order)) order.lines = [];
    if (record.line) addLine(order, record.line);
    for (const more of record.moreLines ?? []) addLine(order, more);
  }

  /** The order built so far, handed over and forgotten (its rows are all read). */
  take(orderId: string): ImportOrder {
    const order = this.orders.get(orderId)!;
    this.orders.delete(orderId);
    this.standIns.delete(order);
    return order;
  }

  result(): ImportOrder[] {
    return [...this.orders.values()];
  }
}

/**
 * A line under its own key, or `key#2`, `key#3` when the order already has one under it. A line of no units is
 * left out: it carries nothing (Amazon writes a cancelled order's items with quantity 0).
 */
function addLine(order: ImportOrder, line: ImportLine): void {
  if (line.quantity === 0) return;
  const base = line.lineKey;
  let key = base;
  for (let n = 2; order.lines.some((l) => l.lineKey === key); n++) key = `${base}#${n}`;
  order.lines.push(key === base ? line : { ...line, lineKey: key });
}

export interface GroupRow {
  record: RowRecord;
  line: number;
  role?: 'orders' | 'items';
}

/** A file whose rows of one order are not all together: it is read again with every order held until the end. */
export class NotContiguous extends Error {}

/**
 * Orders handed on as soon as their rows have passed, so a file of any size is read in little memory: every
 * platform writes an order's rows together. `beforeTake` lets the caller add rows from elsewhere (the items
 * half of a pair) first. An order seen again after another one began throws NotContiguous.
 */
export function* contiguousOrders(rows: Iterable<GroupRow>, grouper: OrderGrouper, beforeTake?: (orderId: string) => void): Generator<ImportOrder> {
  const done = new SeenIds();
  let current: string | null = null;
  for (const row of rows) {
    const id = row.record.orderId;
    if (id !== current) {
      if (current !== null) {
        beforeTake?.(current);
        done.add(current);
        yield grouper.take(current);
      }
      if (done.has(id)) throw new NotContiguous();
      current = id;
    }
    grouper.add(row.record, row.line, row.role);
  }
  if (current !== null) {
    beforeTake?.(current);
    yield grouper.take(current);
  }
}

/** Where a file states both, the order's item subtotal should equal its lines; a disagreement is reported. */
export function totalsWarnings(order: ImportOrder): Detail[] {
  if (order.itemSubtotal === null || order.lines.length === 0) return [];
  const lines = order.lines.reduce((sum, l) => sum + l.quantity * l.unitPrice - l.discount, 0);
  const linesGross = order.lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);
  if (lines === order.itemSubtotal || linesGross === order.itemSubtotal) return [];
  return [{ line: order.line, key: 'import.totalsDisagree', params: { order: order.platformOrderId, stated: order.itemSubtotal, lines } }];
}

/**
 * Order ids already handed on, kept as 53-bit hashes in an open-addressed table: 16 bytes an id however long
 * it is, so a year of orders fits the reader's small heap. A collision (about one in 10^10 for a million
 * orders) only makes the file be read again holding every order.
 */
class SeenIds {
  private slots = new Float64Array(1 << 16);
  private count = 0;

  add(id: string): void {
    if (this.count * 2 >= this.slots.length) this.grow();
    this.place(idHash(id));
    this.count++;
  }

  has(id: string): boolean {
    const h = idHash(id);
    const mask = this.slots.length - 1;
    for (let i = h % this.slots.length; ; i = (i + 1) & mask) {
      if (this.slots[i] === 0) return false;
      if (this.slots[i] === h) return true;
    }
  }

  private place(h: number): void {
    const mask = this.slots.length - 1;
    let i = h % this.slots.length;
    while (this.slots[i] !== 0 && this.slots[i] !== h) i = (i + 1) & mask;
    this.slots[i] = h;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    for (const h of old) if (h !== 0) this.place(h);
  }
}

/** Two 32-bit multiplicative hashes of the id's characters, mixed into one 53-bit number; never 0 (the empty slot). */
function idHash(id: string): number {
  let a = 0x9e3779b9;
  let b = 0x85ebca6b;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  a = Math.imul(a ^ (a >>> 15), 0x2c1b3c6d) ^ Math.imul(b ^ (b >>> 13), 0x297a2d39);
  b = Math.imul(b ^ (b >>> 16), 0x85ebca6b) ^ Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
  return (b & 0x1fffff) * 4294967296 + (a >>> 0) || 1;
}
