import type { Db } from '../../db/open.js';
import { skuById } from '../../db/queries/catalog.js';
import * as iq from '../../db/queries/imports.js';
import * as q from '../../db/queries/orders.js';
import { recordRefund } from '../../db/queries/refunds.js';
import { findCarrier } from '../fulfilment/carriers.js';
import { recordMovement } from '../inventory/ledger.js';
import { setOnHand } from '../../db/queries/stock.js';
import { CustomerKeys, isMasked, matchCustomer, type BuyerInput } from '../orders/customers.js';
import { FingerprintMap } from '../hash-set.js';
import { logEvent } from '../orders/events.js';
import type { Order, OrderLine, OrderStatus } from '../orders/types.js';
import type { Shop } from '../shops/types.js';
import type { Sku } from '../catalog/types.js';
import { contentHash, unsealOrder, type SealedOrder } from './content-hash.js';
import { ORDER_LINE } from './mapping.js';
import { NewOrders, type NewOrder } from './new-orders.js';
import { isStandIn, RowError, type ImportLine, type ImportOrder } from './types.js';

export type Outcome = 'new' | 'updated' | 'unchanged';

const RESERVING: readonly OrderStatus[] = ['paid', 'picking', 'packed', 'on_hold'];
const SHIPPED: readonly OrderStatus[] = ['shipped', 'delivered', 'completed'];

/** What stock a line should hold in this status: units reserved and units gone out. */
function stockWanted(status: OrderStatus, line: ImportLine): { reserve: number; ship: number } {
  if (line.cancelled) return { reserve: 0, ship: 0 };
  if (SHIPPED.includes(status)) return { reserve: 0, ship: line.quantity };
  if (status === 'partially_shipped') {
    const ship = Math.min(line.shipped ?? 0, line.quantity);
    return { reserve: line.quantity - ship, ship };
  }
  return RESERVING.includes(status) ? { reserve: line.quantity, ship: 0 } : { reserve: 0, ship: 0 };
}


/** SKU matches kept: enough for any catalogue, bounded for files of any size. */
const KEPT = 50_000;
/** Buyers kept: a big shop's whole clientele, at most 48 bytes each (FingerprintMap), still bounded. */
const BUYERS_KEPT = 250_000;

/**
 * Look-ups that repeat across the orders of one import, kept for its transaction; its new orders, written in
 * batches; and their stock totals, written once per SKU by `flush` instead of once per line.
 */
export class ImportCache {
  readonly skus = new Map<number, Sku>();
  readonly matches = new Map<string, number | null>();
  readonly newOrders = new NewOrders();
  /** Buyer details → customer id, for buyers who have one: a fingerprint each, so a big shop's buyers all fit. */
  private readonly customers = new FingerprintMap();
  private knownCustomers: CustomerKeys | undefined;
  private readonly reserved = new Map<number, number>();
  private readonly onHandChanged = new Map<number, number>();

  sku(db: Db, id: number): Sku {
    let sku = this.skus.get(id);
    if (!sku) this.skus.set(id, (sku = skuById(db, id)!));
    return sku;
  }

  match(db: Db, shop: Shop, line: ImportLine): number | null {
    const key = `${line.listingId}\u0000${line.platformSku}\u0000${line.sku}`;
    let found = this.matches.get(key);
    if (found === undefined) {
      if (this.matches.size >= KEPT) this.matches.clear();
      this.matches.set(key, (found = matchSku(db, shop, line)));
    }
    return found;
  }

  /**
   * The buyer's customer id. The same buyer details give the same customer, so repeat buyers cost one look-up. A name
   * alone identifies no one, nor does a masked phone or email (never used to match): such buyers are never kept.
   */
  customer(db: Db, shop: Shop, buyer: BuyerInput, now: number): number | null {
    const identified = Boolean(buyer.buyerId || (buyer.phone && !isMasked(buyer.phone)) || (buyer.email && !isMasked(buyer.email)));
    const key = `${buyer.buyerId}\u0000${buyer.phone}\u0000${buyer.email}\u0000${buyer.name}`;
    const kept = identified ? this.customers.get(key) : undefined;
    if (kept !== undefined) return kept;
    const id = matchCustomer(db, shop.id, buyer, now, this.knownCustomers)?.id ?? null;
    if (identified && id !== null) {
      if (this.customers.size >= BUYERS_KEPT) this.customers.clear();
      this.customers.set(key, id);
    }
    return id;
  }

  /** From now on, buyers new to the shop are told apart in memory (CustomerKeys): for a bulk load, where most are. */
  knowCustomers(db: Db, shopId: number): void {
    this.knownCustomers ??= CustomerKeys.of(db, shopId);
  }

  /** Units shipped from a SKU by a new order (its movement row goes with the order): the SKU's on-hand is written at `flush`. */
  shipFrom(db: Db, skuId: number, units: number, at: number): Sku {
    const sku = this.sku(db, skuId);
    sku.onHand -= units;
    this.onHandChanged.set(skuId, at);
    return sku;
  }

  reserve(skuId: number, units: number): void {
    this.reserved.set(skuId, (this.reserved.get(skuId) ?? 0) + units);
  }

  flush(db: Db): void {
    this.newOrders.flush(db);
    for (const [skuId, at] of this.onHandChanged) setOnHand(db, skuId, this.skus.get(skuId)!.onHand, at);
    for (const [skuId, units] of this.reserved) if (units !== 0) q.addReserved(db, skuId, units);
    this.onHandChanged.clear();
    this.reserved.clear();
  }
}

export interface ApplyResult {
  outcome: Outcome;
  lines: number;
  negative: string[];
  /** The order's status after, and for an order that was there, before. */
  status?: OrderStatus;
  previous?: OrderStatus;
}

/**
 * Writes one imported order, inside the caller's transaction: new orders are created, changed ones updated
 * with every change in their event log, unchanged ones (same content hash) left alone. Stock follows the
 * platform's status exactly once per unit: reservations for paid orders, sale movements for shipped units.
 */
export function applyOrder(db: Db, shop: Shop, imported: ImportOrder, source: string, now: number, cache = new ImportCache()): ApplyResult {
  const hash = contentHash(imported);
  const found = lookUp(db, shop, imported.platformOrderId, imported.currency);
  if (found?.import_hash === hash) return { outcome: 'unchanged', lines: imported.lines.length, negative: [] };
  return write(db, shop, imported, hash, found, source, now, cache);
}

/** The same for an order sealed by the reader thread: one that is unchanged is never parsed. */
export function applySealed(db: Db, shop: Shop, sealed: SealedOrder, source: string, now: number, cache: ImportCache): ApplyResult {
  const found = lookUp(db, shop, sealed.platformOrderId, sealed.currency);
  if (found?.import_hash === sealed.hash) return { outcome: 'unchanged', lines: sealed.lines, negative: [] };
  return write(db, shop, unsealOrder(sealed), sealed.hash, found, source, now, cache);
}

/** The stored order of that id, if any; refuses (before anything is written) an order in another currency. */
function lookUp(db: Db, shop: Shop, platformOrderId: string, currency: string | null) {
  const wanted = currency ?? shop.currency;
  if (wanted !== shop.currency) throw new RowError('import.currencyMismatch', { order: platformOrderId, currency: wanted, shopCurrency: shop.currency });
  return iq.orderIdAndHash(db, shop.id, platformOrderId);
}

function write(db: Db, shop: Shop, imported: ImportOrder, hash: string, found: ReturnType<typeof lookUp>, source: string, now: number, cache: ImportCache): ApplyResult {
  if (!found) return { outcome: 'new', lines: imported.lines.length, negative: createOrder(db, shop, imported, hash, source, now, cache), status: imported.status ?? 'paid' };
  // New orders so far are written first, so stock movements stay in the file's order.
  cache.newOrders.flush(db);
  // An order shopkeep already had (added by hand, or exported and read back) counts as changed only if it does.
  const before = snapshot(db, found.id);
  const order = q.orderById(db, found.id)!;
  const previous = order.status;
  const { imported: known, shipments } = withStandIns(db, shop, order, withKnownPrices(db, order.id, imported), now, cache);
  updateFields(db, order, known, now);
  const negative = syncLines(db, shop, order, known, now, cache);
  // Partly shipped, and now every line that stands has gone (here or by hand in shopkeep): shipped.
  if (order.status === 'partially_shipped' && q.linesOf(db, order.id).every((l) => l.cancelled || l.shipped >= l.quantity)) {
    logEvent(db, order, now, 'status', order.status, 'shipped', 'import');
    order.status = 'shipped';
  }
  // A shipment that held the stand-in now holds the lines that replaced it.
  if (shipments.length > 0) for (const l of q.linesOf(db, order.id)) if (l.shipped > 0) q.insertShipmentLine(db, shipments[0]!, l.id, l.shipped);
  syncShipment(db, order, imported, now);
  q.saveOrder(db, order, now);
  iq.setImportHash(db, order.id, hash);
  return { outcome: snapshot(db, order.id) === before ? 'unchanged' : 'updated', lines: imported.lines.length, negative, status: order.status, previous };
}

/** Platforms whose orders file alone gives stand-in lines (Taobao 订单报表, also a Tmall shop's; Etsy SoldOrders). */
const STAND_IN_PLATFORMS: readonly string[] = ['taobao', 'tmall', 'etsy'];

/**
 * The two halves of a Taobao or Etsy export imported in separate runs. The items half's lines replace the stand-in line
 * the orders half gave: the stand-in's reservation is released, units it shipped from stock come back (the real lines
 * then ship their own), its shipment keeps the real lines instead, and it is removed, with an event. A stand-in read
 * after the real lines are stored is ignored. A stand-in already returned cannot be taken apart: the order is refused.
 * Returns the order to write and the shipments that lost their lines.
 */
function withStandIns(db: Db, shop: Shop, order: Order, imported: ImportOrder, now: number, cache: ImportCache): { imported: ImportOrder; shipments: number[] } {
  const shipments: number[] = [];
  // Only these shops' orders can hold a stand-in: others skip the look-up (an overlapping export updates thousands).
  if (!STAND_IN_PLATFORMS.includes(shop.platform) && !imported.lines.some((l) => isStandIn(l.lineKey))) return { imported, shipments };
  const stored = q.linesOf(db, order.id);
  if (!imported.lines.some((l) => !isStandIn(l.lineKey))) {
    const keep = stored.some((l) => !isStandIn(l.lineKey)) ? { ...imported, lines: imported.lines.filter((l) => !isStandIn(l.lineKey)) } : imported;
    return { imported: keep, shipments };
  }
  const standIns = stored.filter((l) => isStandIn(l.lineKey));
  // Refused before anything is written: the caller's transaction has no savepoint per order.
  if (standIns.some((l) => iq.lineReturned(db, l.id))) throw new RowError('import.standInReturned', { order: order.platformOrderId });
  for (const line of standIns) {
    for (const id of iq.takeShipmentLines(db, line.id)) if (!shipments.includes(id)) shipments.push(id);
    if (line.skuId !== null && !line.platformStock) {
      if (line.reserved > 0) q.addReserved(db, line.skuId, -line.reserved);
      if (line.shipped > 0) {
        const sku = cache.sku(db, line.skuId);
        recordMovement(db, sku, { kind: 'sale', quantity: line.shipped, reference: `order ${order.platformOrderId}`, occurredAt: order.shippedAt ?? now, allowNegative: true, orderId: order.id });
      }
    }
    q.deleteLine(db, line.id);
    logEvent(db, order, now, 'lines', `${line.lineKey} ${line.quantity}×${line.unitPrice}`, null, 'import');
  }
  return { imported, shipments };
}

const snapshot = (db: Db, orderId: number) => JSON.stringify([q.orderById(db, orderId), q.linesOf(db, orderId), q.shipmentsOf(db, orderId).length]);

/** A line the file gives no price for keeps the price shopkeep has for it, and the order's amounts follow from that. */
function withKnownPrices(db: Db, orderId: number, imported: ImportOrder): ImportOrder {
  if (!imported.lines.some((l) => l.priceUnknown)) return imported;
  const stored = new Map(q.linesOf(db, orderId).map((l) => [l.lineKey, l]));
  const lines = imported.lines.map((l) => {
    const known = l.priceUnknown ? stored.get(l.lineKey) : undefined;
    return known ? { ...l, unitPrice: known.unitPrice, discount: known.discount, priceUnknown: false } : l;
  });
  return { ...imported, lines };
}

/** The order's items as charged: an item cancelled before it was charged counts for nothing, one refunded after payment counts (its refund is in `refunded`). */
const itemsValue = (lines: ImportLine[]) => lines.filter((l) => !l.cancelled || l.refunded).reduce((sum, l) => sum + l.quantity * l.unitPrice - l.discount, 0);

/** An order's amounts from what the file says; what it does not say is kept from `stored` (an update), else 0. */
function money(imported: ImportOrder, status: OrderStatus, stored?: Order) {
  if (stored && imported.itemsOnly && imported.total === null && imported.itemSubtotal === null) {
    const { itemSubtotal, shipping, discount, tax, total, refunded } = stored;
    const unpaid = status === 'pending_payment' || (status === 'cancelled' && (imported.paidAt ?? stored.paidAt) === null);
    return { itemSubtotal, shipping, discount, tax, total, paid: unpaid ? 0 : stored.paid || total, refunded };
  }
  const itemSubtotal = imported.itemSubtotal ?? itemsValue(imported.lines);
  const shipping = imported.shipping ?? stored?.shipping ?? 0;
  const discount = imported.discount ?? stored?.discount ?? 0;
  const tax = imported.tax ?? stored?.tax ?? 0;
  const total = imported.total ?? itemSubtotal + shipping + tax - discount;
  // A cancelled order keeps what it was paid (an earlier import's payment, else the total when a payment time is
  // known); cancelling un-pays nothing, the money goes back as a refund.
  const cancelledPaid = () => (stored && stored.paid > 0 ? stored.paid : (imported.paidAt ?? stored?.paidAt ?? null) === null ? 0 : total);
  let paid = Math.max(0, imported.paid ?? (status === 'pending_payment' ? 0 : status === 'cancelled' ? cancelledPaid() : total));
  // A paid order cancelled gave its money back, all of it unless the file says how much.
  const refunded = Math.max(0, imported.refunded ?? (status === 'cancelled' ? paid : (stored?.refunded ?? 0)));
  // Money refunded was paid first (a file that states a refund but no payment time).
  if (refunded > paid && imported.paid === null && status !== 'pending_payment') paid = refunded;
  return { itemSubtotal, shipping: Math.max(0, shipping), discount: Math.max(0, discount), tax: Math.max(0, tax), total, paid, refunded };
}

/**
 * A new order written as it will stay: one row for the order, one per line with its stock already settled,
 * the shipment if the file names one. Returns the SKU codes the shipped units took below zero.
 */
function createOrder(db: Db, shop: Shop, imported: ImportOrder, hash: string, source: string, now: number, cache: ImportCache): string[] {
  const status = imported.status ?? 'paid';
  const at = imported.placedAt ?? now;
  const m = money(imported, status);
  const a = imported.address;
  const customerId = cache.customer(db, shop, { buyerId: imported.buyerId, name: imported.buyerName, phone: imported.buyerPhone, email: imported.buyerEmail }, now);
  // Ids stay null here: NewOrders gives them when it writes the batch.
  const row: NewOrder = {
    // prettier-ignore
    order: [
      null, shop.id, imported.platformOrderId, customerId, status, status === 'on_hold' ? 'paid' : null, shop.currency,
      m.itemSubtotal, m.shipping, m.discount, m.tax, m.total, m.paid, m.refunded,
      a.name ?? imported.buyerName ?? null, a.phone ?? imported.buyerPhone ?? null, a.province ?? null, a.city ?? null, a.district ?? null, a.street ?? null, a.postcode ?? null, a.country ?? null,
      imported.buyerNote, imported.sellerMemo, 'import',
      at, imported.paidAt, imported.shippedAt, imported.deliveredAt, imported.completedAt, imported.cancelledAt, now, hash,
    ],
    lines: [],
    movements: [],
    events: [[null, at, 'import', null, status, source]],
    shipment: null,
    // Refunded before shopkeep knew the order: at its latest stated time, the nearest to the refund the file tells.
    refund: m.refunded > 0 ? [null, imported.cancelledAt ?? imported.completedAt ?? imported.deliveredAt ?? imported.shippedAt ?? imported.paidAt ?? at, m.refunded, 'import', null] : null,
  };
  const negative: string[] = [];
  const shippedAt = imported.shippedAt ?? now;
  for (const line of imported.lines) {
    const skuId = cache.match(db, shop, line);
    const wanted = stockWanted(status, line);
    const shipped = Math.min(wanted.ship, line.quantity);
    const holdsStock = skuId !== null && !line.platformStock;
    const reserved = status === 'cancelled' || !holdsStock ? 0 : Math.min(wanted.reserve, line.quantity - shipped);
    row.lines.push({ values: [null, null, line.lineKey, skuId, line.platformSku, line.listingId, line.title, line.variant, line.quantity, line.unitPrice, line.discount, line.sku, reserved, shipped, line.platformStock ? 1 : 0, line.cancelled ? 1 : 0], shipped });
    if (!holdsStock) continue;
    if (shipped > 0) {
      const sku = cache.shipFrom(db, skuId, shipped, shippedAt);
      row.movements.push([null, skuId, 'sale', -shipped, sku.onHand, null, null, `order ${imported.platformOrderId}`, shippedAt]);
      if (sku.onHand < 0) negative.push(sku.code);
    }
    if (reserved > 0) cache.reserve(skuId, reserved);
  }
  if (imported.trackingNumber && SHIPPED.concat('partially_shipped').includes(status)) {
    const carrier = carrierCode(imported.carrier);
    row.shipment = [null, null, carrier, imported.trackingNumber, shippedAt];
    row.events.push([null, now, 'tracking', null, `${carrier} ${imported.trackingNumber}`, 'import']);
  }
  cache.newOrders.add(row, db);
  return negative;
}

const carrierCode = (carrier: string | null) => (carrier ? (findCarrier(carrier)?.code ?? carrier) : 'OTHER');

const GONE_OUT: readonly OrderStatus[] = ['partially_shipped', 'shipped', 'delivered', 'completed'];
const BEFORE_SHIPPING: readonly OrderStatus[] = ['pending_payment', 'paid', 'picking', 'packed', 'on_hold'];

/** The lifecycle a status guessed from dates may move an order along (forward only). */
const LIFECYCLE: readonly OrderStatus[] = ['pending_payment', 'paid', 'picking', 'packed', 'partially_shipped', 'shipped', 'delivered', 'completed'];
const isAhead = (status: OrderStatus, of: OrderStatus) => LIFECYCLE.indexOf(of) >= 0 && LIFECYCLE.indexOf(status) > LIFECYCLE.indexOf(of);

/** A later export of a known order: what the platform says now wins (a guess from dates only if it moves it on), and every change is logged. */
function updateFields(db: Db, order: Order, imported: ImportOrder, now: number): void {
  const guessBehind = imported.statusFromDates && imported.status !== null && !isAhead(imported.status, order.status);
  // Goods that went out (shipped in shopkeep before the platform's export knew) do not come back by an export.
  const unshipping = imported.status !== null && GONE_OUT.includes(order.status) && BEFORE_SHIPPING.includes(imported.status);
  const status = guessBehind || unshipping ? order.status : (imported.status ?? order.status);
  if (status !== order.status) {
    logEvent(db, order, now, 'status', order.status, status, 'import');
    order.heldFrom = status === 'on_hold' ? (order.heldFrom ?? 'paid') : null;
    order.status = status;
  }
  const m = money(imported, status, order);
  if (m.refunded !== order.refunded) {
    logEvent(db, order, now, 'payment', `refunded ${order.refunded}`, `refunded ${m.refunded}`, 'import');
    recordRefund(db, order.id, now, m.refunded - order.refunded, 'import');
  }
  if (m.paid !== order.paid) logEvent(db, order, now, 'payment', String(order.paid), String(m.paid), 'import');
  Object.assign(order, m);
  const a = imported.address;
  const before = JSON.stringify(order.address);
  order.address = {
    name: a.name ?? order.address.name,
    phone: a.phone ?? order.address.phone,
    province: a.province ?? order.address.province,
    city: a.city ?? order.address.city,
    district: a.district ?? order.address.district,
    street: a.street ?? order.address.street,
    postcode: a.postcode ?? order.address.postcode,
    country: a.country ?? order.address.country,
  };
  if (JSON.stringify(order.address) !== before) logEvent(db, order, now, 'address', null, null, 'import');
  if (imported.sellerMemo !== null && imported.sellerMemo !== order.sellerMemo) {
    logEvent(db, order, now, 'memo', order.sellerMemo, imported.sellerMemo, 'import');
    order.sellerMemo = imported.sellerMemo;
  }
  order.buyerNote = imported.buyerNote ?? order.buyerNote;
  order.paidAt = imported.paidAt ?? order.paidAt;
  order.shippedAt = imported.shippedAt ?? order.shippedAt;
  order.deliveredAt = imported.deliveredAt ?? order.deliveredAt;
  order.completedAt = imported.completedAt ?? order.completedAt;
  order.cancelledAt = imported.cancelledAt ?? order.cancelledAt;
}

function matchSku(db: Db, shop: Shop, line: ImportLine): number | null {
  return iq.linkedSku(db, shop.id, line.listingId, line.platformSku) ?? (line.sku === null ? undefined : iq.skuIdByCode(db, line.sku)) ?? null;
}

/** Lines by their stable key: new ones added, known ones updated; stock moved to what the status wants. */
function syncLines(db: Db, shop: Shop, order: Order, imported: ImportOrder, now: number, cache: ImportCache): string[] {
  const stored = new Map(q.linesOf(db, order.id).map((l) => [l.lineKey, l]));
  // A file of one row per order keys its line ORDER_LINE; one imported before that key existed keyed it by SKU or
  // title: the order's one stored line is that line.
  if (imported.lines.length === 1 && imported.lines[0]!.lineKey === ORDER_LINE && stored.size === 1 && !stored.has(ORDER_LINE)) {
    const [only] = stored.values();
    only!.lineKey = ORDER_LINE;
    stored.clear();
    stored.set(ORDER_LINE, only!);
  }
  const negative: string[] = [];
  for (const line of imported.lines) {
    let current: OrderLine | undefined = stored.get(line.lineKey);
    if (!current) {
      const fresh = {
        orderId: order.id,
        lineKey: line.lineKey,
        skuId: cache.match(db, shop, line),
        platformSku: line.platformSku,
        listingId: line.listingId,
        title: line.title,
        variant: line.variant,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        discount: line.discount,
        sellerSku: line.sku,
        platformStock: line.platformStock,
        cancelled: line.cancelled,
      };
      current = { ...fresh, id: q.insertLine(db, fresh), skuCode: null, reserved: 0, shipped: 0, location: null };
    } else if (current.quantity !== line.quantity || current.unitPrice !== line.unitPrice) {
      logEvent(db, order, now, 'lines', `${current.lineKey} ${current.quantity}×${current.unitPrice}`, `${line.lineKey} ${line.quantity}×${line.unitPrice}`, 'import');
      current.quantity = Math.max(line.quantity, current.shipped);
      current.unitPrice = line.unitPrice;
    }
    if (Boolean(current.cancelled) !== Boolean(line.cancelled)) {
      logEvent(db, order, now, 'lines', current.cancelled ? `${current.lineKey} cancelled` : current.lineKey, line.cancelled ? `${line.lineKey} cancelled` : line.lineKey, 'import');
      current.cancelled = line.cancelled;
    }
    const wanted = stockWanted(order.status, line);
    const ship = Math.max(current.shipped, Math.min(wanted.ship, current.quantity));
    // An unmatched line holds no stock (re-attribution reserves for it once it has a SKU); nor does one the platform ships.
    const holdsStock = current.skuId !== null && !line.platformStock && !current.platformStock;
    const reserve = order.status === 'cancelled' || !holdsStock ? 0 : Math.min(wanted.reserve, current.quantity - ship);
    if (holdsStock && current.skuId !== null) {
      if (ship > current.shipped) {
        const sku = cache.sku(db, current.skuId);
        const moved = recordMovement(db, sku, { kind: 'sale', quantity: -(ship - current.shipped), reference: `order ${order.platformOrderId}`, occurredAt: order.shippedAt ?? now, allowNegative: true, orderId: order.id });
        if (moved.onHandAfter < 0) negative.push(sku.code);
      }
      if (reserve !== current.reserved) q.addReserved(db, current.skuId, reserve - current.reserved);
    }
    current.shipped = ship;
    current.reserved = reserve;
    q.saveLine(db, current);
    stored.delete(line.lineKey);
  }
  // A cancelled order holds nothing, whichever lines the file still wrote; nor does an item the file now writes
  // cancelled with 0 units (Amazon), which is not read as a line: the stored line of its key is cancelled.
  for (const line of stored.values()) {
    const cancelledItem = !line.cancelled && (imported.cancelledKeys?.includes(line.lineKey) ?? false);
    if (!cancelledItem && (order.status !== 'cancelled' || line.reserved === 0)) continue;
    if (cancelledItem) {
      logEvent(db, order, now, 'lines', line.lineKey, `${line.lineKey} cancelled`, 'import');
      line.cancelled = true;
    }
    if (line.reserved > 0 && line.skuId !== null) q.addReserved(db, line.skuId, -line.reserved);
    line.reserved = 0;
    q.saveLine(db, line);
  }
  return negative;
}

/**
 * A tracking number the file gives becomes a shipment, once, holding the shipped units no parcel holds yet. When
 * every shipped unit is already in a parcel, a new number is the platform's correction of the latest one (an export
 * gives one number an order): that parcel takes it, so no unit is counted in two parcels.
 */
function syncShipment(db: Db, order: Order, imported: ImportOrder, now: number): void {
  if (!imported.trackingNumber || !SHIPPED.concat('partially_shipped').includes(order.status)) return;
  const shipments = q.shipmentsOf(db, order.id);
  if (shipments.some((s) => s.trackingNumber === imported.trackingNumber)) return;
  const carrier = carrierCode(imported.carrier);
  const inParcels = new Map<number, number>();
  for (const s of shipments) for (const l of s.lines) inParcels.set(l.orderLineId, (inParcels.get(l.orderLineId) ?? 0) + l.quantity);
  const unparcelled = q.linesOf(db, order.id).map((l) => ({ id: l.id, quantity: l.shipped - (inParcels.get(l.id) ?? 0) })).filter((l) => l.quantity > 0);
  const latest = shipments.at(-1);
  if (unparcelled.length === 0 && latest) {
    q.setShipmentTracking(db, latest.id, carrier, imported.trackingNumber);
    logEvent(db, order, now, 'tracking', `${latest.carrier} ${latest.trackingNumber}`, `${carrier} ${imported.trackingNumber}`, 'import');
    return;
  }
  const id = q.insertShipment(db, order.id, carrier, imported.trackingNumber, order.shippedAt ?? now);
  for (const l of unparcelled) q.insertShipmentLine(db, id, l.id, l.quantity);
  logEvent(db, order, now, 'tracking', null, `${carrier} ${imported.trackingNumber}`, 'import');
}
