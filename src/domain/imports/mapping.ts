import { invalidData } from '../errors.js';
import { ORDER_STATUSES, type OrderStatus } from '../orders/types.js';
import { PLATFORMS, type Platform } from '../shops/types.js';
import { count, instant, mapStatus, money, normalizeHeader, text } from './clean.js';
import { dateFormat, formattedInstant, type DateFormat } from './date-format.js';
import type { Profile, RowRecord } from './types.js';

/** Order fields a mapping may take from a column (README "Custom mapping"). */
const FIELDS = [
  'orderId', 'lineId', 'sku', 'platformSku', 'listingId', 'title', 'variant', 'quantity', 'unitPrice', 'lineDiscount', 'lineTotal',
  'status', 'currency', 'placedAt', 'paidAt', 'shippedAt', 'deliveredAt', 'cancelledAt',
  'buyerId', 'buyerName', 'buyerPhone', 'buyerEmail', 'recipient', 'phone', 'province', 'city', 'district', 'street', 'postcode', 'country',
  'subtotal', 'shipping', 'discount', 'tax', 'total', 'paid', 'refunded', 'buyerNote', 'sellerMemo', 'carrier', 'tracking',
] as const;
type Field = (typeof FIELDS)[number];
const KEYS = ['name', 'platform', 'timezone', 'currency', 'dateFormat', 'columns', 'statusMap', 'lines'] as const;

export interface Mapping {
  name: string;
  platform: Platform;
  timezone?: string;
  currency?: string;
  /** How the file writes its times (date-fns tokens); without one, the usual forms are recognised. */
  dateFormat?: DateFormat;
  columns: Partial<Record<Field, string>>;
  statusMap: Record<string, OrderStatus>;
  lines: 'one-per-row' | 'one-per-order';
}

/** The key of an order's only line under `"lines": "one-per-order"`. */
export const ORDER_LINE = '(order)';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads and checks a mapping file; every problem is exit 5 naming the key. */
export function parseMapping(json: string, file: string): Mapping {
  const fail = (key: string, choices = '—') => invalidData('mapping.invalid', { file, key }, { key: 'mapping.invalid.hint', params: { choices } });
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw invalidData('mapping.notJson', { file });
  }
  if (!isObject(raw)) throw invalidData('mapping.notJson', { file });
  for (const key of Object.keys(raw)) if (!(KEYS as readonly string[]).includes(key)) throw fail(key, KEYS.join(', '));
  const columns = raw.columns;
  if (!isObject(columns)) throw fail('columns');
  for (const [key, value] of Object.entries(columns)) {
    if (!(FIELDS as readonly string[]).includes(key)) throw fail(`columns.${key}`, FIELDS.join(', '));
    if (typeof value !== 'string' || value.trim() === '') throw fail(`columns.${key}`);
  }
  if (typeof columns.orderId !== 'string') throw fail('columns.orderId');
  const statusMap: Record<string, OrderStatus> = Object.create(null);
  if (raw.statusMap !== undefined) {
    if (!isObject(raw.statusMap)) throw fail('statusMap');
    for (const [key, value] of Object.entries(raw.statusMap)) {
      if (!(ORDER_STATUSES as readonly string[]).includes(String(value))) throw fail(`statusMap.${key}`, ORDER_STATUSES.join(', '));
      statusMap[key] = value as OrderStatus;
    }
  }
  const platform = raw.platform ?? 'other';
  if (!(PLATFORMS as readonly string[]).includes(String(platform))) throw fail('platform', PLATFORMS.join(', '));
  const lines = raw.lines ?? 'one-per-row';
  if (lines !== 'one-per-row' && lines !== 'one-per-order') throw fail('lines', 'one-per-row, one-per-order');
  for (const k of ['name', 'timezone', 'currency', 'dateFormat'] as const) if (raw[k] !== undefined && typeof raw[k] !== 'string') throw fail(k);
  const format = raw.dateFormat === undefined ? undefined : dateFormat(raw.dateFormat as string);
  if (format === null) throw fail('dateFormat', 'yyyy or yy, MM or M, dd or d; HH or H, mm, ss');
  return {
    name: (raw.name as string | undefined) ?? file,
    platform: platform as Platform,
    timezone: raw.timezone as string | undefined,
    currency: raw.currency as string | undefined,
    dateFormat: format,
    columns: Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, normalizeHeader(String(v))])) as Mapping['columns'],
    statusMap,
    lines,
  };
}

/** A profile built from a mapping: any CSV's columns onto shopkeep's order fields. */
export function mappingProfile(json: string, file: string): Profile {
  const m = parseMapping(json, file);
  const c = m.columns;
  const col = (f: Field) => c[f];
  return {
    id: `mapping:${m.name}`,
    mapping: { json, file },
    platform: m.platform,
    label: `mapping ${m.name}`,
    signature: Object.values(c) as string[],
    required: [c.orderId!],
    rowPerOrder: m.lines === 'one-per-order',
    orderIdOf: (row) => text(row, c.orderId!),
    read(row, ctx): RowRecord | null {
      const get = (f: Field) => (col(f) === undefined ? null : text(row, col(f)!));
      const orderId = get('orderId');
      if (orderId === null) return null;
      const zone = m.timezone ?? ctx.zone;
      const currency = get('currency') ?? m.currency ?? ctx.currency;
      const amount = (f: Field) => (col(f) === undefined ? null : money(row, col(f)!, currency));
      const format = m.dateFormat;
      const when = (f: Field) => (col(f) === undefined ? null : format ? formattedInstant(get(f), col(f)!, format, zone) : instant(row, col(f)!, zone));
      const statusText = get('status');
      const title = get('title');
      const quantity = col('quantity') === undefined ? 1 : count(row, col('quantity')!);
      return {
        orderId,
        order: {
          status: statusText === null ? null : mapStatus(m.statusMap, statusText, col('status')!),
          currency,
          buyerId: get('buyerId'),
          buyerName: get('buyerName'),
          buyerPhone: get('buyerPhone'),
          buyerEmail: get('buyerEmail'),
          address: { name: get('recipient'), phone: get('phone'), province: get('province'), city: get('city'), district: get('district'), street: get('street'), postcode: get('postcode'), country: get('country') },
          itemSubtotal: amount('subtotal'),
          shipping: amount('shipping'),
          discount: amount('discount'),
          tax: amount('tax'),
          total: amount('total'),
          paid: amount('paid'),
          refunded: amount('refunded'),
          placedAt: when('placedAt'),
          paidAt: when('paidAt'),
          shippedAt: when('shippedAt'),
          deliveredAt: when('deliveredAt'),
          cancelledAt: when('cancelledAt'),
          buyerNote: get('buyerNote'),
          sellerMemo: get('sellerMemo'),
          carrier: get('carrier'),
          trackingNumber: get('tracking'),
        },
        line:
          title === null || quantity === null
            ? null
            : {
                // An order's one line keeps one key, so a later export that corrects its SKU or title does not add a second line.
                lineKey: get('lineId') ?? (m.lines === 'one-per-order' ? ORDER_LINE : get('sku') ?? title),
                sku: get('sku'),
                platformSku: get('platformSku'),
                listingId: get('listingId'),
                title,
                variant: get('variant'),
                quantity,
                unitPrice: amount('unitPrice') ?? 0,
                discount: amount('lineDiscount') ?? 0,
                statedTotal: amount('lineTotal'),
                shipped: null,
                cancelled: false,
              },
      };
    },
  };
}
