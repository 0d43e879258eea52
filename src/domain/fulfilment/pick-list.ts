import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import { orderSummaries } from '../../db/queries/order-list.js';
import { linesOf, orderById } from '../../db/queries/orders.js';
import { productById, skuById } from '../../db/queries/catalog.js';
import type { Lang } from '../../i18n/index.js';
import { conflict, usageError } from '../errors.js';
import { findOrder } from '../orders/find.js';
import { startPicking } from '../orders/transitions.js';
import type { Order, OrderStatus } from '../orders/types.js';
import { defaultShop, findShop } from '../shops/shops.js';
import { formatWallTime } from '../time.js';
import { displayWidth, padEnd, padStart, type RenderTemplate, type TemplateFormat } from './render-template.js';

/** Which orders a pick list or packing slips are for: named ones, and/or every open one (`--all`). */
export interface OrderSelection {
  refs: string[];
  all: boolean;
  shop?: string;
}

/** Statuses whose goods may be picked or packed (packed: a reprint). */
export const PICKABLE: readonly OrderStatus[] = ['paid', 'picking', 'packed'];
/** What `--all` takes: orders waiting to be picked or packed. */
export const OPEN_FOR_PICKING: readonly OrderStatus[] = ['paid', 'picking'];

export interface PickOrder {
  id: number;
  order: string;
  shop: string;
  status: OrderStatus;
  timezone: string;
}

export interface PickItem {
  sku: string;
  title: string;
  variant: string | null;
  location: string | null;
  quantity: number;
  orders: string[];
}

export interface UnmatchedItem {
  title: string;
  variant: string | null;
  quantity: number;
  orders: string[];
}

export interface PickList {
  orders: PickOrder[];
  items: PickItem[];
  unmatched: UnmatchedItem[];
  /** How many orders moved from paid to picking. */
  marked: number;
  /** Where "printed at" is read: the first order's shop, else the named or default shop. */
  timezone: string;
}

// Bin locations sort as people read them: A-2 before A-10.
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * The orders named by platform number or id:N (resolved in --shop when given), then with `all` every paid
 * or picking order (of that shop), each once, in that order. Nothing named and no `all` is exit 2; an
 * order that is not paid, picking or packed is exit 4 naming its status.
 */
export function selectOrders(db: Db, selection: OrderSelection): Order[] {
  if (selection.refs.length === 0 && !selection.all) throw usageError('fulfilment.nothingSelected', {}, { key: 'fulfilment.nothingSelected.hint' });
  const chosen = new Map<number, Order>();
  for (const ref of selection.refs) {
    const order = findOrder(db, ref, selection.shop);
    if (!PICKABLE.includes(order.status)) {
      throw conflict('fulfilment.notPickable', { order: order.platformOrderId, status: order.status }, { key: 'fulfilment.notPickable.hint' });
    }
    if (!chosen.has(order.id)) chosen.set(order.id, order);
  }
  if (selection.all) {
    const shopId = selection.shop === undefined ? undefined : findShop(db, selection.shop).id;
    for (const order of ordersInStatus(db, OPEN_FOR_PICKING, shopId)) if (!chosen.has(order.id)) chosen.set(order.id, order);
  }
  return [...chosen.values()];
}

/** Oldest payment first, as in the shipping queue. */
function ordersInStatus(db: Db, statuses: readonly OrderStatus[], shopId?: number): Order[] {
  const found = orderSummaries(db, { statuses: [...statuses], shopId, queue: true, limit: -1 });
  return found.map((o) => orderById(db, o.id)!);
}

/**
 * The pick list for the selected orders: units still to ship summed per SKU (with its location, the
 * product's title and the variant), sorted by location (none last) then SKU; lines without a SKU grouped
 * by title. With `mark`, every paid order becomes `picking` in the same transaction.
 */
export function pickOrders(db: Db, selection: OrderSelection, options: { mark: boolean }, now: number): PickList {
  const work = () => {
    const orders = selectOrders(db, selection);
    let marked = 0;
    if (options.mark) for (const order of orders) if (startPicking(db, order, now)) marked++;
    const timezone = orders[0]?.timezone ?? (selection.shop === undefined ? defaultShop(db) : findShop(db, selection.shop))?.timezone ?? 'UTC';
    return { ...aggregate(db, orders), marked, timezone };
  };
  return options.mark ? writeTransaction(db, work) : db.transaction(work).deferred();
}

function aggregate(db: Db, orders: Order[]): Omit<PickList, 'marked' | 'timezone'> {
  const items = new Map<number, PickItem>();
  const unmatched = new Map<string, UnmatchedItem>();
  const addOrder = (list: string[], order: string) => {
    if (!list.includes(order)) list.push(order);
  };
  for (const order of orders) {
    for (const line of linesOf(db, order.id)) {
      const left = line.cancelled ? 0 : line.quantity - line.shipped;
      if (left <= 0) continue;
      if (line.skuId === null) {
        const key = `${line.title}\u0000${line.variant ?? ''}`;
        const entry = unmatched.get(key) ?? { title: line.title, variant: line.variant, quantity: 0, orders: [] };
        entry.quantity += left;
        addOrder(entry.orders, order.platformOrderId);
        unmatched.set(key, entry);
        continue;
      }
      let entry = items.get(line.skuId);
      if (!entry) {
        const sku = skuById(db, line.skuId)!;
        const variant = Object.values(sku.variant).join(' / ');
        entry = { sku: sku.code, title: productById(db, sku.productId)?.title ?? line.title, variant: variant === '' ? null : variant, location: sku.location, quantity: 0, orders: [] };
        items.set(line.skuId, entry);
      }
      entry.quantity += left;
      addOrder(entry.orders, order.platformOrderId);
    }
  }
  const byLocation = (a: PickItem, b: PickItem) => {
    if ((a.location === null) !== (b.location === null)) return a.location === null ? 1 : -1;
    return collator.compare(a.location ?? '', b.location ?? '') || collator.compare(a.sku, b.sku);
  };
  return {
    orders: orders.map((o) => ({ id: o.id, order: o.platformOrderId, shop: o.shopName, status: o.status, timezone: o.timezone })),
    items: [...items.values()].sort(byLocation),
    unmatched: [...unmatched.values()].sort((a, b) => collator.compare(a.title, b.title) || collator.compare(a.variant ?? '', b.variant ?? '')),
  };
}

/** The JSON contract: `{ pickList: { orders, items, unmatched } }`, English keys. */
export function pickListJson(list: PickList): unknown {
  return {
    pickList: {
      orders: list.orders.map((o) => ({ id: o.id, order: o.order, shop: o.shop, status: o.status })),
      items: list.items.map((i) => ({ sku: i.sku, title: i.title, variant: i.variant, location: i.location, quantity: i.quantity, orders: i.orders })),
      unmatched: list.unmatched.map((u) => ({ title: u.title, variant: u.variant, quantity: u.quantity, orders: u.orders })),
    },
  };
}

/** What the pick-list templates see; text columns come pre-padded (CJK counted as two columns). */
export function pickListData(list: PickList, now: number) {
  const locations = list.items.map((i) => i.location ?? '—');
  const quantities = [...list.items, ...list.unmatched].map((i) => `×${i.quantity}`);
  const locationWidth = Math.max(0, ...locations.map(displayWidth));
  const quantityWidth = Math.max(0, ...quantities.map((q) => q.length));
  const skuWidth = Math.max(0, ...list.items.map((i) => displayWidth(i.sku)));
  const shops = [...new Set(list.orders.map((o) => o.shop))];
  return {
    printed: formatWallTime(now, list.timezone),
    shops: shops.join(', '),
    orderCount: list.orders.length,
    orders: list.orders.map((o) => ({ order: o.order, shop: o.shop })),
    ordersText: list.orders.map((o) => o.order).join(', '),
    empty: list.items.length === 0 && list.unmatched.length === 0,
    hasItems: list.items.length > 0,
    items: list.items.map((i, n) => ({
      ...i,
      number: n + 1,
      locationText: locations[n]!,
      locationPad: padEnd(locations[n]!, locationWidth),
      skuPad: padEnd(i.sku, skuWidth),
      quantityPad: padStart(`×${i.quantity}`, quantityWidth),
      ordersText: i.orders.join(', '),
    })),
    hasUnmatched: list.unmatched.length > 0,
    unmatched: list.unmatched.map((u) => ({ ...u, quantityPad: padStart(`×${u.quantity}`, quantityWidth), ordersText: u.orders.join(', ') })),
    skuCount: list.items.length,
    totalUnits: [...list.items, ...list.unmatched].reduce((sum, i) => sum + i.quantity, 0),
  };
}

export function renderPickList(render: RenderTemplate, list: PickList, lang: Lang, format: TemplateFormat, now: number): string {
  return render('pick-list', lang, format, pickListData(list, now));
}
