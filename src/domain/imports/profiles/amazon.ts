import { currencyDecimals } from '../../money.js';
import type { Address, OrderStatus } from '../../orders/types.js';
import { count, instant, mapStatus, money, orderIdIn, text } from '../clean.js';
import { RowError, type ImportLine, type ImportOrderFields, type Profile, type Row, type RowContext, type RowRecord } from '../types.js';

/**
 * Amazon Seller Central tab-separated reports (docs/import-amazon-douyin.md): All Orders (one row per item,
 * no item id), Unshipped Orders and the older flat-file order report (order-item-id, not used as the key).
 */

/** order-status and item-status → shopkeep. Keys are lower case with ` - ` spaced; see `statusOf`. */
const STATUS: Readonly<Record<string, OrderStatus>> = {
  pending: 'pending_payment',
  'pending availability': 'pending_payment',
  pendingavailability: 'pending_payment',
  unshipped: 'paid',
  shipping: 'paid',
  'pending - waiting for pick up': 'packed',
  'partially shipped': 'partially_shipped',
  partiallyshipped: 'partially_shipped',
  shipped: 'shipped',
  'shipped - picked up': 'shipped',
  'shipped - out for delivery': 'shipped',
  'shipped - rejected by buyer': 'shipped',
  'shipped - returning to seller': 'shipped',
  'shipped - lost in transit': 'shipped',
  'shipped - damaged': 'shipped',
  'shipped - delivered to buyer': 'delivered',
  'shipped - returned to seller': 'cancelled',
  complete: 'completed',
  cancelled: 'cancelled',
  canceled: 'cancelled',
};

const GONE_OUT: readonly OrderStatus[] = ['shipped', 'delivered', 'completed'];

function statusOf(row: Row, column: string): OrderStatus | null {
  const value = text(row, column);
  if (value === null) return null;
  return mapStatus(STATUS, value.toLowerCase().replace(/\s*-\s*/g, ' - ').replace(/\s+/g, ' '), column);
}

/**
 * Amazon writes plain decimals (`12.50`) in every marketplace. A comma is either a decimal comma or a
 * thousands separator, and nothing in the file says which: refused as ambiguous.
 */
function amount(row: Row, column: string, currency: string): number | null {
  const v = text(row, column);
  if (v !== null && v.includes(',')) throw new RowError('import.badAmount', { column, value: v.slice(0, 40), currency, decimals: currencyDecimals(currency) });
  return money(row, column, currency);
}

function quantityOf(row: Row, ...columns: string[]): number {
  for (const c of columns) {
    const n = count(row, c);
    if (n !== null) return n;
  }
  throw new RowError('import.badNumber', { column: columns[0]!, value: '' });
}

/**
 * A line from Amazon's item-price, which is the total for the quantity, not a unit price. When it does not
 * divide evenly the unit price is rounded up and the few minor units over are added to the discount, so
 * quantity × unitPrice − discount is exactly what the file says.
 */
function priced(quantity: number, itemPrice: number | null, promotion: number): Pick<ImportLine, 'unitPrice' | 'discount' | 'statedTotal' | 'priceUnknown'> {
  if (itemPrice === null) return { unitPrice: 0, discount: 0, statedTotal: null, priceUnknown: true };
  if (quantity === 0) return { unitPrice: 0, discount: 0, statedTotal: null };
  const unitPrice = Math.ceil(itemPrice / quantity);
  return { unitPrice, discount: promotion + unitPrice * quantity - itemPrice, statedTotal: itemPrice - promotion };
}

/**
 * What one item row adds to its order beyond the item: shipping (and gift wrap), the taxes on all three, and the
 * shipping promotion; a cancelled item adds nothing. Columns a layout lacks add nothing.
 */
function perItemSums(row: Row, currency: string): RowRecord['sums'] {
  const sum = (...columns: string[]) => {
    const amounts = columns.map((c) => (row.has(c) ? amount(row, c, currency) : null)).filter((a) => a !== null);
    return amounts.length === 0 ? undefined : amounts.reduce((a, b) => a + b, 0);
  };
  const sums = { shipping: sum('shipping-price', 'gift-wrap-price'), tax: sum('item-tax', 'shipping-tax', 'gift-wrap-tax'), discount: sum('ship-promotion-discount') };
  if (sums.discount !== undefined) sums.discount = Math.abs(sums.discount);
  return Object.fromEntries(Object.entries(sums).filter(([, v]) => v !== undefined));
}

/** `fulfillment-channel` Amazon (AFN): Amazon ships from its own warehouse, so the seller's stock does not move. */
function fromAmazonStock(row: Row): true | undefined {
  const channel = row.has('fulfillment-channel') ? text(row, 'fulfillment-channel')?.toLowerCase() : undefined;
  return channel === 'amazon' || channel === 'afn' ? true : undefined;
}

function shipTo(row: Row): Partial<Address> {
  const street = ['ship-address-1', 'ship-address-2', 'ship-address-3'].map((c) => text(row, c)).filter((s) => s !== null).join(', ');
  return {
    name: text(row, 'recipient-name'),
    phone: text(row, 'ship-phone-number'),
    street: street === '' ? null : street,
    city: text(row, 'ship-city'),
    province: text(row, 'ship-state'),
    postcode: text(row, 'ship-postal-code'),
    country: text(row, 'ship-country'),
  };
}

/** All Orders: no order-item-id, so a line is keyed by SKU (ASIN, title); the grouper numbers repeats `#2`. */
function readAllOrders(row: Row, ctx: RowContext): RowRecord | null {
  const orderId = text(row, 'amazon-order-id');
  if (orderId === null) return null;
  const currency = text(row, 'currency') ?? ctx.currency;
  const order: Partial<ImportOrderFields> = {
    status: statusOf(row, 'order-status'),
    currency,
    address: shipTo(row),
    placedAt: instant(row, 'purchase-date', ctx.zone),
  };
  const title = text(row, 'product-name');
  if (title === null) return { orderId, order, line: null };
  const item = statusOf(row, 'item-status');
  const quantity = quantityOf(row, 'quantity', 'quantity-purchased');
  const sku = text(row, 'sku');
  const asin = text(row, 'asin');
  const promotion = Math.abs(amount(row, 'item-promotion-discount', currency) ?? 0);
  return {
    orderId,
    order,
    sums: item === 'cancelled' ? undefined : perItemSums(row, currency),
    line: {
      lineKey: sku ?? asin ?? title,
      sku,
      platformSku: null,
      listingId: asin,
      title,
      variant: null,
      quantity,
      ...priced(quantity, amount(row, 'item-price', currency), promotion),
      shipped: item === null || item === 'partially_shipped' ? null : GONE_OUT.includes(item) ? quantity : 0,
      cancelled: item === 'cancelled',
      platformStock: fromAmazonStock(row),
    },
  };
}

/**
 * Unshipped Orders and the legacy order report: one row per order item. A line is keyed as All Orders keys it
 * (SKU, ASIN, title), not by order-item-id, which All Orders lacks: the same order read from two layouts is one
 * order with one set of lines (migration 9 rekeyed lines stored before). Neither
 * has an order-status column (read it when a variant adds one): a row with payments-date is paid, and
 * partially shipped once quantity-shipped says so. Continuation rows (most cells blank) carry no line.
 */
function readItemReport(row: Row, ctx: RowContext): RowRecord | null {
  const orderId = text(row, 'order-id');
  if (orderId === null) return null;
  const title = text(row, 'product-name');
  if (title === null) return null;
  const currency = text(row, 'currency') ?? ctx.currency;
  const quantity = quantityOf(row, 'quantity-purchased', 'quantity');
  const toShip = count(row, 'quantity-to-ship');
  const shipped = count(row, 'quantity-shipped') ?? (toShip === null ? null : Math.max(0, quantity - toShip));
  const paidAt = instant(row, 'payments-date', ctx.zone);
  const stated = row.has('order-status') ? statusOf(row, 'order-status') : null;
  const status: OrderStatus = stated ?? (paidAt === null ? 'pending_payment' : shipped !== null && shipped > 0 ? 'partially_shipped' : 'paid');
  const item = row.has('item-status') ? statusOf(row, 'item-status') : null;
  const itemTotal = row.has('item-price') ? amount(row, 'item-price', currency) : null;
  const promotion = Math.abs((row.has('item-promotion-discount') ? amount(row, 'item-promotion-discount', currency) : null) ?? 0);
  const sku = text(row, 'sku');
  return {
    orderId,
    order: {
      status,
      // The Unshipped report states no status: one told by its dates never moves a stored order back.
      ...(stated === null && { statusFromDates: true }),
      currency,
      buyerName: text(row, 'buyer-name'),
      buyerEmail: text(row, 'buyer-email'),
      buyerPhone: text(row, 'buyer-phone-number'),
      address: shipTo(row),
      placedAt: instant(row, 'purchase-date', ctx.zone),
      paidAt,
    },
    sums: item === 'cancelled' ? undefined : perItemSums(row, currency),
    line: {
      lineKey: sku ?? text(row, 'asin') ?? title,
      sku,
      platformSku: null,
      listingId: text(row, 'asin'),
      title,
      variant: null,
      quantity,
      ...priced(quantity, itemTotal, promotion),
      shipped: item !== null && GONE_OUT.includes(item) ? quantity : shipped,
      cancelled: item === 'cancelled',
      platformStock: fromAmazonStock(row),
    },
  };
}

export const amazonAllOrders: Profile = {
  id: 'amazon-all-orders',
  platform: 'amazon',
  label: 'Amazon All Orders report',
  signature: [
    'amazon-order-id', 'merchant-order-id', 'purchase-date', 'last-updated-date', 'order-status', 'fulfillment-channel', 'sales-channel',
    'ship-service-level', 'product-name', 'sku', 'asin', 'item-status', 'quantity', 'currency', 'item-price', 'item-tax', 'shipping-price',
    'shipping-tax', 'item-promotion-discount', 'ship-city', 'ship-state', 'ship-postal-code', 'ship-country',
  ],
  required: ['amazon-order-id', 'purchase-date', 'order-status', 'item-status', 'product-name'],
  orderIdOf: orderIdIn('amazon-order-id'),
  read: readAllOrders,
};

export const amazonUnshipped: Profile = {
  id: 'amazon-unshipped',
  platform: 'amazon',
  label: 'Amazon Unshipped Orders report',
  signature: [
    'order-id', 'order-item-id', 'purchase-date', 'payments-date', 'reporting-date', 'promise-date', 'days-past-promise', 'buyer-email',
    'buyer-name', 'buyer-phone-number', 'sku', 'product-name', 'quantity-purchased', 'quantity-shipped', 'quantity-to-ship',
    'ship-service-level', 'recipient-name', 'ship-address-1', 'ship-address-2', 'ship-address-3', 'ship-city', 'ship-state',
    'ship-postal-code', 'ship-country',
  ],
  required: ['order-id', 'order-item-id', 'product-name', 'quantity-purchased', 'quantity-to-ship'],
  orderIdOf: orderIdIn('order-id'),
  read: readItemReport,
};

export const amazonLegacy: Profile = {
  id: 'amazon-legacy',
  platform: 'amazon',
  label: 'Amazon order report (legacy flat file)',
  signature: [
    'order-id', 'order-item-id', 'purchase-date', 'payments-date', 'buyer-email', 'buyer-name', 'sku', 'product-name', 'quantity-purchased',
    'currency', 'item-price', 'item-tax', 'shipping-price', 'shipping-tax', 'ship-service-level', 'recipient-name', 'ship-address-1',
    'ship-address-2', 'ship-address-3', 'ship-city', 'ship-state', 'ship-postal-code', 'ship-country',
  ],
  required: ['order-id', 'order-item-id', 'product-name', 'quantity-purchased', 'item-price'],
  orderIdOf: orderIdIn('order-id'),
  read: readItemReport,
};

export const amazonProfiles: Profile[] = [amazonAllOrders, amazonUnshipped, amazonLegacy];
