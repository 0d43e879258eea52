import type { Db } from '../../db/open.js';
import { skuById } from '../../db/queries/catalog.js';
import { orderListJsonText, type OrderFilter, type OrderSummary } from '../../db/queries/order-list.js';
import { orderSummaries } from '../../db/queries/order-list.js';
import { trackingUrl } from '../../domain/fulfilment/carriers.js';
import { formatAmount, formatMoney } from '../../domain/money.js';
import { maskEmail, maskName, maskPhone, maskStreet } from '../../domain/privacy.js';
import { formatWallTime } from '../../domain/time.js';
import type { Address, OrderDetail } from '../../domain/orders/types.js';
import type { Ctx } from '../context.js';
import { JsonText, type Block, type View } from '../render/view.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function maskAddress(a: Address, reveal: boolean): Address {
  if (reveal) return a;
  return { ...a, name: maskName(a.name), phone: maskPhone(a.phone), street: maskStreet(a.street) };
}

/** The JSON contract of one order (order show, add, pay…): money as decimal strings, instants ISO 8601 UTC. */
export function orderJson(o: OrderDetail, reveal: boolean) {
  const amount = (minor: number) => formatAmount(minor, o.currency);
  return {
    id: o.id,
    shop: o.shopName,
    platform: o.platform,
    platformOrderId: o.platformOrderId,
    status: o.status,
    heldFrom: o.heldFrom,
    currency: o.currency,
    itemSubtotal: amount(o.itemSubtotal),
    shipping: amount(o.shipping),
    discount: amount(o.discount),
    tax: amount(o.tax),
    total: amount(o.total),
    paid: amount(o.paid),
    refunded: amount(o.refunded),
    buyer: o.customer && {
      name: reveal ? o.customer.name : maskName(o.customer.name),
      phone: reveal ? o.customer.phone : maskPhone(o.customer.phone),
      email: reveal ? o.customer.email : maskEmail(o.customer.email),
      platformBuyerId: o.customer.platformBuyerId,
    },
    address: maskAddress(o.address, reveal),
    buyerNote: o.buyerNote,
    sellerMemo: o.sellerMemo,
    holdReason: o.holdReason,
    cancelReason: o.cancelReason,
    placedAt: iso(o.placedAt),
    paidAt: iso(o.paidAt),
    shippedAt: iso(o.shippedAt),
    deliveredAt: iso(o.deliveredAt),
    completedAt: iso(o.completedAt),
    cancelledAt: iso(o.cancelledAt),
    lines: o.lines.map((l) => ({
      lineKey: l.lineKey,
      sku: l.skuCode,
      platformSku: l.platformSku,
      title: l.title,
      variant: l.variant,
      quantity: l.quantity,
      unitPrice: amount(l.unitPrice),
      reserved: l.reserved,
      shipped: l.shipped,
      cancelled: l.cancelled === true,
    })),
    shipments: o.shipments.map((s) => ({
      carrier: s.carrier,
      trackingNumber: s.trackingNumber,
      trackingUrl: trackingUrl(s.carrier, s.trackingNumber),
      shippedAt: iso(s.shippedAt),
      deliveredAt: iso(s.deliveredAt),
      items: s.lines.map((l) => ({ sku: l.skuCode, title: l.title, quantity: l.quantity })),
    })),
    events: o.events.map((e) => ({ at: iso(e.at), kind: e.kind, from: e.from, to: e.to, note: e.note })),
  };
}

/** The JSON of a list row; SQLite builds the same text for big lists (db/queries/order-list.ts). */
export function orderListJson(o: OrderDetail) {
  const amount = (minor: number) => formatAmount(minor, o.currency);
  return {
    id: o.id,
    shop: o.shopName,
    platform: o.platform,
    platformOrderId: o.platformOrderId,
    status: o.status,
    currency: o.currency,
    total: amount(o.total),
    paid: amount(o.paid),
    placedAt: iso(o.placedAt),
    paidAt: iso(o.paidAt),
    lines: o.lines.map((l) => ({ sku: l.skuCode, title: l.title, quantity: l.quantity, unitPrice: amount(l.unitPrice), shipped: l.shipped })),
  };
}

export function orderListView(ctx: Ctx, db: Db, filter: OrderFilter, reveal: boolean): View {
  const rows = (): OrderSummary[] => orderSummaries(db, filter);
  return {
    json: () => new JsonText(`{"orders":${orderListJsonText(db, filter)}}`),
    blocks: () => [
      {
        kind: 'table',
        columns: [
          { key: 'order', label: ctx.t('col.order') },
          { key: 'shop', label: ctx.t('col.shop') },
          { key: 'status', label: ctx.t('col.status') },
          { key: 'placed', label: ctx.t('col.placed') },
          { key: 'buyer', label: ctx.t('col.buyer') },
          { key: 'units', label: ctx.t('col.units'), align: 'right' },
          { key: 'total', label: ctx.t('col.total'), align: 'right' },
        ],
        rows: rows().map((o) => ({
          order: o.platformOrderId,
          shop: o.shop,
          status: ctx.t(`orderStatus.${o.status}`),
          placed: formatWallTime(o.placedAt, o.timezone),
          buyer: reveal ? o.buyer : maskName(o.buyer),
          units: o.units,
          total: formatMoney(o.total, o.currency),
        })),
        empty: ctx.t('order.list.empty'),
      },
    ],
  };
}

/** Payment events store minor units: "3000", or "refunded 0" → "refunded 9900" for refunds. */
function paymentChange(from: string | null, to: string | null, money: (minor: number) => string): string {
  const amount = (v: string | null) => (v === null ? '' : v.startsWith('refunded ') ? `↩ ${money(Number(v.slice(9)))}` : money(Number(v)));
  return [from, to].filter((v) => v !== null).map(amount).join(' → ');
}

export function orderDetailView(ctx: Ctx, db: Db, o: OrderDetail, reveal: boolean): View {
  const zone = o.timezone;
  const when = (ms: number | null) => (ms === null ? ctx.t('label.none') : formatWallTime(ms, zone));
  const money = (minor: number) => formatMoney(minor, o.currency);
  const a = maskAddress(o.address, reveal);
  const address = [a.country, a.province, a.city, a.district, a.street, a.postcode].filter(Boolean).join(' ');
  const blocks: Block[] = [
    {
      kind: 'fields',
      title: `${o.platformOrderId} · ${o.shopName}`,
      fields: [
        [ctx.t('col.status'), ctx.t(`orderStatus.${o.status}`) + (o.holdReason ? ` (${o.holdReason})` : '') + (o.cancelReason ? ` (${o.cancelReason})` : '')],
        [ctx.t('col.placed'), when(o.placedAt)],
        [ctx.t('col.paidAt'), when(o.paidAt)],
        [ctx.t('col.recipient'), [a.name, a.phone].filter(Boolean).join(' ') || ctx.t('label.none')],
        [ctx.t('col.address'), address || ctx.t('label.none')],
        [ctx.t('col.buyerNote'), o.buyerNote ?? ctx.t('label.none')],
        [ctx.t('col.sellerMemo'), o.sellerMemo ?? ctx.t('label.none')],
        [ctx.t('col.total'), ctx.t('order.moneyLine', { subtotal: money(o.itemSubtotal), shipping: money(o.shipping), discount: money(o.discount), tax: money(o.tax), total: money(o.total), paid: money(o.paid) }) + (o.refunded > 0 ? ctx.t('order.refundedPart', { refunded: money(o.refunded) }) : '')],
      ],
    },
    {
      kind: 'table',
      title: ctx.t('label.lines'),
      columns: [
        { key: 'sku', label: ctx.t('col.sku') },
        { key: 'title', label: ctx.t('col.title') },
        { key: 'quantity', label: ctx.t('col.quantity'), align: 'right' },
        { key: 'price', label: ctx.t('col.price'), align: 'right' },
        { key: 'shipped', label: ctx.t('col.shipped'), align: 'right' },
        { key: 'reserved', label: ctx.t('col.reserved'), align: 'right' },
        { key: 'available', label: ctx.t('col.available'), align: 'right' },
      ],
      rows: o.lines.map((l) => {
        const sku = l.skuId === null ? undefined : skuById(db, l.skuId);
        return {
          sku: l.skuCode ?? ctx.t('order.unmatched'),
          title: [l.title, l.variant, l.cancelled ? ctx.t('order.lineCancelled') : null].filter(Boolean).join(' · '),
          quantity: l.quantity,
          price: money(l.unitPrice),
          shipped: l.shipped,
          reserved: l.reserved,
          available: sku ? sku.onHand - sku.reserved : '',
        };
      }),
    },
  ];
  if (o.shipments.length > 0) {
    blocks.push({
      kind: 'table',
      title: ctx.t('label.shipments'),
      columns: [
        { key: 'time', label: ctx.t('col.time') },
        { key: 'carrier', label: ctx.t('col.carrier') },
        { key: 'tracking', label: ctx.t('col.tracking') },
        { key: 'items', label: ctx.t('col.items') },
        { key: 'link', label: ctx.t('col.link') },
      ],
      rows: o.shipments.map((s) => ({
        time: when(s.shippedAt),
        carrier: s.carrier,
        tracking: s.trackingNumber,
        items: s.lines.map((l) => `${l.skuCode ?? l.title}×${l.quantity}`).join(', '),
        link: trackingUrl(s.carrier, s.trackingNumber),
      })),
    });
  }
  blocks.push({
    kind: 'table',
    title: ctx.t('label.timeline'),
    columns: [
      { key: 'time', label: ctx.t('col.time') },
      { key: 'event', label: ctx.t('col.event') },
      { key: 'change', label: ctx.t('col.change') },
      { key: 'note', label: ctx.t('col.note') },
    ],
    rows: o.events.map((e) => ({
      time: when(e.at),
      event: ctx.t(`orderEvent.${e.kind}`),
      change: e.kind === 'payment' ? paymentChange(e.from, e.to, money) : e.kind === 'status' || e.kind === 'created' ? `${e.from ? ctx.t(`orderStatus.${e.from as 'paid'}`) : ''} → ${ctx.t(`orderStatus.${e.to as 'paid'}`)}` : [e.from, e.to].filter(Boolean).join(' → '),
      note: e.note,
    })),
  });
  return { json: { order: orderJson(o, reveal) }, blocks };
}
