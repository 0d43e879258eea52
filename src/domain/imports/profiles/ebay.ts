import { count, firstText, instant, money, text } from '../clean.js';
import { findCarrier } from '../../fulfilment/carriers.js';
import type { OrderStatus } from '../../orders/types.js';
import type { Profile, Row, RowContext, RowRecord } from '../types.js';

/*
 * eBay Seller Hub "Orders" report. Line 1 is all commas, line 2 the header, line 3 empty; after the data a
 * blank line and footer lines (`N,record(s) downloaded,from … to …`, `Seller ID : …`). One row per order,
 * except that a multi-item order is a summary row (empty Item Number: buyer and totals) followed by one
 * row per item with the same Sales Record Number. No status column: it is derived from the dates. Money
 * carries a symbol (`$12.34`) and no currency code: the shop's currency is assumed. Dates `Sep-07-26` or
 * `Sep-07-26 23:45:00`, the seller's local time, read in the shop's zone. UK reports rename columns
 * (Post To …, Postage And Packaging, Dispatched On Date): both spellings are read.
 * See docs/import-woocommerce-etsy-ebay.md.
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

/**
 * What one reading of a report has seen so far: the Order Number of each Sales Record Number (item rows may
 * leave it blank) and which records had a summary row. Keyed by the run's context object, so each import
 * starts afresh and nothing outlives it.
 */
const seen = new WeakMap<RowContext, { numbers: Map<string, string>; summaries: Set<string> }>();

function stateOf(ctx: RowContext) {
  let state = seen.get(ctx);
  if (!state) {
    state = { numbers: new Map(), summaries: new Set() };
    seen.set(ctx, state);
  }
  return state;
}

/** A known carrier named at the start of the Shipping Service ("USPS Ground Advantage", "Royal Mail Tracked 48"). */
function carrierOf(service: string | null): string | null {
  if (service === null) return null;
  const words = service.split(/\s+/);
  for (const n of [2, 1]) {
    const found = words.length >= n ? findCarrier(words.slice(0, n).join(' ')) : undefined;
    if (found) return found.code;
  }
  return null;
}

export const ebayOrders: Profile = {
  id: 'ebay',
  platform: 'ebay',
  label: 'eBay Seller Hub Orders report',
  signature: [
    'sales record number', 'order number', 'buyer username', 'buyer name', 'buyer email', 'ship to name', 'ship to address 1', 'ship to city',
    'ship to zip', 'ship to country', 'item number', 'item title', 'custom label', 'quantity', 'sold for', 'shipping and handling',
    'total price', 'sale date', 'paid on date', 'shipped on date', 'tracking number', 'transaction id', 'variation details',
  ],
  required: ['sales record number', 'item title', 'quantity', 'sold for', 'sale date'],
  isFooter(cells) {
    const first = (cells[0] ?? '').trim();
    return /^seller id\s*:/i.test(first) || (/^\d+$/.test(first) && /^records?(\(s\))? downloaded/i.test((cells[1] ?? '').trim()));
  },
  orderIdOf(row, ctx) {
    const record = text(row, 'sales record number');
    return text(row, 'order number') ?? (record === null ? null : (stateOf(ctx).numbers.get(record) ?? record));
  },
  read(row, ctx): RowRecord | null {
    const record = text(row, 'sales record number');
    const number = text(row, 'order number');
    if (record === null && number === null) return null;
    const state = stateOf(ctx);
    if (record !== null && number !== null) state.numbers.set(record, number);
    const orderId = number ?? state.numbers.get(record!) ?? record!;
    const itemNumber = text(row, 'item number');
    const summary = itemNumber === null;
    const itemOfSummary = !summary && record !== null && state.summaries.has(record);
    if (summary && record !== null) state.summaries.add(record);

    const currency = ctx.currency;
    const paidAt = instant(row, 'paid on date', ctx.zone);
    const shippedAt = firstInstant(row, ctx.zone, 'shipped on date', 'dispatched on date', 'despatched on date');
    const trackingNumber = text(row, 'tracking number');
    const carrier = trackingNumber === null ? null : carrierOf(firstText(row, 'shipping service', 'delivery service', 'postage service'));
    const out: RowRecord = { orderId, order: {}, line: null };
    if (itemOfSummary) {
      // An item of a multi-item order: the summary row above said the order's fields; only what may be per item here.
      out.order = { paidAt, shippedAt, trackingNumber, carrier };
    } else {
      const status: OrderStatus = shippedAt !== null ? 'shipped' : paidAt !== null ? 'paid' : 'pending_payment';
      const ebayTax = money(row, 'ebay collected tax', currency);
      const included = !/^no$/i.test(text(row, 'ebay collected tax and fees included in total') ?? '');
      const sellerTax = money(row, 'seller collected tax', currency);
      const taxes = [sellerTax, included ? ebayTax : null].filter((v): v is number => v !== null);
      out.order = {
        status,
        statusFromDates: true,
        currency,
        buyerId: text(row, 'buyer username'),
        buyerName: fold(text(row, 'buyer name')),
        buyerEmail: text(row, 'buyer email'),
        buyerPhone: firstText(row, 'ship to phone', 'post to phone'),
        address: {
          name: fold(firstText(row, 'ship to name', 'post to name')),
          phone: firstText(row, 'ship to phone', 'post to phone'),
          street: joined(', ', firstText(row, 'ship to address 1', 'post to address 1'), firstText(row, 'ship to address 2', 'post to address 2')),
          city: firstText(row, 'ship to city', 'post to city'),
          province: firstText(row, 'ship to state', 'post to county', 'post to state'),
          postcode: firstText(row, 'ship to zip', 'post to postcode', 'post to zip'),
          country: firstText(row, 'ship to country', 'post to country'),
        },
        shipping: firstMoney(row, currency, 'shipping and handling', 'postage and packaging'),
        tax: taxes.length === 0 ? null : taxes.reduce((a, b) => a + b, 0),
        total: money(row, 'total price', currency),
        placedAt: instant(row, 'sale date', ctx.zone),
        paidAt,
        shippedAt,
        buyerNote: text(row, 'buyer note'),
        trackingNumber,
        carrier,
      };
    }
    if (!summary) {
      const quantity = count(row, 'quantity') ?? 1;
      const transaction = text(row, 'transaction id');
      const sku = text(row, 'custom label');
      out.line = {
        // Auctions have Transaction ID 0: the listing's Item Number is then the item's identity within its order.
        lineKey: transaction !== null && transaction !== '0' ? transaction : itemNumber,
        sku,
        platformSku: null,
        listingId: itemNumber,
        title: fold(text(row, 'item title')) ?? sku ?? itemNumber,
        variant: fold(text(row, 'variation details')),
        quantity,
        // Sold For is the price of one unit (Total Price = Sold For × Quantity + shipping + tax on single-item rows).
        unitPrice: money(row, 'sold for', currency) ?? 0,
        discount: 0,
        statedTotal: null,
        shipped: shippedAt === null ? 0 : quantity,
        cancelled: false,
      };
    }
    return out;
  },
};

export const ebayProfiles: Profile[] = [ebayOrders];
