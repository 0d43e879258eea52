import { count, firstText, instant, mapStatus, money, orderIdIn, text } from '../clean.js';
import type { OrderStatus } from '../../orders/types.js';
import type { Profile, RowRecord } from '../types.js';

/**
 * Shopify "Export orders" (orders_export.csv): one row per line item; the order's first row carries the
 * order fields, later rows only the Lineitem columns. Grouped by Name (#71733).
 */
const FINANCIAL: Record<string, 'unpaid' | 'paid' | 'refunded' | 'partially_refunded' | 'voided'> = {
  pending: 'unpaid',
  authorized: 'unpaid',
  partially_paid: 'paid',
  paid: 'paid',
  partially_refunded: 'partially_refunded',
  refunded: 'refunded',
  voided: 'voided',
};

const FULFILMENT: Record<string, 'none' | 'partial' | 'all'> = {
  unfulfilled: 'none',
  '': 'none',
  pending: 'none',
  partial: 'partial',
  fulfilled: 'all',
  restocked: 'none',
};

/** Financial × fulfilment status → shopkeep's lifecycle (the table in docs/import-statuses.md). */
function statusOf(financial: string | null, fulfilment: string | null, cancelled: boolean): OrderStatus | null {
  if (financial === null && fulfilment === null) return null;
  const pay = mapStatus(FINANCIAL, financial ?? 'pending', 'Financial Status')!;
  const ship = mapStatus(FULFILMENT, fulfilment ?? '', 'Fulfillment Status')!;
  if (cancelled || pay === 'voided') return 'cancelled';
  if (ship === 'all') return 'shipped';
  if (ship === 'partial') return 'partially_shipped';
  if (pay === 'refunded') return 'cancelled';
  return pay === 'unpaid' ? 'pending_payment' : 'paid';
}

export const shopifyOrders: Profile = {
  id: 'shopify',
  platform: 'shopify',
  label: 'Shopify orders_export',
  signature: ['name', 'email', 'financial status', 'fulfillment status', 'currency', 'subtotal', 'total', 'lineitem quantity', 'lineitem name', 'lineitem price', 'lineitem sku', 'id'],
  required: ['name', 'lineitem quantity', 'lineitem name', 'lineitem price'],
  orderIdOf: orderIdIn('name'),
  read(row, ctx): RowRecord | null {
    const orderId = text(row, 'name');
    if (orderId === null) return null;
    const currency = text(row, 'currency') ?? ctx.currency;
    const cancelledAt = instant(row, 'cancelled at', ctx.zone);
    const financial = text(row, 'financial status');
    const quantity = count(row, 'lineitem quantity');
    const name = text(row, 'lineitem name');
    const record: RowRecord = { orderId, order: {}, line: null };
    if (financial !== null || text(row, 'total') !== null) {
      record.order = {
        status: statusOf(financial, text(row, 'fulfillment status'), cancelledAt !== null),
        currency,
        buyerEmail: text(row, 'email'),
        buyerName: firstText(row, 'billing name', 'shipping name'),
        buyerPhone: firstText(row, 'phone', 'billing phone'),
        address: {
          name: text(row, 'shipping name'),
          phone: text(row, 'shipping phone'),
          street: [text(row, 'shipping address1'), text(row, 'shipping address2')].filter(Boolean).join(', ') || text(row, 'shipping street'),
          city: text(row, 'shipping city'),
          province: firstText(row, 'shipping province name', 'shipping province'),
          postcode: text(row, 'shipping zip'),
          country: text(row, 'shipping country'),
        },
        itemSubtotal: money(row, 'subtotal', currency),
        shipping: money(row, 'shipping', currency),
        tax: money(row, 'taxes', currency),
        discount: money(row, 'discount amount', currency),
        total: money(row, 'total', currency),
        refunded: money(row, 'refunded amount', currency),
        placedAt: instant(row, 'created at', ctx.zone),
        paidAt: instant(row, 'paid at', ctx.zone),
        shippedAt: instant(row, 'fulfilled at', ctx.zone),
        cancelledAt,
        buyerNote: text(row, 'notes'),
      };
    }
    if (quantity !== null && name !== null) {
      const unitPrice = money(row, 'lineitem price', currency) ?? 0;
      const sku = text(row, 'lineitem sku');
      const lineStatus = text(row, 'lineitem fulfillment status');
      record.line = {
        lineKey: sku ?? name,
        sku,
        platformSku: null,
        listingId: null,
        title: name,
        variant: null,
        quantity,
        unitPrice,
        discount: money(row, 'lineitem discount', currency) ?? 0,
        statedTotal: null,
        shipped: lineStatus === null ? null : lineStatus === 'fulfilled' ? quantity : 0,
        cancelled: false,
      };
    }
    return record;
  },
};

export const shopifyProfiles: Profile[] = [shopifyOrders];
