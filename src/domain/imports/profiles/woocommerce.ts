import { count, firstText, instant, money, orderIdIn, text } from '../clean.js';
import type { Address, OrderStatus } from '../../orders/types.js';
import { RowError, type ImportLine, type Profile, type Row, type RowRecord } from '../types.js';

/*
 * WooCommerce has no single order export. Three layouts are read (docs/import-woocommerce-etsy-ebay.md):
 * - woocommerce-aoe: the "Advanced Order Export" plugin, one row per item, order fields repeated;
 * - woocommerce-webtoffee: the WebToffee exporter, one row per order, items in line_item_1..N cells;
 * - woocommerce-analytics: core Analytics › Orders download, one row per order, products in one cell.
 * Timestamps carry no offset and are read in the shop's zone (the WordPress site's zone, assumed the same).
 */

/** Statuses as slugs (`on-hold`, `wc-completed`) or English labels (`On hold`, `Pending payment`), compared as slugs. */
const STATUS: Record<string, OrderStatus> = {
  pending: 'pending_payment',
  'pending-payment': 'pending_payment',
  // A failed payment can be retried on the same order; cancelled would refuse that later move.
  failed: 'pending_payment',
  'checkout-draft': 'pending_payment',
  draft: 'pending_payment',
  processing: 'paid',
  // WooCommerce: awaiting payment confirmation (bank transfer, cheque), stock already taken.
  'on-hold': 'on_hold',
  completed: 'completed',
  cancelled: 'cancelled',
  // Money returned; the amount is kept in `refunded`.
  refunded: 'cancelled',
};

function wooStatus(value: string | null, column: string): OrderStatus | null {
  if (value === null) return null;
  const found = STATUS[value.trim().toLowerCase().replace(/^wc-/, '').replace(/[\s_]+/g, '-')];
  if (found === undefined) throw new RowError('import.unknownStatus', { column, value: value.slice(0, 40) });
  return found;
}

/** Names with stray inner spaces folded; null when nothing is left. */
const fold = (value: string | null | undefined): string | null => value?.replace(/\s+/g, ' ').trim() || null;
const joined = (separator: string, ...parts: (string | null)[]): string | null => fold(parts.filter((p) => p !== null).join(separator));

/** The instant in the first of `columns` that has a value. */
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

/** Parts of one cell read like columns (`line_item_1.total`), so money() and count() check them and name them in errors. */
function partsRow(line: number, parts: Map<string, string>): Row {
  return { line, get: (column) => parts.get(column), has: (column) => parts.has(column) };
}

/**
 * A unit price and line discount that give back the line's stated net exactly: the stated unit price when
 * quantity × price ≥ net, else the net spread over the units rounded up, the excess carried as discount.
 */
function settle(unitPrice: number, quantity: number, net: number | null): { unitPrice: number; discount: number } {
  if (net === null || net < 0 || quantity <= 0) return { unitPrice, discount: 0 };
  if (unitPrice * quantity >= net) return { unitPrice, discount: unitPrice * quantity - net };
  const up = Math.ceil(net / quantity);
  return { unitPrice: up, discount: up * quantity - net };
}

/** From a line's totals before (`gross`) and after discount (`net`): per-unit price rounded up, discount exact. */
function fromTotals(gross: number, net: number | null, quantity: number): { unitPrice: number; discount: number } {
  if (quantity <= 0) return { unitPrice: 0, discount: 0 };
  return settle(Math.ceil(gross / quantity), quantity, net ?? gross);
}

const line = (fields: Partial<ImportLine> & Pick<ImportLine, 'lineKey' | 'title' | 'quantity' | 'unitPrice'>): ImportLine => ({
  sku: null,
  platformSku: null,
  listingId: null,
  variant: null,
  discount: 0,
  statedTotal: null,
  shipped: null,
  cancelled: false,
  ...fields,
});

// ---------------------------------------------------------------------------------------------------------
// Advanced Order Export (one row per item)

/** An AOE address: `Address 1&2 (Shipping)` etc.; null when the side has neither street nor city. */
function aoeAddress(row: Row, side: 'shipping' | 'billing'): Partial<Address> | null {
  const cell = (label: string) => text(row, `${label} (${side})`);
  const street = cell('address 1&2') ?? joined(', ', cell('address 1'), cell('address 2'));
  const city = cell('city');
  if (street === null && city === null) return null;
  return {
    name: joined(' ', cell('first name'), cell('last name')),
    phone: cell('phone'),
    street,
    city,
    province: cell('state code') ?? cell('state'),
    postcode: cell('postcode'),
    country: cell('country code') ?? cell('country'),
  };
}

export const woocommerceAoe: Profile = {
  id: 'woocommerce-aoe',
  platform: 'woocommerce',
  label: 'WooCommerce Advanced Order Export (one row per item)',
  signature: [
    'order number', 'order status', 'order date', 'customer note', 'first name (billing)', 'last name (billing)', 'email (billing)',
    'phone (billing)', 'first name (shipping)', 'address 1&2 (shipping)', 'city (shipping)', 'item #', 'sku', 'name', 'quantity',
    'quantity (- refund)', 'item cost', 'order line (w/o tax)', 'order subtotal amount', 'order shipping amount', 'order total amount',
    'order refund amount',
  ],
  required: ['order number', 'order status', 'order date', 'quantity'],
  orderIdOf: orderIdIn('order number'),
  read(row, ctx): RowRecord | null {
    const orderId = text(row, 'order number');
    if (orderId === null) return null;
    const currency = firstText(row, 'currency', 'order currency') ?? ctx.currency;
    const refunded = money(row, 'order refund amount', currency);
    const buyerName = joined(' ', text(row, 'first name (billing)'), text(row, 'last name (billing)'));
    const address = aoeAddress(row, 'shipping') ?? aoeAddress(row, 'billing') ?? {};
    const record: RowRecord = {
      orderId,
      order: {
        status: wooStatus(text(row, 'order status'), 'Order Status'),
        currency,
        buyerName,
        buyerEmail: text(row, 'email (billing)'),
        buyerPhone: text(row, 'phone (billing)'),
        address: { ...address, phone: address.phone ?? text(row, 'phone (billing)') },
        itemSubtotal: money(row, 'order subtotal amount', currency),
        shipping: money(row, 'order shipping amount', currency),
        discount: money(row, 'cart discount amount', currency),
        tax: firstMoney(row, currency, 'order total tax amount', 'order tax amount'),
        total: money(row, 'order total amount', currency),
        refunded: refunded === null ? null : Math.abs(refunded),
        placedAt: instant(row, 'order date', ctx.zone),
        paidAt: firstInstant(row, ctx.zone, 'date of payment', 'paid date'),
        completedAt: firstInstant(row, ctx.zone, 'date of completion', 'completed date'),
        buyerNote: text(row, 'customer note'),
      },
      line: null,
    };
    const title = fold(firstText(row, 'name', 'item name', 'product name'));
    const quantity = count(row, 'quantity');
    if (title !== null && quantity !== null) {
      const net = money(row, 'order line (w/o tax)', currency);
      // "Item Cost" is WooCommerce's item total per unit, after coupons; the before-discount price when exported.
      const stated = firstMoney(row, currency, 'item cost before discount', 'item cost');
      const { unitPrice, discount } = stated === null ? fromTotals(net ?? 0, net, quantity) : settle(stated, quantity, net);
      const left = count(row, 'quantity (- refund)');
      const sku = text(row, 'sku');
      record.line = line({
        lineKey: text(row, 'item id') ?? sku ?? title,
        sku,
        listingId: text(row, 'product id'),
        title,
        variant: fold(text(row, 'product variation')),
        quantity,
        unitPrice,
        discount,
        statedTotal: net,
        cancelled: left === 0 && quantity > 0,
      });
    }
    return record;
  },
};

// ---------------------------------------------------------------------------------------------------------
// WebToffee (one row per order, items in line_item_N cells)

/**
 * `name:Gaiwan|product_id:12|sku:GW-1|quantity:2|total:20.00|sub_total:20.00|…`: pieces split on `|`; a
 * piece that does not start with `key:` belongs to the value before it (a `|` inside a product name).
 */
function itemParts(cell: string, label: string): Map<string, string> {
  const parts = new Map<string, string>();
  let last: string | null = null;
  for (const piece of cell.split('|')) {
    const m = /^\s*([a-z][a-z0-9_]*):(.*)$/s.exec(piece);
    const key = m ? `${label}.${m[1]!}` : null;
    if (key !== null && !parts.has(key)) {
      parts.set(key, m![2]!);
      last = key;
    } else if (last !== null) {
      parts.set(last, `${parts.get(last)!}|${piece}`);
    }
  }
  for (const [k, v] of parts) parts.set(k, v.trim());
  return parts;
}

function webtoffeeLine(row: Row, label: string, currency: string): ImportLine | null {
  const cell = text(row, label);
  if (cell === null) return null;
  const parts = partsRow(row.line, itemParts(cell, label));
  const get = (key: string) => text(parts, `${label}.${key}`);
  const sku = get('sku');
  const title = fold(get('name')) ?? sku;
  if (title === null) return null;
  const quantity = count(parts, `${label}.quantity`);
  if (quantity === null) throw new RowError('import.badNumber', { column: `${label}.quantity`, value: '' });
  const gross = money(parts, `${label}.sub_total`, currency);
  const net = money(parts, `${label}.total`, currency);
  const { unitPrice, discount } = fromTotals(gross ?? net ?? 0, net, quantity);
  const id = (key: string) => {
    const v = get(key);
    return v === null || v === '0' ? null : v;
  };
  return line({
    lineKey: id('item_id') ?? sku ?? title,
    sku,
    platformSku: id('variation_id'),
    listingId: id('product_id'),
    title,
    quantity,
    unitPrice,
    discount,
    statedTotal: net,
  });
}

/** Refund amounts in `refund_items` (`amount:5.00|reason:…|date:…`, several joined by `;`): assumed layout. */
function refundsOf(row: Row, currency: string): number | null {
  const cell = text(row, 'refund_items');
  if (cell === null) return null;
  const amounts = [...cell.matchAll(/(?:^|[|;])\s*amount:([^|;]*)/g)].map((m, i) =>
    money(partsRow(row.line, new Map([[`refund_items.amount.${i + 1}`, m[1]!.trim()]])), `refund_items.amount.${i + 1}`, currency),
  );
  const total = sum(...amounts);
  return total === null ? null : Math.abs(total);
}

function webtoffeeAddress(row: Row, side: 'shipping' | 'billing'): Partial<Address> | null {
  const cell = (field: string) => text(row, `${side}_${field}`);
  const street = joined(', ', cell('address_1'), cell('address_2'));
  const city = cell('city');
  if (street === null && city === null) return null;
  return {
    name: joined(' ', cell('first_name'), cell('last_name')),
    phone: cell('phone'),
    street,
    city,
    province: cell('state'),
    postcode: cell('postcode'),
    country: cell('country'),
  };
}

export const woocommerceWebtoffee: Profile = {
  id: 'woocommerce-webtoffee',
  platform: 'woocommerce',
  label: 'WooCommerce WebToffee order export (one row per order)',
  signature: [
    'order_id', 'order_number', 'order_date', 'paid_date', 'status', 'shipping_total', 'shipping_tax_total', 'tax_total', 'discount_total',
    'order_total', 'order_subtotal', 'order_currency', 'customer_email', 'billing_first_name', 'billing_last_name', 'shipping_address_1',
    'shipping_city', 'customer_note', 'refund_items', 'line_item_1',
  ],
  required: ['order_id', 'order_date', 'status', 'order_total', 'line_item_1'],
  orderIdOf: orderIdIn('order_number', 'order_id'),
  read(row, ctx): RowRecord | null {
    const orderId = firstText(row, 'order_number', 'order_id');
    if (orderId === null) return null;
    const currency = text(row, 'order_currency') ?? ctx.currency;
    const status = wooStatus(text(row, 'status'), 'status');
    const total = money(row, 'order_total', currency);
    const refunded = refundsOf(row, currency) ?? (text(row, 'status')?.toLowerCase().endsWith('refunded') ? total : null);
    const customer = firstText(row, 'customer_id', 'customer_user');
    const address = webtoffeeAddress(row, 'shipping') ?? webtoffeeAddress(row, 'billing') ?? {};
    const lines: ImportLine[] = [];
    for (let i = 1; row.has(`line_item_${i}`); i++) {
      const item = webtoffeeLine(row, `line_item_${i}`, currency);
      if (item) lines.push(item);
    }
    return {
      orderId,
      order: {
        status,
        currency,
        buyerId: customer === '0' ? null : customer,
        buyerName: joined(' ', text(row, 'billing_first_name'), text(row, 'billing_last_name')),
        buyerEmail: firstText(row, 'billing_email', 'customer_email'),
        buyerPhone: text(row, 'billing_phone'),
        address: { ...address, phone: address.phone ?? text(row, 'billing_phone') },
        itemSubtotal: money(row, 'order_subtotal', currency),
        shipping: money(row, 'shipping_total', currency),
        discount: firstMoney(row, currency, 'discount_total', 'cart_discount'),
        tax: sum(money(row, 'tax_total', currency), money(row, 'shipping_tax_total', currency)),
        total,
        refunded,
        placedAt: instant(row, 'order_date', ctx.zone),
        paidAt: firstInstant(row, ctx.zone, 'paid_date', 'date_paid'),
        completedAt: firstInstant(row, ctx.zone, 'completed_date', 'date_completed'),
        buyerNote: text(row, 'customer_note'),
      },
      line: lines[0] ?? null,
      moreLines: lines.slice(1),
    };
  },
};

// ---------------------------------------------------------------------------------------------------------
// Analytics › Orders download (one row per order, products joined in one cell, no prices per product)

const TIMES = /^(\d{1,7})\s*×\s*(.+)$|^(\d{1,7})\s+[xX]\s+(.+)$/su;

interface Product {
  quantity: number;
  title: string;
}

function productsOf(cell: string, itemsSold: number | null): Product[] {
  const parse = (entries: string[]): Product[] =>
    entries
      .map((entry) => {
        const m = TIMES.exec(entry.trim());
        return m ? { quantity: Number(m[1] ?? m[3]), title: fold(m[2] ?? m[4]) ?? '' } : { quantity: 1, title: fold(entry) ?? '' };
      })
      .filter((p) => p.title !== '');
  const units = (products: Product[]) => products.reduce((n, p) => n + p.quantity, 0);
  // WooCommerce writes "2× Gaiwan, 1× Tea tray": split before each "N×" so a comma inside a name survives…
  const marked = parse(cell.split(/,\s*(?=\d{1,7}\s*×)/u));
  if (itemsSold === null || units(marked) === itemsSold) return marked;
  // …but a file that drops "1×" ("2× Gaiwan, Tea tray") needs every comma; Items sold says which reading fits.
  const plain = parse(cell.split(/,\s*/));
  return units(plain) === itemsSold ? plain : marked;
}

/**
 * `N. Revenue (formatted)`: the order total as the shop shows it (`$45.00`); a refunded order reads
 * `$45.00 $35.00` (the struck-through total, then what is left); `(includes $2.00 VAT)` is dropped.
 */
function formattedTotal(row: Row, column: string, currency: string): { total: number | null; refunded: number | null } {
  const cell = text(row, column);
  if (cell === null) return { total: null, refunded: null };
  const amounts: string[] = [];
  let prefix = '';
  const tokens = cell.replace(/\([^)]*\)/g, ' ').split(/[\s\u00a0]+/).filter((t) => t !== '');
  tokens.forEach((token, i) => {
    if (/\d/.test(token)) {
      amounts.push(prefix + token);
      prefix = '';
    } else if (i < tokens.length - 1) prefix += `${token} `;
    else if (amounts.length > 0) amounts[amounts.length - 1] += ` ${token}`;
  });
  if (amounts.length === 0 || amounts.length > 2) throw new RowError('import.badAmount', { column, value: cell.slice(0, 40), currency, decimals: 2 });
  const [total, left] = amounts.map((a) => money(partsRow(row.line, new Map([[column, a]])), column, currency)) as [number, number | undefined];
  return { total, refunded: left === undefined || left >= total ? null : total - left };
}

export const woocommerceAnalytics: Profile = {
  id: 'woocommerce-analytics',
  platform: 'woocommerce',
  label: 'WooCommerce Analytics › Orders (one row per order)',
  signature: ['date', 'order #', 'n. revenue (formatted)', 'status', 'customer', 'customer type', 'product(s)', 'items sold', 'coupon(s)', 'net sales', 'attribution'],
  required: ['date', 'order #', 'status', 'product(s)'],
  orderIdOf: orderIdIn('order #'),
  read(row, ctx): RowRecord | null {
    const orderId = text(row, 'order #');
    if (orderId === null) return null;
    const currency = ctx.currency;
    const net = firstMoney(row, currency, 'net sales', 'n. revenue', 'net revenue');
    // A refund is a second row of its order (negative net, dated when refunded); the order's own row says it all.
    if ((net !== null && net < 0) || text(row, 'items sold')?.startsWith('-')) return null;
    const { total, refunded } = formattedTotal(row, 'n. revenue (formatted)', currency);
    const itemsSold = count(row, 'items sold');
    const products = productsOf(text(row, 'product(s)') ?? '', itemsSold);
    const lines = products.map((p) => {
      // Only a one-product order says what its product cost (the net sales); otherwise the price is unknown: 0.
      const priced = products.length === 1 && net !== null ? fromTotals(net, net, p.quantity) : { unitPrice: 0, discount: 0 };
      return line({ lineKey: p.title, title: p.title, quantity: p.quantity, ...priced, statedTotal: products.length === 1 ? net : null });
    });
    return {
      orderId,
      order: {
        status: wooStatus(text(row, 'status'), 'Status'),
        currency,
        buyerName: fold(text(row, 'customer')),
        itemSubtotal: net,
        total,
        refunded,
        placedAt: instant(row, 'date', ctx.zone),
      },
      line: lines[0] ?? null,
      moreLines: lines.slice(1),
    };
  },
};

export const woocommerceProfiles: Profile[] = [woocommerceAoe, woocommerceWebtoffee, woocommerceAnalytics];
