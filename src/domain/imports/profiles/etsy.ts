import { count, firstText, instant, money, orderIdIn, text } from '../clean.js';
import type { Address, OrderStatus } from '../../orders/types.js';
import { RowError, STAND_IN, type ImportLine, type Profile, type Row, type RowRecord } from '../types.js';
import { perUnit } from './taobao.js';

/*
 * Etsy "Download Data" CSVs: EtsySoldOrders (one row per order) and EtsySoldOrderItems (one row per
 * transaction, rows of one order sharing Order ID), alone or together, joined on Order ID. Items alone give
 * orders with lines; orders alone give one stand-in line per order from its SKU cell and Number of Items,
 * replaced by the real lines when the items file comes too. Sale Date is
 * MM/DD/YY, read in the shop's zone. UK exports rename some columns (Delivery City, Date Posted…): both
 * spellings are read. See docs/import-woocommerce-etsy-ebay.md.
 */

const fold = (value: string | null | undefined): string | null => value?.replace(/\s+/g, ' ').trim() || null;
const joined = (separator: string, ...parts: (string | null)[]): string | null => fold(parts.filter((p) => p !== null).join(separator));

function firstInstant(row: Row, zone: string, ...columns: string[]): number | null {
  const column = columns.find((c) => text(row, c) !== null);
  return column === undefined ? null : instant(row, column, zone);
}

function firstMoney(row: Row, currency: string, ...columns: string[]): number | null {
  const column = columns.find((c) => text(row, c) !== null);
  return column === undefined ? null : money(row, column, currency);
}

const sum = (...values: (number | null)[]): number | null => {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0);
};

/** Shipped once it has a ship date; paid once paid; an Etsy sale without payment is a legacy "open" order. */
const derived = (shipped: boolean, paid: boolean): OrderStatus => (shipped ? 'shipped' : paid ? 'paid' : 'pending_payment');

/**
 * The orders file's Status: blank for most orders (then derived from Date Shipped), else one of Etsy's
 * receipt states (the API's vocabulary; export spellings beyond `Completed` are assumed).
 */
function etsyStatus(value: string | null, shipped: boolean): OrderStatus {
  if (value === null) return derived(shipped, true);
  switch (value.trim().toLowerCase().replace(/\s+/g, ' ')) {
    case 'completed':
    case 'complete':
    case 'shipped':
      return 'shipped';
    case 'paid':
    case 'partially refunded':
      return derived(shipped, true);
    case 'open':
    case 'unpaid':
    case 'payment processing':
      return 'pending_payment';
    case 'canceled':
    case 'cancelled':
    case 'fully refunded':
    case 'refunded':
      return 'cancelled';
    default:
      throw new RowError('import.unknownStatus', { column: 'Status', value: value.slice(0, 40) });
  }
}

function shipTo(row: Row, name: string | null, street: string | null): Partial<Address> {
  return {
    name,
    street,
    city: firstText(row, 'ship city', 'delivery city'),
    province: firstText(row, 'ship state', 'delivery state', 'delivery county'),
    postcode: firstText(row, 'ship zipcode', 'delivery zipcode', 'delivery postcode', 'delivery postal code'),
    country: firstText(row, 'ship country', 'delivery country'),
  };
}

export const etsyOrders: Profile = {
  id: 'etsy-orders',
  platform: 'etsy',
  label: 'Etsy EtsySoldOrders (one row per order)',
  part: { group: 'etsy', role: 'orders' },
  orderIdOf: orderIdIn('order id'),
  signature: [
    'sale date', 'order id', 'buyer user id', 'full name', 'first name', 'last name', 'number of items', 'payment method', 'date shipped',
    'street 1', 'street 2', 'ship city', 'ship state', 'ship zipcode', 'ship country', 'currency', 'order value', 'discount amount',
    'shipping', 'sales tax', 'order total', 'status', 'order net', 'adjusted order total', 'buyer',
  ],
  required: ['sale date', 'order id', 'number of items', 'order total'],
  read(row, ctx): RowRecord | null {
    const orderId = text(row, 'order id');
    if (orderId === null) return null;
    const currency = text(row, 'currency') ?? ctx.currency;
    const shippedAt = firstInstant(row, ctx.zone, 'date shipped', 'date posted', 'date dispatched');
    const statusText = text(row, 'status');
    const status = etsyStatus(statusText, shippedAt !== null);
    const total = money(row, 'order total', currency);
    const adjusted = money(row, 'adjusted order total', currency);
    // Adjusted Order Total is what is left after refunds; 0.00 appears on orders never adjusted, so only less than the total counts.
    const refunded = /^fully refunded$|^refunded$/i.test(statusText ?? '')
      ? total
      : total !== null && adjusted !== null && adjusted > 0 && adjusted < total
        ? total - adjusted
        : null;
    const name = fold(text(row, 'full name')) ?? joined(' ', text(row, 'first name'), text(row, 'last name'));
    const itemSubtotal = money(row, 'order value', currency);
    return {
      orderId,
      order: {
        status,
        currency,
        // Guests have no Etsy account: a blank Buyer User ID.
        buyerId: text(row, 'buyer user id'),
        buyerName: name,
        address: shipTo(row, name, joined(', ', text(row, 'street 1'), text(row, 'street 2'))),
        itemSubtotal,
        shipping: firstMoney(row, currency, 'shipping', 'delivery'),
        discount: sum(money(row, 'discount amount', currency), firstMoney(row, currency, 'shipping discount', 'delivery discount')),
        tax: money(row, 'sales tax', currency),
        total,
        refunded,
        placedAt: instant(row, 'sale date', ctx.zone),
        shippedAt,
      },
      line: standIn(text(row, 'sku'), count(row, 'number of items'), itemSubtotal, shippedAt !== null),
    };
  },
};

/**
 * The orders file alone names no item, only its SKUs (`GW-CEL,TRAY-S`) and how many items: one stand-in line
 * (the SKU when there is one, the SKUs as its title when several, the order value spread over the units),
 * which the items file's lines replace when both are imported. No SKU: no line (nothing says what was sold).
 */
function standIn(skuCell: string | null, items: number | null, value: number | null, shipped: boolean): ImportLine | null {
  const skus = (skuCell ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (skus.length === 0 || items === null || items === 0) return null;
  const sku = skus.length === 1 ? skus[0]! : null;
  const title = skus.join(', ');
  return {
    lineKey: `${STAND_IN}${title}`,
    sku,
    platformSku: null,
    listingId: null,
    title,
    variant: null,
    quantity: items,
    ...perUnit(value ?? 0, items),
    statedTotal: value,
    shipped: shipped ? items : 0,
    cancelled: false,
  };
}

export const etsyItems: Profile = {
  id: 'etsy-items',
  platform: 'etsy',
  label: 'Etsy EtsySoldOrderItems (one row per item)',
  part: { group: 'etsy', role: 'items' },
  orderIdOf: orderIdIn('order id'),
  signature: [
    'sale date', 'item name', 'buyer', 'quantity', 'price', 'discount amount', 'order shipping', 'order sales tax', 'item total',
    'currency', 'transaction id', 'listing id', 'date paid', 'date shipped', 'ship name', 'ship address1', 'ship city', 'ship zipcode',
    'ship country', 'order id', 'variations', 'sku',
  ],
  required: ['sale date', 'order id', 'transaction id', 'item name', 'quantity', 'price'],
  read(row, ctx): RowRecord | null {
    const orderId = text(row, 'order id');
    if (orderId === null) return null;
    const currency = text(row, 'currency') ?? ctx.currency;
    const paidAt = instant(row, 'date paid', ctx.zone);
    const shippedAt = firstInstant(row, ctx.zone, 'date shipped', 'date posted', 'date dispatched');
    const title = fold(text(row, 'item name'));
    const quantity = count(row, 'quantity');
    const name = fold(firstText(row, 'ship name', 'delivery name'));
    const record: RowRecord = {
      orderId,
      order: {
        status: derived(shippedAt !== null, paidAt !== null),
        statusFromDates: true,
        itemsOnly: true,
        currency,
        buyerName: name,
        address: shipTo(row, name, joined(', ', firstText(row, 'ship address1', 'delivery address1'), firstText(row, 'ship address2', 'delivery address2'))),
        // Order-level amounts repeated on each item row (assumed for Discount Amount too: Etsy coupons apply to the order).
        shipping: firstMoney(row, currency, 'order shipping', 'order delivery'),
        discount: sum(money(row, 'discount amount', currency), firstMoney(row, currency, 'shipping discount', 'delivery discount')),
        tax: money(row, 'order sales tax', currency),
        placedAt: instant(row, 'sale date', ctx.zone),
        paidAt,
        shippedAt,
      },
      line: null,
    };
    if (title !== null && quantity !== null) {
      const sku = text(row, 'sku');
      record.line = {
        lineKey: text(row, 'transaction id') ?? sku ?? title,
        sku,
        platformSku: null,
        listingId: text(row, 'listing id'),
        title,
        variant: fold(text(row, 'variations')),
        quantity,
        unitPrice: money(row, 'price', currency) ?? 0,
        discount: 0,
        statedTotal: money(row, 'item total', currency),
        shipped: shippedAt === null ? 0 : quantity,
        cancelled: false,
      };
    }
    return record;
  },
};

export const etsyProfiles: Profile[] = [etsyOrders, etsyItems];
