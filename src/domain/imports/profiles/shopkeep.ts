import { count, mapStatus, money, orderIdIn, parseInstant, text } from '../clean.js';
import { ORDER_EXPORT_COLUMNS } from '../export.js';
import { ORDER_STATUSES, type OrderStatus } from '../../orders/types.js';
import { RowError, type ImportLine, type Profile, type Row, type RowContext, type RowRecord } from '../types.js';

/**
 * The layout `order export` writes (docs/order-export.md), read back by `order import` so that export →
 * import → export gives the same bytes. One row per order line; an order without lines has one row whose
 * line cells are empty. Statuses are shopkeep's own codes; amounts are decimal strings in the row's
 * currency; times are ISO 8601 with offset (a time without one is read in the shop's zone).
 */
const STATUSES: Record<string, OrderStatus> = Object.fromEntries(ORDER_STATUSES.map((s) => [s, s]));

/** The cells that make a row carry an order line. */
const LINE_CELLS = ['line_key', 'sku', 'platform_sku', 'listing_id', 'title', 'variant', 'quantity', 'unit_price', 'line_discount', 'shipped'];

/**
 * The import may say which shop it writes to (a `shop` in the context): a row naming another shop is then
 * refused rather than written into the wrong shop. Without it the `shop` column is informative.
 */
export type ShopkeepRowContext = RowContext & { shop?: string };

/** An instant as exported, milliseconds kept ("2026-11-25T16:00:00.250+08:00"); other forms as clean.ts reads them. */
function when(row: Row, column: string, zone: string): number | null {
  const v = text(row, column);
  if (v === null) return null;
  const ms = parseInstant(v, zone);
  if (ms === null) throw new RowError('import.badDate', { column, value: v.slice(0, 40) });
  const fraction = /:\d{2}\.(\d+)/.exec(v)?.[1];
  return fraction === undefined ? ms : ms + Number(fraction.slice(0, 3).padEnd(3, '0'));
}

function required<T>(value: T | null, column: string): T {
  if (value === null) throw new RowError('orderExport.cellMissing', { column });
  return value;
}

/** Statuses in which every line still standing has shipped whole: a line of none shipped was cancelled. */
const ALL_SHIPPED: readonly (OrderStatus | null)[] = ['shipped', 'delivered', 'completed'];

function lineOf(row: Row, currency: string, status: OrderStatus | null): ImportLine | null {
  if (!LINE_CELLS.some((c) => text(row, c) !== null)) return null;
  const title = required(text(row, 'title'), 'title');
  const sku = text(row, 'sku');
  const shipped = count(row, 'shipped');
  return {
    lineKey: text(row, 'line_key') ?? sku ?? title,
    sku,
    platformSku: text(row, 'platform_sku'),
    listingId: text(row, 'listing_id'),
    title,
    variant: text(row, 'variant'),
    quantity: required(count(row, 'quantity'), 'quantity'),
    unitPrice: required(money(row, 'unit_price', currency), 'unit_price'),
    discount: money(row, 'line_discount', currency) ?? 0,
    statedTotal: null,
    shipped,
    // Said by line_status; an export from before it had that column: shopkeep ships an order's lines whole and
    // leaves a cancelled item (an Amazon item-status) unshipped.
    cancelled: text(row, 'line_status') === 'cancelled' || (ALL_SHIPPED.includes(status) && shipped === 0),
  };
}

export const shopkeepOrders: Profile = {
  id: 'shopkeep',
  platform: 'other',
  label: 'shopkeep order export',
  signature: ORDER_EXPORT_COLUMNS,
  required: ['order_id', 'status', 'total', 'line_key', 'title', 'quantity', 'unit_price'],
  orderIdOf: orderIdIn('order_id'),
  read(row, ctx: ShopkeepRowContext): RowRecord | null {
    const orderId = text(row, 'order_id');
    if (orderId === null) throw new RowError('orderExport.cellMissing', { column: 'order_id' });
    const shop = text(row, 'shop');
    if (ctx.shop !== undefined && shop !== null && shop !== ctx.shop) throw new RowError('orderExport.otherShop', { rowShop: shop.slice(0, 40), shop: ctx.shop });
    const currency = text(row, 'currency') ?? ctx.currency;
    const zone = ctx.zone;
    const status = mapStatus(STATUSES, text(row, 'status'), 'status');
    return {
      orderId,
      order: {
        status,
        currency,
        buyerId: text(row, 'buyer_id'),
        buyerName: text(row, 'buyer_name'),
        buyerPhone: text(row, 'buyer_phone'),
        buyerEmail: text(row, 'buyer_email'),
        address: {
          name: text(row, 'recipient'),
          phone: text(row, 'phone'),
          province: text(row, 'province'),
          city: text(row, 'city'),
          district: text(row, 'district'),
          street: text(row, 'street'),
          postcode: text(row, 'postcode'),
          country: text(row, 'country'),
        },
        itemSubtotal: money(row, 'item_subtotal', currency),
        shipping: money(row, 'shipping', currency),
        discount: money(row, 'discount', currency),
        tax: money(row, 'tax', currency),
        total: money(row, 'total', currency),
        paid: money(row, 'paid', currency),
        refunded: money(row, 'refunded', currency),
        placedAt: when(row, 'placed_at', zone),
        paidAt: when(row, 'paid_at', zone),
        shippedAt: when(row, 'shipped_at', zone),
        deliveredAt: when(row, 'delivered_at', zone),
        completedAt: when(row, 'completed_at', zone),
        cancelledAt: when(row, 'cancelled_at', zone),
        buyerNote: text(row, 'buyer_note'),
        sellerMemo: text(row, 'seller_memo'),
        carrier: text(row, 'carrier'),
        trackingNumber: text(row, 'tracking'),
      },
      line: lineOf(row, currency, status),
    };
  },
};

export const shopkeepProfiles: Profile[] = [shopkeepOrders];
