import type { Db } from '../../db/open.js';
import { insertRows } from '../../db/queries/bulk.js';

const ORDER_COLUMNS = [
  'shop_id', 'platform_order_id', 'customer_id', 'status', 'held_from', 'currency', 'item_subtotal', 'shipping', 'discount', 'tax', 'total', 'paid', 'refunded',
  'ship_name', 'ship_phone', 'ship_province', 'ship_city', 'ship_district', 'ship_street', 'ship_postcode', 'ship_country', 'buyer_note', 'seller_memo', 'source',
  'placed_at', 'paid_at', 'shipped_at', 'delivered_at', 'completed_at', 'cancelled_at', 'updated_at', 'import_hash',
] as const;
const LINE_COLUMNS = ['order_id', 'line_key', 'sku_id', 'platform_sku', 'listing_id', 'title', 'variant', 'quantity', 'unit_price', 'discount', 'seller_sku', 'reserved', 'shipped', 'platform_stock'] as const;
const MOVEMENT_COLUMNS = ['order_id', 'sku_id', 'kind', 'quantity', 'on_hand_after', 'unit_cost', 'reason', 'reference', 'occurred_at'] as const;
const EVENT_COLUMNS = ['order_id', 'at', 'kind', 'from_value', 'to_value', 'note'] as const;
const SHIPMENT_COLUMNS = ['order_id', 'carrier', 'tracking_number', 'shipped_at'] as const;
const SHIPMENT_LINE_COLUMNS = ['shipment_id', 'order_line_id', 'quantity'] as const;

type Values<T extends readonly string[]> = { [K in keyof T]: unknown };
type Without<T extends readonly unknown[]> = T extends readonly [unknown, ...infer Rest] ? Rest : never;

/** A new order as its rows, before it has an id: every row but the order's own lacks its first column, the order id. */
export interface NewOrder {
  order: Values<typeof ORDER_COLUMNS>;
  lines: { values: Without<Values<typeof LINE_COLUMNS>>; shipped: number }[];
  movements: Without<Values<typeof MOVEMENT_COLUMNS>>[];
  events: Without<Values<typeof EVENT_COLUMNS>>[];
  shipment: Without<Values<typeof SHIPMENT_COLUMNS>> | null;
}

const BATCH = 500;

/**
 * New orders of an import, written in batches: a handful of statements per 500 orders instead of several per
 * order. The caller flushes before it touches an existing order (so stock movements keep their order) and at
 * the end of the file.
 */
export class NewOrders {
  private pending: NewOrder[] = [];

  add(order: NewOrder, db: Db): void {
    this.pending.push(order);
    if (this.pending.length >= BATCH) this.flush(db);
  }

  flush(db: Db): void {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    // RETURNING gives rows in no promised order: each id is found again by what identifies its row.
    const orderIds = new Map(insertRows(db, 'sales_order', ORDER_COLUMNS, batch.map((o) => o.order), 'id, platform_order_id').map((r) => [r.platform_order_id, r.id as number]));
    const ids = batch.map((o) => orderIds.get(o.order[1])!);
    const withShipment = batch.some((o) => o.shipment !== null);
    const lineRows = batch.flatMap((o, i) => o.lines.map((l) => [ids[i], ...l.values]));
    const lineIds = new Map(insertRows(db, 'order_line', LINE_COLUMNS, lineRows, withShipment ? 'id, order_id, line_key' : undefined).map((r) => [`${r.order_id}\u0000${r.line_key}`, r.id as number]));
    insertRows(db, 'stock_movement', MOVEMENT_COLUMNS, batch.flatMap((o, i) => o.movements.map((m) => [ids[i], ...m])));
    insertRows(db, 'order_event', EVENT_COLUMNS, batch.flatMap((o, i) => o.events.map((e) => [ids[i], ...e])));
    if (!withShipment) return;
    const shipped = batch.flatMap((o, i) => (o.shipment ? [{ orderId: ids[i]!, order: o }] : []));
    const shipmentIds = new Map(insertRows(db, 'shipment', SHIPMENT_COLUMNS, shipped.map((s) => [s.orderId, ...s.order.shipment!]), 'id, order_id').map((r) => [r.order_id, r.id as number]));
    insertRows(
      db,
      'shipment_line',
      SHIPMENT_LINE_COLUMNS,
      shipped.flatMap((s) => s.order.lines.filter((l) => l.shipped > 0).map((l) => [shipmentIds.get(s.orderId), lineIds.get(`${s.orderId}\u0000${l.values[0]}`), l.shipped])),
    );
  }
}
