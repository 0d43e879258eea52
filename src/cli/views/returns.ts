import { formatAmount, formatMoney } from '../../domain/money.js';
import { maskName, maskPhone } from '../../domain/privacy.js';
import type { ReturnDetail, ReturnStatus } from '../../domain/service/return-types.js';
import { formatWallTime } from '../../domain/time.js';
import type { Ctx } from '../context.js';
import type { Block, View } from '../render/view.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
/** Tickets are numbered T-000042, as `ticket` prints them. */
export const ticketNumber = (id: number) => `T-${String(id).padStart(6, '0')}`;

/** The steps a return went through, from its own instants, in order. */
export function returnTimeline(r: ReturnDetail): { status: ReturnStatus; at: number }[] {
  const steps: [ReturnStatus, number | null][] = [
    ['requested', r.openedAt],
    ['approved', r.approvedAt],
    ['rejected', r.rejectedAt],
    ['received', r.receivedAt],
    ['refunded', r.refundedAt],
    ['closed', r.closedAt],
  ];
  return steps.filter((s): s is [ReturnStatus, number] => s[1] !== null).map(([status, at]) => ({ status, at }));
}

/** The JSON contract of one return: stable English keys, money as decimal strings, instants ISO 8601 UTC. */
export function returnJson(r: ReturnDetail, reveal: boolean) {
  const amount = (minor: number) => formatAmount(minor, r.currency);
  return {
    number: r.number,
    id: r.id,
    order: r.orderNumber,
    orderId: r.orderId,
    shop: r.shopName,
    type: r.type,
    status: r.status,
    reason: r.reason,
    condition: r.condition,
    currency: r.currency,
    refunded: amount(r.refundAmount),
    orderPaid: amount(r.order.paid),
    orderRefunded: amount(r.order.refunded),
    buyer: r.buyer && { name: reveal ? r.buyer.name : maskName(r.buyer.name), phone: reveal ? r.buyer.phone : maskPhone(r.buyer.phone) },
    ticket: r.ticket && { number: ticketNumber(r.ticket.id), id: r.ticket.id, subject: r.ticket.subject, status: r.ticket.status },
    replacementOrder: r.replacementOrderNumber,
    note: r.note,
    lines: r.lines.map((l) => ({ sku: l.skuCode, title: l.title, variant: l.variant, quantity: l.quantity, unitPrice: amount(l.unitPrice) })),
    openedAt: iso(r.openedAt),
    approvedAt: iso(r.approvedAt),
    rejectedAt: iso(r.rejectedAt),
    receivedAt: iso(r.receivedAt),
    refundedAt: iso(r.refundedAt),
    closedAt: iso(r.closedAt),
    timeline: returnTimeline(r).map((s) => ({ status: s.status, at: iso(s.at) })),
  };
}

const items = (r: ReturnDetail) => r.lines.map((l) => `${l.skuCode ?? l.title}×${l.quantity}`).join(', ');

export function returnListView(ctx: Ctx, returns: ReturnDetail[], reveal: boolean): View {
  return {
    json: () => ({ returns: returns.map((r) => returnJson(r, reveal)) }),
    blocks: () => [
      {
        kind: 'table',
        columns: [
          { key: 'number', label: ctx.t('return.col.return') },
          { key: 'order', label: ctx.t('col.order') },
          { key: 'shop', label: ctx.t('col.shop') },
          { key: 'type', label: ctx.t('return.col.type') },
          { key: 'status', label: ctx.t('col.status') },
          { key: 'items', label: ctx.t('col.items') },
          { key: 'buyer', label: ctx.t('col.buyer') },
          { key: 'refunded', label: ctx.t('return.col.refunded'), align: 'right' },
          { key: 'opened', label: ctx.t('return.col.opened') },
        ],
        rows: returns.map((r) => ({
          number: r.number,
          order: r.orderNumber,
          shop: r.shopName,
          type: ctx.t(`returnType.${r.type}`),
          status: ctx.t(`returnStatus.${r.status}`),
          items: items(r),
          buyer: (reveal ? r.buyer?.name : maskName(r.buyer?.name ?? null)) ?? '',
          refunded: r.refundAmount > 0 ? formatMoney(r.refundAmount, r.currency) : '',
          opened: formatWallTime(r.openedAt, r.timezone),
        })),
        empty: ctx.t('return.list.empty'),
      },
    ],
  };
}

export function returnDetailView(ctx: Ctx, r: ReturnDetail, reveal: boolean): View {
  const when = (ms: number) => formatWallTime(ms, r.timezone);
  const money = (minor: number) => formatMoney(minor, r.currency);
  const none = ctx.t('label.none');
  const buyer = r.buyer ? [reveal ? r.buyer.name : maskName(r.buyer.name), reveal ? r.buyer.phone : maskPhone(r.buyer.phone)].filter(Boolean).join(' ') : '';
  const blocks: Block[] = [
    {
      kind: 'fields',
      title: `${r.number} · ${r.orderNumber} · ${r.shopName}`,
      fields: [
        [ctx.t('return.col.type'), ctx.t(`returnType.${r.type}`)],
        [ctx.t('col.status'), ctx.t(`returnStatus.${r.status}`)],
        [ctx.t('col.reason'), r.reason],
        [ctx.t('return.col.condition'), r.condition ? ctx.t(`returnCondition.${r.condition}`) : none],
        [ctx.t('return.col.refunded'), r.refundAmount > 0 ? money(r.refundAmount) : none],
        [ctx.t('return.col.paid'), `${money(r.order.paid)} / ${money(r.order.refunded)}`],
        [ctx.t('col.buyer'), buyer || none],
        [ctx.t('return.col.ticket'), r.ticket ? `${ticketNumber(r.ticket.id)} ${r.ticket.subject} (${r.ticket.status})` : none],
        [ctx.t('return.col.replacement'), r.replacementOrderNumber ?? none],
        [ctx.t('col.note'), r.note ?? none],
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
      ],
      rows: r.lines.map((l) => ({ sku: l.skuCode ?? '', title: [l.title, l.variant].filter(Boolean).join(' · '), quantity: l.quantity, price: money(l.unitPrice) })),
      empty: none,
    },
    {
      kind: 'table',
      title: ctx.t('label.timeline'),
      columns: [
        { key: 'time', label: ctx.t('col.time') },
        { key: 'step', label: ctx.t('return.col.step') },
      ],
      rows: returnTimeline(r).map((s) => ({ time: when(s.at), step: ctx.t(`returnStatus.${s.status}`) })),
    },
  ];
  return { json: { return: returnJson(r, reveal) }, blocks };
}
