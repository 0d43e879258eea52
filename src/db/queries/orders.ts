import { statement, type Db } from '../open.js';
import type { Address, Customer, EventKind, Order, OrderEvent, OrderLine, OrderStatus, Shipment } from '../../domain/orders/types.js';

export interface OrderRow {
  id: number;
  shop_id: number;
  shop_name: string;
  platform: string;
  timezone: string;
  platform_order_id: string;
  customer_id: number | null;
  status: string;
  held_from: string | null;
  currency: string;
  item_subtotal: number;
  shipping: number;
  discount: number;
  tax: number;
  total: number;
  paid: number;
  refunded: number;
  ship_name: string | null;
  ship_phone: string | null;
  ship_province: string | null;
  ship_city: string | null;
  ship_district: string | null;
  ship_street: string | null;
  ship_postcode: string | null;
  ship_country: string | null;
  buyer_note: string | null;
  seller_memo: string | null;
  hold_reason: string | null;
  cancel_reason: string | null;
  source: string;
  placed_at: number;
  paid_at: number | null;
  shipped_at: number | null;
  delivered_at: number | null;
  completed_at: number | null;
  cancelled_at: number | null;
}

export const ORDER_SELECT = `SELECT o.*, sh.name AS shop_name, sh.platform, sh.timezone FROM sales_order o JOIN shop sh ON sh.id = o.shop_id`;

export const toOrder = (r: OrderRow): Order => ({
  id: r.id,
  shopId: r.shop_id,
  shopName: r.shop_name,
  platform: r.platform,
  timezone: r.timezone,
  platformOrderId: r.platform_order_id,
  customerId: r.customer_id,
  status: r.status as OrderStatus,
  heldFrom: r.held_from as OrderStatus | null,
  currency: r.currency,
  itemSubtotal: r.item_subtotal,
  shipping: r.shipping,
  discount: r.discount,
  tax: r.tax,
  total: r.total,
  paid: r.paid,
  refunded: r.refunded,
  address: {
    name: r.ship_name,
    phone: r.ship_phone,
    province: r.ship_province,
    city: r.ship_city,
    district: r.ship_district,
    street: r.ship_street,
    postcode: r.ship_postcode,
    country: r.ship_country,
  },
  buyerNote: r.buyer_note,
  sellerMemo: r.seller_memo,
  holdReason: r.hold_reason,
  cancelReason: r.cancel_reason,
  source: r.source as Order['source'],
  placedAt: r.placed_at,
  paidAt: r.paid_at,
  shippedAt: r.shipped_at,
  deliveredAt: r.delivered_at,
  completedAt: r.completed_at,
  cancelledAt: r.cancelled_at,
});

export function orderById(db: Db, id: number): Order | undefined {
  const row = statement(db, `${ORDER_SELECT} WHERE o.id = ?`).get(id) as OrderRow | undefined;
  return row && toOrder(row);
}

export function ordersByPlatformId(db: Db, platformOrderId: string, shopId?: number): Order[] {
  const rows =
    shopId === undefined
      ? statement(db, `${ORDER_SELECT} WHERE o.platform_order_id = ?`).all(platformOrderId)
      : statement(db, `${ORDER_SELECT} WHERE o.platform_order_id = ? AND o.shop_id = ?`).all(platformOrderId, shopId);
  return (rows as OrderRow[]).map(toOrder);
}

export interface NewOrderRow {
  shopId: number;
  platformOrderId: string;
  customerId: number | null;
  status: OrderStatus;
  currency: string;
  itemSubtotal: number;
  shipping: number;
  discount: number;
  tax: number;
  total: number;
  paid: number;
  address: Address;
  buyerNote: string | null;
  sellerMemo: string | null;
  source: Order['source'];
  placedAt: number;
  paidAt: number | null;
}

export function insertOrder(db: Db, o: NewOrderRow): number {
  const info = statement(db, 
      `INSERT INTO sales_order (shop_id, platform_order_id, customer_id, status, currency, item_subtotal, shipping, discount, tax, total, paid,
        ship_name, ship_phone, ship_province, ship_city, ship_district, ship_street, ship_postcode, ship_country, buyer_note, seller_memo,
        source, placed_at, paid_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(o.shopId, o.platformOrderId, o.customerId, o.status, o.currency, o.itemSubtotal, o.shipping, o.discount, o.tax, o.total, o.paid,
      o.address.name, o.address.phone, o.address.province, o.address.city, o.address.district, o.address.street, o.address.postcode, o.address.country,
      o.buyerNote, o.sellerMemo, o.source, o.placedAt, o.paidAt, o.placedAt);
  return Number(info.lastInsertRowid);
}

/** Writes the mutable part of an order back (status, money, address, notes, instants). */
export function saveOrder(db: Db, o: Order, now: number): void {
  statement(db, 
    `UPDATE sales_order SET status = ?, held_from = ?, item_subtotal = ?, shipping = ?, discount = ?, tax = ?, total = ?, paid = ?, refunded = ?,
      ship_name = ?, ship_phone = ?, ship_province = ?, ship_city = ?, ship_district = ?, ship_street = ?, ship_postcode = ?, ship_country = ?,
      buyer_note = ?, seller_memo = ?, hold_reason = ?, cancel_reason = ?, paid_at = ?, shipped_at = ?, delivered_at = ?, completed_at = ?,
      cancelled_at = ?, customer_id = ?, updated_at = ? WHERE id = ?`,
  ).run(o.status, o.heldFrom, o.itemSubtotal, o.shipping, o.discount, o.tax, o.total, o.paid, o.refunded,
    o.address.name, o.address.phone, o.address.province, o.address.city, o.address.district, o.address.street, o.address.postcode, o.address.country,
    o.buyerNote, o.sellerMemo, o.holdReason, o.cancelReason, o.paidAt, o.shippedAt, o.deliveredAt, o.completedAt, o.cancelledAt, o.customerId, now, o.id);
}

interface LineRow {
  id: number;
  order_id: number;
  line_key: string;
  sku_id: number | null;
  sku_code: string | null;
  platform_sku: string | null;
  listing_id: string | null;
  title: string;
  variant: string | null;
  quantity: number;
  unit_price: number;
  discount: number;
  reserved: number;
  shipped: number;
  location: string | null;
  platform_stock: number;
  cancelled: number;
}

const toLine = (r: LineRow): OrderLine => ({
  id: r.id,
  orderId: r.order_id,
  lineKey: r.line_key,
  skuId: r.sku_id,
  skuCode: r.sku_code,
  platformSku: r.platform_sku,
  listingId: r.listing_id,
  title: r.title,
  variant: r.variant,
  quantity: r.quantity,
  unitPrice: r.unit_price,
  discount: r.discount,
  reserved: r.reserved,
  shipped: r.shipped,
  location: r.location,
  ...(r.platform_stock === 1 && { platformStock: true }),
  ...(r.cancelled === 1 && { cancelled: true }),
});

export function linesOf(db: Db, orderId: number): OrderLine[] {
  return (
    statement(db, 'SELECT l.*, s.code AS sku_code, s.location FROM order_line l LEFT JOIN sku s ON s.id = l.sku_id WHERE l.order_id = ? ORDER BY l.id')
      .all(orderId) as LineRow[]
  ).map(toLine);
}

export function insertLine(
  db: Db,
  l: {
    orderId: number;
    lineKey: string;
    skuId: number | null;
    platformSku: string | null;
    listingId: string | null;
    title: string;
    variant: string | null;
    quantity: number;
    unitPrice: number;
    discount: number;
    sellerSku?: string | null;
    /** Shipped from the platform's warehouse: never moves the seller's stock. */
    platformStock?: boolean;
    /** Cancelled by the platform in an order that goes on. */
    cancelled?: boolean;
  },
): number {
  const info = statement(
    db,
    `INSERT INTO order_line (order_id, line_key, sku_id, platform_sku, listing_id, title, variant, quantity, unit_price, discount, seller_sku, platform_stock, cancelled)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(l.orderId, l.lineKey, l.skuId, l.platformSku, l.listingId, l.title, l.variant, l.quantity, l.unitPrice, l.discount, l.sellerSku ?? null, l.platformStock ? 1 : 0, l.cancelled ? 1 : 0);
  return Number(info.lastInsertRowid);
}

export function saveLine(db: Db, l: OrderLine): void {
  statement(db, 'UPDATE order_line SET order_id = ?, line_key = ?, sku_id = ?, quantity = ?, unit_price = ?, discount = ?, reserved = ?, shipped = ?, cancelled = ? WHERE id = ?').run(
    l.orderId, l.lineKey, l.skuId, l.quantity, l.unitPrice, l.discount, l.reserved, l.shipped, l.cancelled ? 1 : 0, l.id,
  );
}

export function deleteLine(db: Db, id: number): void {
  statement(db, 'DELETE FROM order_line WHERE id = ?').run(id);
}

export function addReserved(db: Db, skuId: number, delta: number): void {
  statement(db, 'UPDATE sku SET reserved = reserved + ? WHERE id = ?').run(delta, skuId);
}

export function insertEvent(db: Db, orderId: number, at: number, kind: EventKind, from: string | null, to: string | null, note: string | null): void {
  statement(db, 'INSERT INTO order_event (order_id, at, kind, from_value, to_value, note) VALUES (?, ?, ?, ?, ?, ?)').run(orderId, at, kind, from, to, note);
}

export function eventsOf(db: Db, orderId: number): OrderEvent[] {
  return statement(db, 'SELECT id, at, kind, from_value AS "from", to_value AS "to", note FROM order_event WHERE order_id = ? ORDER BY at, id')
    .all(orderId) as OrderEvent[];
}

export function insertShipment(db: Db, orderId: number, carrier: string, trackingNumber: string, shippedAt: number): number {
  const info = statement(db, 'INSERT INTO shipment (order_id, carrier, tracking_number, shipped_at) VALUES (?, ?, ?, ?)').run(orderId, carrier, trackingNumber, shippedAt);
  return Number(info.lastInsertRowid);
}

/** A parcel's tracking number corrected (and its carrier with it). */
export function setShipmentTracking(db: Db, shipmentId: number, carrier: string, trackingNumber: string): void {
  statement(db, 'UPDATE shipment SET carrier = ?, tracking_number = ? WHERE id = ?').run(carrier, trackingNumber, shipmentId);
}

export function insertShipmentLine(db: Db, shipmentId: number, orderLineId: number, quantity: number): void {
  statement(db, 'INSERT INTO shipment_line (shipment_id, order_line_id, quantity) VALUES (?, ?, ?)').run(shipmentId, orderLineId, quantity);
}

export function markShipmentsDelivered(db: Db, orderId: number, at: number): void {
  statement(db, 'UPDATE shipment SET delivered_at = ? WHERE order_id = ? AND delivered_at IS NULL').run(at, orderId);
}

export function shipmentsOf(db: Db, orderId: number): Shipment[] {
  const shipments = statement(db, 'SELECT id, order_id AS orderId, carrier, tracking_number AS trackingNumber, shipped_at AS shippedAt, delivered_at AS deliveredAt FROM shipment WHERE order_id = ? ORDER BY shipped_at, id')
    .all(orderId) as Omit<Shipment, 'lines'>[];
  const lines = statement(db, 
    `SELECT sl.order_line_id AS orderLineId, s.code AS skuCode, l.title, sl.quantity FROM shipment_line sl
     JOIN order_line l ON l.id = sl.order_line_id LEFT JOIN sku s ON s.id = l.sku_id WHERE sl.shipment_id = ? ORDER BY l.id`,
  );
  return shipments.map((s) => ({ ...s, lines: lines.all(s.id) as Shipment['lines'] }));
}

export function customerById(db: Db, id: number): Customer | undefined {
  return statement(db, 'SELECT id, shop_id AS shopId, platform_buyer_id AS platformBuyerId, name, phone, email FROM customer WHERE id = ?')
    .get(id) as Customer | undefined;
}

export function findCustomer(db: Db, shopId: number, key: { buyerId?: string | null; phone?: string | null; email?: string | null }): Customer | undefined {
  const select = 'SELECT id, shop_id AS shopId, platform_buyer_id AS platformBuyerId, name, phone, email FROM customer WHERE shop_id = ?';
  if (key.buyerId) return statement(db, `${select} AND platform_buyer_id = ?`).get(shopId, key.buyerId) as Customer | undefined;
  if (key.phone) {
    const byPhone = statement(db, `${select} AND phone = ? ORDER BY id LIMIT 1`).get(shopId, key.phone) as Customer | undefined;
    if (byPhone) return byPhone;
  }
  if (key.email) return statement(db, `${select} AND email = ? COLLATE NOCASE ORDER BY id LIMIT 1`).get(shopId, key.email) as Customer | undefined;
  return undefined;
}

/** [platform buyer id, phone, email] of every customer of a shop, read as the caller goes. */
export function customerKeys(db: Db, shopId: number): IterableIterator<[string | null, string | null, string | null]> {
  return statement(db, 'SELECT platform_buyer_id, phone, email FROM customer WHERE shop_id = ?').raw().iterate(shopId) as IterableIterator<[string | null, string | null, string | null]>;
}

export function insertCustomer(db: Db, c: Omit<Customer, 'id'>, now: number): number {
  const info = statement(db, 'INSERT INTO customer (shop_id, platform_buyer_id, name, phone, email, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(c.shopId, c.platformBuyerId, c.name, c.phone, c.email, now);
  return Number(info.lastInsertRowid);
}

export function updateCustomerContacts(db: Db, c: Customer): void {
  statement(db, 'UPDATE customer SET name = ?, phone = ?, email = ? WHERE id = ?').run(c.name, c.phone, c.email, c.id);
}

export function nextManualNumber(db: Db, shopId: number, prefix: string): number {
  const row = statement(db, "SELECT count(*) AS n FROM sales_order WHERE shop_id = ? AND platform_order_id LIKE ? ESCAPE '\\'")
    .get(shopId, `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) as { n: number };
  return row.n + 1;
}

/** Reserved units per SKU that disagree with the sum over order lines (db check). */
export function reservationMismatches(db: Db): { code: string; reserved: number; lines: number }[] {
  return statement(db, 
      `SELECT s.code, s.reserved, coalesce(sum(l.reserved), 0) AS lines FROM sku s LEFT JOIN order_line l ON l.sku_id = s.id
       GROUP BY s.id HAVING s.reserved <> coalesce(sum(l.reserved), 0)`,
    )
    .all() as { code: string; reserved: number; lines: number }[];
}

export function openOrders(db: Db, statuses: readonly string[], shopId?: number): Order[] {
  const placeholders = statuses.map(() => '?').join(', ');
  const rows =
    shopId === undefined
      ? statement(db, `${ORDER_SELECT} WHERE o.status IN (${placeholders}) ORDER BY o.placed_at`).all(...statuses)
      : statement(db, `${ORDER_SELECT} WHERE o.status IN (${placeholders}) AND o.shop_id = ? ORDER BY o.placed_at`).all(...statuses, shopId);
  return (rows as OrderRow[]).map(toOrder);
}
