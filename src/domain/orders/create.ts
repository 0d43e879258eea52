import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import * as q from '../../db/queries/orders.js';
import { productById } from '../../db/queries/catalog.js';
import { findSku } from '../catalog/lookup.js';
import { conflict, usageError } from '../errors.js';
import { parseMoney } from '../money.js';
import { resolveShop } from '../shops/shops.js';
import { formatInstant } from '../time.js';
import { matchCustomer, type BuyerInput } from './customers.js';
import { logEvent } from './events.js';
import { orderDetail } from './find.js';
import { payLoaded } from './transitions.js';
import type { Address, ItemSpec, OrderDetail } from './types.js';

export interface NewOrderInput {
  shop?: string;
  platformOrderId?: string;
  buyer: BuyerInput;
  address: Partial<Address>;
  items: ItemSpec[];
  shipping?: string;
  discount?: string;
  tax?: string;
  buyerNote?: string;
  sellerMemo?: string;
  paid?: boolean;
  placedAt?: number;
}

const text = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());

/**
 * A manual or offline order: lines priced from the SKU unless a price is given, totals computed, the buyer
 * matched or created. With `paid`, it is paid at once and its stock reserved in the same transaction.
 */
export function addOrder(db: Db, input: NewOrderInput, now: number): OrderDetail {
  if (input.items.length === 0) throw usageError('input.missingFlag', { flag: '--items' });
  return writeTransaction(db, () => {
    const shop = resolveShop(db, input.shop);
    const money = (value: string | undefined, field: string) => (value === undefined || value.trim() === '' ? 0 : parseMoney(value, shop.currency, field));
    const lines = input.items.map((item) => {
      const sku = findSku(db, item.sku);
      if (item.unitPrice === undefined && sku.currency !== shop.currency) {
        throw usageError('order.priceNeeded', { sku: sku.code, skuCurrency: sku.currency, currency: shop.currency });
      }
      const unitPrice = item.unitPrice === undefined ? sku.price : parseMoney(item.unitPrice, shop.currency, `--items ${sku.code}`);
      return { sku, quantity: item.quantity, unitPrice };
    });
    const itemSubtotal = lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);
    const shipping = money(input.shipping, '--shipping');
    const discount = money(input.discount, '--discount');
    const tax = money(input.tax, '--tax');
    const total = itemSubtotal + shipping + tax - discount;
    if (total < 0) throw usageError('order.discountTooLarge', { discount: input.discount ?? '0' });
    const placedAt = input.placedAt ?? now;
    const platformOrderId = text(input.platformOrderId) ?? manualNumber(db, shop.id, shop.timezone, placedAt);
    if (q.ordersByPlatformId(db, platformOrderId, shop.id).length > 0) throw conflict('order.exists', { order: platformOrderId, shop: shop.name });
    const customer = matchCustomer(db, shop.id, input.buyer, now);
    const a = input.address;
    const id = q.insertOrder(db, {
      shopId: shop.id,
      platformOrderId,
      customerId: customer?.id ?? null,
      status: 'pending_payment',
      currency: shop.currency,
      itemSubtotal,
      shipping,
      discount,
      tax,
      total,
      paid: 0,
      address: {
        name: text(a.name) ?? customer?.name ?? null,
        phone: text(a.phone) ?? customer?.phone ?? null,
        province: text(a.province),
        city: text(a.city),
        district: text(a.district),
        street: text(a.street),
        postcode: text(a.postcode),
        country: text(a.country),
      },
      buyerNote: text(input.buyerNote),
      sellerMemo: text(input.sellerMemo),
      source: 'manual',
      placedAt,
      paidAt: null,
    });
    lines.forEach((l, i) => {
      const variant = Object.values(l.sku.variant).join(' / ') || null;
      const title = productById(db, l.sku.productId)!.title;
      q.insertLine(db, { orderId: id, lineKey: String(i + 1), skuId: l.sku.id, platformSku: null, listingId: null, title, variant, quantity: l.quantity, unitPrice: l.unitPrice, discount: 0 });
    });
    logEvent(db, { id }, placedAt, 'created', null, 'pending_payment', null);
    const order = q.orderById(db, id)!;
    if (input.paid) payLoaded(db, order, { at: placedAt });
    return orderDetail(db, q.orderById(db, id)!);
  });
}

/** "M20261125-003": the shop's local date and a running number, for orders that have no platform number. */
function manualNumber(db: Db, shopId: number, zone: string, at: number): string {
  const prefix = `M${formatInstant(at, zone).slice(0, 10).replace(/-/g, '')}-`;
  return `${prefix}${String(q.nextManualNumber(db, shopId, prefix)).padStart(3, '0')}`;
}
