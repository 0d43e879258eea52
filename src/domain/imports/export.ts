import type { Db } from '../../db/open.js';
import { exportLineRows, exportOrderRows } from '../../db/queries/order-export.js';
import { toOrder } from '../../db/queries/orders.js';
import { usageError } from '../errors.js';
import { formatAmount } from '../money.js';
import type { Address, OrderStatus } from '../orders/types.js';
import { ORDER_STATUSES } from '../orders/types.js';
import { findShop, listShops } from '../shops/shops.js';
import { formatInstant, parseTimeArg } from '../time.js';

/**
 * `order export`: orders in shopkeep's own layout (docs/order-export.md), which `order import` reads back
 * with the `shopkeep` profile (profiles/shopkeep.ts) to the same bytes. Export is data: nothing is masked.
 */

/** The CSV header, in file order. One row per order line; the order's fields repeat on each of its rows. */
export const ORDER_EXPORT_COLUMNS = [
  'shop',
  'platform',
  'order_id',
  'status',
  'currency',
  'placed_at',
  'paid_at',
  'shipped_at',
  'delivered_at',
  'completed_at',
  'cancelled_at',
  'buyer_id',
  'buyer_name',
  'buyer_phone',
  'buyer_email',
  'recipient',
  'phone',
  'province',
  'city',
  'district',
  'street',
  'postcode',
  'country',
  'item_subtotal',
  'shipping',
  'discount',
  'tax',
  'total',
  'paid',
  'refunded',
  'buyer_note',
  'seller_memo',
  'carrier',
  'tracking',
  'line_key',
  'sku',
  'platform_sku',
  'listing_id',
  'title',
  'variant',
  'quantity',
  'unit_price',
  'line_discount',
  'shipped',
  'line_status',
] as const;
export type OrderExportColumn = (typeof ORDER_EXPORT_COLUMNS)[number];

/** The columns that belong to a line: empty on the one row of an order without lines. */
export const LINE_COLUMNS: readonly OrderExportColumn[] = ['line_key', 'sku', 'platform_sku', 'listing_id', 'title', 'variant', 'quantity', 'unit_price', 'line_discount', 'shipped', 'line_status'];

export interface ExportQuery {
  /** --since as typed: placed at or after, a date without offset read in each shop's own zone. */
  since?: string;
  /** --status values (repeatable or comma lists). */
  statuses?: string[];
  shop?: string;
}

export interface ExportedLine {
  lineKey: string;
  /** The matched shopkeep SKU's code, else the seller's code the platform gave (an unmatched line), else null. */
  sku: string | null;
  matched: boolean;
  platformSku: string | null;
  listingId: string | null;
  title: string;
  variant: string | null;
  quantity: number;
  unitPrice: number;
  discount: number;
  shipped: number;
  /** Cancelled by the platform in an order that goes on. */
  cancelled: boolean;
}

/** One order as exported: money in minor units, instants in epoch ms, the shop's zone to write them in. */
export interface ExportedOrder {
  shop: string;
  platform: string;
  timezone: string;
  platformOrderId: string;
  status: OrderStatus;
  currency: string;
  placedAt: number;
  paidAt: number | null;
  shippedAt: number | null;
  deliveredAt: number | null;
  completedAt: number | null;
  cancelledAt: number | null;
  buyer: { buyerId: string | null; name: string | null; phone: string | null; email: string | null };
  address: Address;
  itemSubtotal: number;
  shipping: number;
  discount: number;
  tax: number;
  total: number;
  paid: number;
  refunded: number;
  buyerNote: string | null;
  sellerMemo: string | null;
  /** The latest shipment's carrier and tracking number (the layout has room for one). */
  carrier: string | null;
  trackingNumber: string | null;
  lines: ExportedLine[];
}

/** --status values checked against the lifecycle (exit 2 naming the bad one); undefined when none given. */
export function exportStatuses(values: string[] | undefined): OrderStatus[] | undefined {
  const statuses = values?.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  if (statuses === undefined || statuses.length === 0) return undefined;
  for (const s of statuses) if (!(ORDER_STATUSES as readonly string[]).includes(s)) throw usageError('input.oneOf', { field: '--status', value: s, choices: ORDER_STATUSES.join(', ') });
  return [...new Set(statuses)] as OrderStatus[];
}

// The shops with their own lower bound and the statuses travel as JSON parameters: one statement serves
// any number of shops, each reading --since in its own zone.
/**
 * The orders to export, ordered by shop, placed time and id: of the named shop (exit 3 when unknown) or every
 * shop; with --since, those placed at or after it, read in each shop's own zone; with --status, in those states.
 */
export function exportOrders(db: Db, query: ExportQuery, now: number): ExportedOrder[] {
  // Checked once up front, so a bad --since is an error even when there is no shop to apply it to.
  if (query.since !== undefined) parseTimeArg(query.since, 'UTC', now, '--since');
  const statuses = exportStatuses(query.statuses);
  const shops = query.shop !== undefined ? [findShop(db, query.shop)] : listShops(db);
  const params = {
    windows: JSON.stringify(shops.map((s) => ({ shopId: s.id, since: query.since === undefined ? null : parseTimeArg(query.since, s.timezone, now, '--since') }))),
    statuses: statuses === undefined ? null : JSON.stringify(statuses),
  };
  const rows = exportOrderRows(db, params);
  const lineRows = exportLineRows(db, params);
  const lines = new Map<number, ExportedLine[]>();
  for (const l of lineRows) {
    const list = lines.get(l.order_id) ?? [];
    list.push({
      lineKey: l.line_key,
      sku: l.sku_code ?? l.seller_sku,
      matched: l.sku_code !== null,
      platformSku: l.platform_sku,
      listingId: l.listing_id,
      title: l.title,
      variant: l.variant,
      quantity: l.quantity,
      unitPrice: l.unit_price,
      discount: l.discount,
      shipped: l.shipped,
      cancelled: l.cancelled === 1,
    });
    lines.set(l.order_id, list);
  }
  return rows.map((r) => {
    const o = toOrder(r);
    return {
      shop: o.shopName,
      platform: o.platform,
      timezone: o.timezone,
      platformOrderId: o.platformOrderId,
      status: o.status,
      currency: o.currency,
      placedAt: o.placedAt,
      paidAt: o.paidAt,
      shippedAt: o.shippedAt,
      deliveredAt: o.deliveredAt,
      completedAt: o.completedAt,
      cancelledAt: o.cancelledAt,
      buyer: { buyerId: r.buyer_id, name: r.buyer_name, phone: r.buyer_phone, email: r.buyer_email },
      address: o.address,
      itemSubtotal: o.itemSubtotal,
      shipping: o.shipping,
      discount: o.discount,
      tax: o.tax,
      total: o.total,
      paid: o.paid,
      refunded: o.refunded,
      buyerNote: o.buyerNote,
      sellerMemo: o.sellerMemo,
      carrier: r.carrier,
      trackingNumber: r.tracking_number,
      lines: lines.get(o.id) ?? [],
    };
  });
}

/**
 * An instant as ISO 8601 wall time in the shop's zone with its offset ("2026-11-25T16:00:00+08:00");
 * milliseconds only when there are some, so that reading it back gives the same instant.
 */
export function exportInstant(ms: number, zone: string): string {
  const text = formatInstant(ms, zone);
  const fraction = ((ms % 1000) + 1000) % 1000;
  if (fraction === 0) return text;
  const at = text.length - 6; // before "+08:00"
  return `${text.slice(0, at)}.${String(fraction).padStart(3, '0')}${text.slice(at)}`;
}

/**
 * A spreadsheet takes a leading apostrophe as "this is text" and hides it, and `order import` removes it: a
 * value that really starts with one gets a second, so it reads back as written. (Cells that a spreadsheet
 * would run as formulas get theirs from the CSV renderer.)
 */
const keepApostrophe = (value: string | null): string | null => (value !== null && value.startsWith("'") ? `'${value}` : value);

export type OrderExportRow = Record<OrderExportColumn, string | null>;

/** The CSV rows of the orders: one per line (one with empty line cells for an order without lines). */
export function orderExportRows(orders: readonly ExportedOrder[]): OrderExportRow[] {
  const rows: OrderExportRow[] = [];
  for (const o of orders) {
    const when = (ms: number | null) => (ms === null ? null : exportInstant(ms, o.timezone));
    const amount = (minor: number) => formatAmount(minor, o.currency);
    const a = o.address;
    const order = {
      shop: o.shop,
      platform: o.platform,
      order_id: o.platformOrderId,
      status: o.status,
      currency: o.currency,
      placed_at: when(o.placedAt),
      paid_at: when(o.paidAt),
      shipped_at: when(o.shippedAt),
      delivered_at: when(o.deliveredAt),
      completed_at: when(o.completedAt),
      cancelled_at: when(o.cancelledAt),
      buyer_id: o.buyer.buyerId,
      buyer_name: o.buyer.name,
      buyer_phone: o.buyer.phone,
      buyer_email: o.buyer.email,
      recipient: a.name,
      phone: a.phone,
      province: a.province,
      city: a.city,
      district: a.district,
      street: a.street,
      postcode: a.postcode,
      country: a.country,
      item_subtotal: amount(o.itemSubtotal),
      shipping: amount(o.shipping),
      discount: amount(o.discount),
      tax: amount(o.tax),
      total: amount(o.total),
      paid: amount(o.paid),
      refunded: amount(o.refunded),
      buyer_note: o.buyerNote,
      seller_memo: o.sellerMemo,
      carrier: o.carrier,
      tracking: o.trackingNumber,
    };
    const lineCells = o.lines.length === 0
      ? [Object.fromEntries(LINE_COLUMNS.map((c) => [c, null]))]
      : o.lines.map((l) => ({
          line_key: l.lineKey,
          sku: l.sku,
          platform_sku: l.platformSku,
          listing_id: l.listingId,
          title: l.title,
          variant: l.variant,
          quantity: String(l.quantity),
          unit_price: amount(l.unitPrice),
          line_discount: amount(l.discount),
          shipped: String(l.shipped),
          line_status: l.cancelled ? 'cancelled' : null,
        }));
    for (const line of lineCells) {
      const row = { ...order, ...line } as OrderExportRow;
      for (const c of ORDER_EXPORT_COLUMNS) row[c] = keepApostrophe(row[c]);
      rows.push(row);
    }
  }
  return rows;
}

/**
 * The JSON contract of one exported order: stable English keys, ids as text, money as decimal strings in
 * major units beside the currency, instants ISO 8601 with the shop's offset. Nothing is masked.
 */
export function orderExportJson(o: ExportedOrder) {
  const when = (ms: number | null) => (ms === null ? null : exportInstant(ms, o.timezone));
  const amount = (minor: number) => formatAmount(minor, o.currency);
  return {
    shop: o.shop,
    platform: o.platform,
    platformOrderId: o.platformOrderId,
    status: o.status,
    currency: o.currency,
    itemSubtotal: amount(o.itemSubtotal),
    shipping: amount(o.shipping),
    discount: amount(o.discount),
    tax: amount(o.tax),
    total: amount(o.total),
    paid: amount(o.paid),
    refunded: amount(o.refunded),
    placedAt: when(o.placedAt),
    paidAt: when(o.paidAt),
    shippedAt: when(o.shippedAt),
    deliveredAt: when(o.deliveredAt),
    completedAt: when(o.completedAt),
    cancelledAt: when(o.cancelledAt),
    buyer: { platformBuyerId: o.buyer.buyerId, name: o.buyer.name, phone: o.buyer.phone, email: o.buyer.email },
    address: { ...o.address },
    buyerNote: o.buyerNote,
    sellerMemo: o.sellerMemo,
    carrier: o.carrier,
    trackingNumber: o.trackingNumber,
    lines: o.lines.map((l) => ({
      lineKey: l.lineKey,
      sku: l.sku,
      matched: l.matched,
      platformSku: l.platformSku,
      listingId: l.listingId,
      title: l.title,
      variant: l.variant,
      quantity: l.quantity,
      unitPrice: amount(l.unitPrice),
      discount: amount(l.discount),
      shipped: l.shipped,
      cancelled: l.cancelled,
    })),
  };
}

export type OrderExportJson = ReturnType<typeof orderExportJson>;
