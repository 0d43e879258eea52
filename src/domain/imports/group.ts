import type { Detail } from '../errors.js';
import type { OrderStatus } from '../orders/types.js';
import type { ImportLine, ImportOrder, RowRecord } from './types.js';
import { StringHashSet } from '../hash-set.js';

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
  /** Each held order's rows so far, flat [file, line, cells, …]: listed as rejected if the order is dropped. */
  private readonly rows = new Map<string, unknown[]>();
  /** Orders dropped because one of their rows was rejected: their other rows are ignored. */
  private readonly dropped = new Set<string>();

  add(record: RowRecord, line: number, role?: 'orders' | 'items', file?: string, cells?: string[]): void {
    if (this.dropped.has(record.orderId)) return;
    if (file !== undefined) {
      const rows = this.rows.get(record.orderId);
      if (rows) rows.push(file, line, cells);
      else this.rows.set(record.orderId, [file, line, cells]);
    }
    let order = this.orders.get(record.orderId);
    if (!order) {
      order = emptyOrder(record.orderId, line);
      this.orders.set(record.orderId, order);
    }
    const fields = order as unknown as Record<string, unknown>;
    const given = record.order as Record<string, unknown>;
    // A guess from dates goes with the status it came with: the orders half's stated status stays stated.
    if (order.status === null && record.order.status != null && record.order.statusFromDates) order.statusFromDates = true;
    if (record.order.itemsOnly) order.itemsOnly = true;
    for (const key in given) {
      const value = given[key];
      if (key === 'address') {
        const address = order.address as Record<string, unknown>;
        const more = value as Record<string, unknown>;
        for (const k in more) if (more[k] != null && more[k] !== '' && address[k] == null) address[k] = more[k];
      } else if (key !== 'statusFromDates' && key !== 'itemsOnly' && value !== null && value !== undefined && fields[key] === null) {
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

  /** The order built so far, handed over and forgotten (its rows are all read); null for one dropped. */
  take(orderId: string): ImportOrder | null {
    this.rows.delete(orderId);
    if (this.dropped.delete(orderId)) return null;
    const order = this.orders.get(orderId)!;
    this.orders.delete(orderId);
    this.standIns.delete(order);
    return order;
  }

  /** Drops an order (a row of it was rejected): the rows of it added so far, to be listed as rejected too. */
  drop(orderId: string): RowOf[] {
    const order = this.orders.get(orderId);
    if (order) this.standIns.delete(order);
    this.orders.delete(orderId);
    this.dropped.add(orderId);
    const flat = this.rows.get(orderId) ?? [];
    this.rows.delete(orderId);
    const rows: RowOf[] = [];
    for (let i = 0; i < flat.length; i += 3) rows.push({ file: flat[i] as string, line: flat[i + 1] as number, cells: (flat[i + 2] as string[] | undefined) ?? [] });
    return rows;
  }

  result(): ImportOrder[] {
    return [...this.orders.values()];
  }
}

/**
 * A line under its own key, or `key#2`, `key#3` when the order already has one under it. A line of no units is
 * left out: it carries nothing (Amazon writes a cancelled item with quantity 0); a cancelled one's key is kept in
 * `cancelledKeys`, so the stored line of that key is cancelled.
 */
function addLine(order: ImportOrder, line: ImportLine): void {
  // Keys of identical items count the cancelled ones too, so each keeps the key it had while it stood.
  const base = line.lineKey;
  const taken = (k: string) => order.lines.some((l) => l.lineKey === k) || (order.cancelledKeys?.includes(k) ?? false);
  let key = base;
  for (let n = 2; taken(key); n++) key = `${base}#${n}`;
  if (line.quantity === 0) {
    if (line.cancelled) (order.cancelledKeys ??= []).push(key);
    return;
  }
  order.lines.push(key === base ? line : { ...line, lineKey: key });
}

export interface GroupRow {
  record: RowRecord;
  line: number;
  role?: 'orders' | 'items';
  /** Where the row was read: listed as rejected with its order if another row of that order is. */
  file?: string;
  cells?: string[];
  /** Not a row but word that this row of the order was rejected: the whole order is dropped. */
  drop?: true;
}

/** A row of a dropped order, to be listed as rejected. */
export interface RowOf {
  file: string;
  line: number;
  cells: string[];
}

/** Adds a row to the grouper, or drops its order when the row says so. */
export function addRow(grouper: OrderGrouper, row: GroupRow, onDrop: (row: GroupRow, earlier: RowOf[]) => void): void {
  if (row.drop) onDrop(row, grouper.drop(row.record.orderId));
  else grouper.add(row.record, row.line, row.role, row.file, row.cells);
}

/** A file whose rows of one order are not all together: it is read again with every order held until the end. */
export class NotContiguous extends Error {}

/**
 * Orders handed on as soon as their rows have passed, so a file of any size is read in little memory: every
 * platform writes an order's rows together. `beforeTake` lets the caller add rows from elsewhere (the items
 * half of a pair) first. An order seen again after another one began throws NotContiguous.
 */
export function* contiguousOrders(
  rows: Iterable<GroupRow>,
  grouper: OrderGrouper,
  beforeTake?: (orderId: string) => void,
  onDrop: (row: GroupRow, earlier: RowOf[]) => void = () => {},
): Generator<ImportOrder> {
  const done = new StringHashSet(); // order ids already handed on: a false yes only means reading the file again
  let current: string | null = null;
  const take = (id: string) => {
    beforeTake?.(id);
    return grouper.take(id);
  };
  for (const row of rows) {
    const id = row.record.orderId;
    if (id !== current) {
      if (current !== null) {
        const order = take(current);
        done.add(current);
        if (order) yield order;
      }
      if (done.has(id)) throw new NotContiguous();
      current = id;
    }
    addRow(grouper, row, onDrop);
  }
  if (current !== null) {
    const order = take(current);
    if (order) yield order;
  }
}

/** Statuses an order's lines can say more precisely. */
const LINES_TELL: readonly OrderStatus[] = ['paid', 'picking', 'packed', 'partially_shipped', 'shipped', 'delivered', 'completed'];
const NOT_YET_SHIPPED: readonly OrderStatus[] = ['paid', 'picking', 'packed', 'partially_shipped'];

/**
 * An order whose rows say per line what has shipped (an eBay item's own ship date and tracking, a Douyin sub-order's
 * own status, an Amazon item's quantity shipped) has the status its lines tell, whichever row came first: some
 * shipped and some not is partially shipped; all shipped in an order said not to be is shipped. Each line then holds
 * or ships its own units. An order whose rows stated no status but whose every line was cancelled is cancelled.
 */
export function withLineShipping(order: ImportOrder): ImportOrder {
  const standing = order.lines.filter((l) => !l.cancelled);
  // (Not an items file read alone: its rows never state the order's status, and a closed item does not speak for it.)
  if (order.status === null && !order.itemsOnly && order.lines.length > 0 && standing.length === 0) order.status = 'cancelled';
  if (order.status === null || !LINES_TELL.includes(order.status) || standing.length === 0 || standing.some((l) => l.shipped === null)) return order;
  const some = standing.some((l) => l.shipped! > 0);
  const all = standing.every((l) => l.shipped! >= l.quantity);
  if (some && !all) order.status = 'partially_shipped';
  else if (all && NOT_YET_SHIPPED.includes(order.status)) order.status = 'shipped';
  return order;
}

/**
 * Where a file states both, the order's item subtotal should equal its lines, before or after line discounts, with
 * or without its cancelled items (Taobao's 宝贝总金额 keeps a refunded item, shopkeep's own subtotal leaves it out);
 * a disagreement is reported.
 */
export function totalsWarnings(order: ImportOrder): Detail[] {
  if (order.itemSubtotal === null || order.lines.length === 0) return [];
  const sums = (lines: ImportOrder['lines']) => [lines.reduce((sum, l) => sum + l.quantity * l.unitPrice - l.discount, 0), lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0)];
  const all = sums(order.lines);
  const standing = sums(order.lines.filter((l) => !l.cancelled));
  if ([...all, ...standing].includes(order.itemSubtotal)) return [];
  return [{ line: order.line, key: 'import.totalsDisagree', params: { order: order.platformOrderId, stated: order.itemSubtotal, lines: all[0]! } }];
}
