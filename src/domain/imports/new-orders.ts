import type { Db } from '../../db/open.js';
import { insertRows, nextId } from '../../db/queries/bulk.js';

const ORDER_COLUMNS = [
  'id', 'shop_id', 'platform_order_id', 'customer_id', 'status', 'held_from', 'currency', 'item_subtotal', 'shipping', 'discount', 'tax', 'total', 'paid', 'refunded',
  'ship_name', 'ship_phone', 'ship_province', 'ship_city', 'ship_district', 'ship_street', 'ship_postcode', 'ship_country', 'buyer_note', 'seller_memo', 'source',
  'placed_at', 'paid_at', 'shipped_at', 'delivered_at', 'completed_at', 'cancelled_at', 'updated_at', 'import_hash',
] as const;
const LINE_COLUMNS = ['id', 'order_id', 'line_key', 'sku_id', 'platform_sku', 'listing_id', 'title', 'variant', 'quantity', 'unit_price', 'discount', 'seller_sku', 'reserved', 'shipped', 'platform_stock', 'cancelled'] as const;
const MOVEMENT_COLUMNS = ['order_id', 'sku_id', 'kind', 'quantity', 'on_hand_after', 'unit_cost', 'reason', 'reference', 'occurred_at'] as const;
const EVENT_COLUMNS = ['order_id', 'at', 'kind', 'from_value', 'to_value', 'note'] as const;
const SHIPMENT_COLUMNS = ['id', 'order_id', 'carrier', 'tracking_number', 'shipped_at'] as const;
const SHIPMENT_LINE_COLUMNS = ['shipment_id', 'order_line_id', 'quantity'] as const;
const REFUND_COLUMNS = ['order_id', 'at', 'amount', 'source', 'return_id'] as const;

type Values<T extends readonly string[]> = { -readonly [K in keyof T]: unknown };

/**
 * A new order as its rows, before it has an id. Each row is in its table's column order, ids included: the
 * caller leaves them null (the order's id, a line's own and its order's, …) and flush fills them in place.
 */
export interface NewOrder {
  order: Values<typeof ORDER_COLUMNS>;
  lines: { values: Values<typeof LINE_COLUMNS>; shipped: number }[];
  movements: Values<typeof MOVEMENT_COLUMNS>[];
  events: Values<typeof EVENT_COLUMNS>[];
  shipment: Values<typeof SHIPMENT_COLUMNS> | null;
  refund?: Values<typeof REFUND_COLUMNS> | null;
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
    // Ids are given, not asked back: consecutive from each table's next id (see nextId).
    const firstOrder = nextId(db, 'sales_order');
    let lineId = nextId(db, 'order_line');
    let shipmentId = nextId(db, 'shipment');
    const lines: unknown[][] = [];
    const movements: unknown[][] = [];
    const events: unknown[][] = [];
    const shipments: unknown[][] = [];
    const shipmentLines: unknown[][] = [];
    const refunds: unknown[][] = [];
    batch.forEach((o, i) => {
      const orderId = firstOrder + i;
      o.order[0] = orderId;
      for (const l of o.lines) {
        l.values[0] = lineId;
        l.values[1] = orderId;
        lines.push(l.values);
        if (o.shipment && l.shipped > 0) shipmentLines.push([shipmentId, lineId, l.shipped]);
        lineId++;
      }
      if (o.shipment) {
        o.shipment[0] = shipmentId++;
        o.shipment[1] = orderId;
        shipments.push(o.shipment);
      }
      for (const m of o.movements) {
        m[0] = orderId;
        movements.push(m);
      }
      for (const e of o.events) {
        e[0] = orderId;
        events.push(e);
      }
      if (o.refund) {
        o.refund[0] = orderId;
        refunds.push(o.refund);
      }
    });
    insertRows(db, 'sales_order', ORDER_COLUMNS, batch.map((o) => o.order));
    insertRows(db, 'order_line', LINE_COLUMNS, lines);
    insertRows(db, 'stock_movement', MOVEMENT_COLUMNS, movements);
    insertRows(db, 'order_event', EVENT_COLUMNS, events);
    insertRows(db, 'shipment', SHIPMENT_COLUMNS, shipments);
    insertRows(db, 'shipment_line', SHIPMENT_LINE_COLUMNS, shipmentLines);
    if (refunds.length > 0) insertRows(db, 'order_refund', REFUND_COLUMNS, refunds);
  }
}
