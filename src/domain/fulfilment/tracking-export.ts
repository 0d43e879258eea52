import type { Db } from '../../db/open.js';
import * as q from '../../db/queries/tracking.js';
import { usageError } from '../errors.js';
import { findShop, listShops } from '../shops/shops.js';
import type { Platform, Shop } from '../shops/types.js';
import { formatInstant, parseTimeArg } from '../time.js';
import { findCarrier, trackingUrl } from './carriers.js';

/**
 * Tracking exports: the parcels that went out, with their tracking numbers, in the layout a platform
 * takes back (docs/tracking-exports.md). Only Amazon's layout is confirmed; the others are assumptions.
 */
export const TRACKING_PLATFORMS = ['amazon', 'shopify', 'taobao', 'generic'] as const;
export type TrackingPlatform = (typeof TRACKING_PLATFORMS)[number];

/** The shops whose parcels a layout takes when no --shop is named (generic: every shop). */
const SHOP_PLATFORMS: Record<TrackingPlatform, readonly Platform[] | 'all'> = {
  amazon: ['amazon'],
  shopify: ['shopify'],
  taobao: ['taobao', 'tmall'],
  generic: 'all',
};

export interface TrackedItem {
  lineKey: string;
  sku: string | null;
  platformSku: string | null;
  title: string;
  /** Units of this order line in this parcel. */
  quantity: number;
}

/** One parcel: a shipment with its order, shop and lines. */
export interface TrackedShipment {
  id: number;
  shop: string;
  platform: string;
  timezone: string;
  orderId: number;
  /** The platform's order number: text, never a number (19-digit ids lose digits as numbers). */
  order: string;
  /** As stored: a known carrier's code (SF, UPS…) or the text the seller typed. */
  carrier: string;
  trackingNumber: string;
  shippedAt: number;
  items: TrackedItem[];
}

export interface TrackingQuery {
  platform: TrackingPlatform;
  shop?: string;
  /** --since as typed: read in each shop's own time zone. */
  since?: string;
}

export interface TrackingSelection {
  /** The shops read (none: nothing sells on that platform). */
  shops: Shop[];
  shipments: TrackedShipment[];
}

export function checkTrackingPlatform(value: string): TrackingPlatform {
  const p = value.trim().toLowerCase();
  if (!(TRACKING_PLATFORMS as readonly string[]).includes(p)) {
    throw usageError('tracking.platformUnknown', { value, platforms: TRACKING_PLATFORMS.join(', ') });
  }
  return p as TrackingPlatform;
}

/** True when the shop sells on a platform this layout is meant for. */
export function layoutFits(platform: TrackingPlatform, shop: Shop): boolean {
  const wanted = SHOP_PLATFORMS[platform];
  return wanted === 'all' || wanted.includes(shop.platform);
}

/**
 * The shipments to export: of the named shop, else of every shop on the layout's platform; with --since,
 * those shipped at or after that time, a date without offset being read in each shop's own zone.
 */
export function trackingExport(db: Db, query: TrackingQuery, now: number): TrackingSelection {
  // Checked once up front, so a bad --since is an error even when there is no shop to apply it to.
  if (query.since !== undefined) parseTimeArg(query.since, 'UTC', now, '--since');
  const shops = query.shop !== undefined ? [findShop(db, query.shop)] : listShops(db).filter((s) => layoutFits(query.platform, s));
  if (shops.length === 0) return { shops, shipments: [] };
  const windows = shops.map((s) => ({ shopId: s.id, since: query.since === undefined ? null : parseTimeArg(query.since, s.timezone, now, '--since') }));
  const items = new Map<number, TrackedItem[]>();
  for (const l of q.shipmentLinesInWindows(db, windows)) {
    const list = items.get(l.shipment_id) ?? [];
    list.push({ lineKey: l.line_key, sku: l.sku_code, platformSku: l.platform_sku, title: l.title, quantity: l.quantity });
    items.set(l.shipment_id, list);
  }
  const shipments = q.shipmentsInWindows(db, windows).map((s) => ({
    id: s.id,
    shop: s.shop_name,
    platform: s.platform,
    timezone: s.timezone,
    orderId: s.order_id,
    order: s.platform_order_id,
    carrier: s.carrier,
    trackingNumber: s.tracking_number,
    shippedAt: s.shipped_at,
    items: items.get(s.id) ?? [],
  }));
  return { shops, shipments };
}

// ─── Layouts ────────────────────────────────────────────────────────────────────────────────────────

/** A file's header and rows, every cell text; the CLI renders it (CSV or TSV, formula-safe). */
export interface TrackingFile {
  delimiter: 'tab' | 'comma';
  header: readonly string[];
  rows: string[][];
}

/** A stored carrier as people read it: its English and Chinese names, or the typed text for both. */
export function carrierNames(stored: string): { name: string; nameZh: string } {
  const c = findCarrier(stored);
  return c ? { name: c.name, nameZh: c.nameZh } : { name: stored, nameZh: stored };
}

/**
 * Amazon's own carrier-code values (Seller Central, shipping confirmation data definitions, US list).
 * A carrier that is not among them is written as "Other" with its name in carrier-name.
 */
const AMAZON_CARRIER_CODES = [
  'Blue Package', 'USPS', 'UPS', 'UPSMI', 'FedEx', 'DHL', 'DHL Global Mail', 'Fastway', 'UPS Mail Innovations', 'Lasership',
  'Royal Mail', 'FedEx SmartPost', 'OSM', 'OnTrac', 'Streamlite', 'Newgistics', 'Canada Post', 'City Link', 'GLS', 'GO!',
  'Hermes Logistik Gruppe', 'Parcelforce', 'TNT', 'Target', 'SagawaExpress', 'NipponExpress', 'YamatoTransport', 'Ninjavan',
  'Qxpress', 'Singapore Post', '4PX', 'Yanwen', 'Aramex', 'China Post', 'DHL eCommerce', 'SF Express',
] as const;

/** shopkeep's carrier codes (carriers.ts) that Amazon lists, with Amazon's spelling. */
const AMAZON_BY_CODE: Record<string, string> = {
  UPS: 'UPS',
  USPS: 'USPS',
  FEDEX: 'FedEx',
  DHL: 'DHL',
  ROYALMAIL: 'Royal Mail',
  CANADAPOST: 'Canada Post',
  CHINAPOST: 'China Post',
  SF: 'SF Express',
};

const squash = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, '');

/** carrier-code and carrier-name for Amazon: a listed code with an empty name, else "Other" and the name. */
export function amazonCarrier(stored: string): { code: string; name: string } {
  const known = findCarrier(stored);
  const mapped = known && AMAZON_BY_CODE[known.code];
  if (mapped) return { code: mapped, name: '' };
  const listed = AMAZON_CARRIER_CODES.find((c) => squash(c) === squash(stored));
  if (listed) return { code: listed, name: '' };
  return { code: 'Other', name: known?.name ?? stored };
}

export const AMAZON_HEADER = ['order-id', 'order-item-id', 'quantity', 'ship-date', 'carrier-code', 'carrier-name', 'tracking-number', 'ship-method'] as const;

/**
 * Amazon shipping confirmation: one row per order line in each parcel, ship-date with the shop's offset.
 * A parcel without lines confirms the whole order (order-item-id and quantity left empty, as Amazon allows).
 */
export function amazonLayout(shipments: readonly TrackedShipment[]): TrackingFile {
  const rows = shipments.flatMap((s) => {
    const carrier = amazonCarrier(s.carrier);
    const row = (item: string, quantity: string) => [s.order, item, quantity, formatInstant(s.shippedAt, s.timezone), carrier.code, carrier.name, s.trackingNumber, ''];
    return s.items.length === 0 ? [row('', '')] : s.items.map((i) => row(i.lineKey, String(i.quantity)));
  });
  return { delimiter: 'tab', header: AMAZON_HEADER, rows };
}

export const SHOPIFY_HEADER = ['Order Name', 'Tracking Number', 'Tracking Company', 'Tracking URL', 'Notify Customer'] as const;

/** Shopify (ASSUMED layout): one row per parcel; the customer is notified. */
export function shopifyLayout(shipments: readonly TrackedShipment[]): TrackingFile {
  const rows = shipments.map((s) => [s.order, s.trackingNumber, carrierNames(s.carrier).name, trackingUrl(s.carrier, s.trackingNumber) ?? '', 'true']);
  return { delimiter: 'comma', header: SHOPIFY_HEADER, rows };
}

export const TAOBAO_HEADER = ['订单编号', '物流公司', '运单号'] as const;

/** Taobao 批量发货 (ASSUMED layout): one row per parcel, the carrier by its Chinese name. */
export function taobaoLayout(shipments: readonly TrackedShipment[]): TrackingFile {
  const rows = shipments.map((s) => [s.order, carrierNames(s.carrier).nameZh, s.trackingNumber]);
  return { delimiter: 'comma', header: TAOBAO_HEADER, rows };
}

export const GENERIC_HEADER = ['shop', 'platform', 'order', 'carrier', 'tracking', 'tracking_url', 'shipped_at', 'items'] as const;

/**
 * "LJ-250:2,SCARF-RED:1": the parcel's units per SKU, in the syntax `order ship --items` reads (several lines
 * of one SKU add up). A line not matched to a SKU shows its platform SKU, else "#" and its line key.
 */
export function itemsText(items: readonly TrackedItem[]): string {
  const units = new Map<string, number>();
  for (const i of items) {
    const key = i.sku ?? i.platformSku ?? `#${i.lineKey}`;
    units.set(key, (units.get(key) ?? 0) + i.quantity);
  }
  return [...units].map(([sku, n]) => `${sku}:${n}`).join(',');
}

/** shopkeep's own layout: one row per parcel, every shop, shipped_at with the shop's offset. */
export function genericLayout(shipments: readonly TrackedShipment[]): TrackingFile {
  const rows = shipments.map((s) => [
    s.shop,
    s.platform,
    s.order,
    s.carrier,
    s.trackingNumber,
    trackingUrl(s.carrier, s.trackingNumber) ?? '',
    formatInstant(s.shippedAt, s.timezone),
    itemsText(s.items),
  ]);
  return { delimiter: 'comma', header: GENERIC_HEADER, rows };
}

export const LAYOUTS: Record<TrackingPlatform, (shipments: readonly TrackedShipment[]) => TrackingFile> = {
  amazon: amazonLayout,
  shopify: shopifyLayout,
  taobao: taobaoLayout,
  generic: genericLayout,
};
