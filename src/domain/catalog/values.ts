import { usageError } from '../errors.js';
import { parseMoney } from '../money.js';
import { checkCurrency } from '../shops/shops.js';
import type { FieldNames, Sku, SkuFields } from './types.js';

export function parseCount(text: string, field: string): number {
  const t = text.trim();
  if (!/^\d{1,9}$/.test(t)) throw usageError('input.notCount', { field, value: text });
  return Number(t);
}

/** "colour=Red, size=M" or "colour=Red;size=M" → { colour: 'Red', size: 'M' }. */
export function parsePairs(text: string, field: string): Record<string, string> {
  const pairs: Record<string, string> = Object.create(null);
  for (const part of text.split(/[;,]/)) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    const key = eq > 0 ? part.slice(0, eq).trim() : '';
    const value = eq > 0 ? part.slice(eq + 1).trim() : '';
    if (key === '' || value === '' || key === '__proto__') throw usageError('input.pairsInvalid', { field, value: part.trim() });
    pairs[key] = value;
  }
  return { ...pairs };
}

export function formatPairs(pairs: Record<string, string>): string {
  return Object.entries(pairs)
    .map(([k, v]) => `${k}=${v}`)
    .join(';');
}

const blankToNull = (text: string | undefined) => (text === undefined ? undefined : text.trim() === '' ? null : text.trim());

/**
 * Turns typed SKU fields into stored values. Money is parsed in the SKU's currency (12.345 is refused
 * for CNY); fields left out keep `base`'s value.
 */
export function skuValues(fields: SkuFields, base: Omit<Sku, 'id' | 'productId' | 'code' | 'onHand' | 'reserved'>, names: FieldNames) {
  const currency = fields.currency !== undefined ? checkCurrency(fields.currency) : base.currency;
  const money = (text: string | undefined, field: 'cost' | 'price', current: number | null) => {
    const t = blankToNull(text);
    if (t === undefined) return current;
    if (t === null) {
      if (field === 'price') throw usageError('input.required', { field: names('price') });
      return null;
    }
    return parseMoney(t, currency, names(field));
  };
  const count = (text: string | undefined, field: 'weight' | 'lowStockThreshold' | 'reorderPoint' | 'leadTimeDays', current: number | null) => {
    const t = blankToNull(text);
    if (t === undefined) return current;
    return t === null ? null : parseCount(t, names(field));
  };
  const barcode = blankToNull(fields.barcode);
  const location = blankToNull(fields.location);
  return {
    currency,
    barcode: barcode === undefined ? base.barcode : barcode,
    variant: fields.variant ?? base.variant,
    cost: money(fields.cost, 'cost', base.cost),
    price: money(fields.price, 'price', base.price) as number,
    weightGrams: count(fields.weight, 'weight', base.weightGrams),
    lowStockThreshold: count(fields.lowStockThreshold, 'lowStockThreshold', base.lowStockThreshold) ?? 0,
    reorderPoint: count(fields.reorderPoint, 'reorderPoint', base.reorderPoint),
    leadTimeDays: count(fields.leadTimeDays, 'leadTimeDays', base.leadTimeDays),
    location: location === undefined ? base.location : location,
    allowBackorder: fields.allowBackorder ?? base.allowBackorder,
  };
}

export type SkuValues = ReturnType<typeof skuValues>;

export function checkSkuCode(code: string, names: FieldNames): string {
  const c = code.trim();
  if (c === '' || c.length > 64 || /[\s,]/.test(c)) throw usageError('sku.codeInvalid', { field: names('code'), value: code });
  return c;
}

export function checkTitle(title: string, names: FieldNames): string {
  const t = title.trim();
  if (t === '' || t.length > 300) throw usageError('input.required', { field: names('title') });
  return t;
}

/** A URL-safe key for a product: ASCII words from the title, else "p<n>". */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
}

export function checkHandle(handle: string): string {
  const h = handle.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(h) || /^\d+$/.test(h)) throw usageError('product.handleInvalid', { value: handle });
  return h;
}
