import { formatAmount, formatMoney } from '../../domain/money.js';
import { maskEmail, maskName, maskPhone } from '../../domain/privacy.js';
import { customerCode, type CustomerDetail, type CustomerSummary, type Spend } from '../../domain/service/customers.js';
import { reviewCode } from '../../domain/service/reviews.js';
import { formatWallTime } from '../../domain/time.js';
import type { MessageKey } from '../../i18n/index.js';
import type { Ctx } from '../context.js';
import type { Block, View } from '../render/view.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Names, phones and emails as printed: masked unless --reveal, in JSON too. */
export function contactOf(c: { name: string | null; phone: string | null; email: string | null }, reveal: boolean) {
  return reveal ? { name: c.name, phone: c.phone, email: c.email } : { name: maskName(c.name), phone: maskPhone(c.phone), email: maskEmail(c.email) };
}

const spendJson = (s: Spend) => ({
  currency: s.currency,
  paidOrders: s.paidOrders,
  paid: formatAmount(s.paid, s.currency),
  refunded: formatAmount(s.refunded, s.currency),
  spend: formatAmount(s.spend, s.currency),
  averageOrder: s.averageOrder === null ? null : formatAmount(s.averageOrder, s.currency),
});

/** The JSON contract of one customer: masked contacts unless --reveal, money as decimal strings per currency. */
export function customerJson(c: CustomerSummary, reveal: boolean) {
  return {
    id: c.id,
    code: customerCode(c.id),
    shop: c.shop,
    platformBuyerId: c.platformBuyerId,
    ...contactOf(c, reveal),
    tags: c.tags,
    note: c.note,
    createdAt: iso(c.createdAt),
    orders: c.orders,
    firstOrderAt: iso(c.firstOrderAt),
    lastOrderAt: iso(c.lastOrderAt),
    spend: c.spend.map(spendJson),
    ...(c.rank !== undefined && { rank: c.rank }),
  };
}

export function customerDetailJson(c: CustomerDetail, reveal: boolean) {
  return {
    ...customerJson(c, reveal),
    recentOrders: c.recentOrders.map((o) => ({
      order: o.platformOrderId,
      status: o.status,
      currency: o.currency,
      total: formatAmount(o.total, o.currency),
      paid: formatAmount(o.paid, o.currency),
      refunded: formatAmount(o.refunded, o.currency),
      placedAt: iso(o.placedAt),
    })),
    tickets: {
      count: c.tickets.count,
      recent: c.tickets.recent.map((t) => ({ id: t.id, subject: t.subject, type: t.type, status: t.status, priority: t.priority, order: t.platformOrderId, openedAt: iso(t.openedAt) })),
    },
    returns: {
      count: c.returns.count,
      recent: c.returns.recent.map((r) => ({
        id: r.id,
        type: r.type,
        status: r.status,
        reason: r.reason,
        order: r.platformOrderId,
        currency: r.currency,
        refundAmount: formatAmount(r.refundAmount, r.currency),
        openedAt: iso(r.openedAt),
      })),
    },
    reviews: {
      count: c.reviews.count,
      recent: c.reviews.recent.map((r) => ({ id: r.id, rating: r.rating, text: r.body, sku: r.sku, order: r.platformOrderId, reviewedAt: iso(r.reviewedAt), repliedAt: iso(r.repliedAt) })),
    },
  };
}

const spendText = (spend: Spend[], pick: (s: Spend) => number | null) =>
  spend
    .map((s) => (pick(s) === null ? null : formatMoney(pick(s)!, s.currency)))
    .filter(Boolean)
    .join(', ');

export function customerListView(ctx: Ctx, customers: CustomerSummary[], reveal: boolean, top: boolean): View {
  return {
    json: { customers: customers.map((c) => customerJson(c, reveal)) },
    blocks: () => [
      {
        kind: 'table',
        columns: [
          ...(top ? [{ key: 'rank', label: ctx.t('customerCol.rank'), align: 'right' as const }] : []),
          { key: 'id', label: ctx.t('col.id') },
          { key: 'shop', label: ctx.t('col.shop') },
          { key: 'name', label: ctx.t('customerCol.name') },
          { key: 'phone', label: ctx.t('customerCol.phone') },
          { key: 'tags', label: ctx.t('customerCol.tags') },
          { key: 'orders', label: ctx.t('customerCol.orders'), align: 'right' },
          { key: 'spend', label: ctx.t('customerCol.spend'), align: 'right' },
          { key: 'last', label: ctx.t('customerCol.lastOrder') },
        ],
        rows: customers.map((c) => {
          const contact = contactOf(c, reveal);
          return {
            rank: c.rank ?? null,
            id: customerCode(c.id),
            shop: c.shop,
            name: contact.name,
            phone: contact.phone,
            tags: c.tags.join(', '),
            orders: c.orders,
            spend: spendText(c.spend, (s) => s.spend),
            last: c.lastOrderAt === null ? '' : formatWallTime(c.lastOrderAt, c.timezone),
          };
        }),
        empty: ctx.t('customer.list.empty'),
      },
    ],
  };
}

/** A code such as a ticket status, in the user's language when we have a word for it. */
function word(ctx: Ctx, namespace: string, code: string): string {
  const key = `${namespace}.${code}` as MessageKey;
  const text = ctx.t(key);
  return text === key ? code : text;
}

export function customerDetailView(ctx: Ctx, c: CustomerDetail, reveal: boolean): View {
  const when = (ms: number | null) => (ms === null ? ctx.t('label.none') : formatWallTime(ms, c.timezone));
  const none = ctx.t('label.none');
  const contact = contactOf(c, reveal);
  const blocks: Block[] = [
    {
      kind: 'fields',
      title: `${customerCode(c.id)} · ${c.shop}`,
      fields: [
        [ctx.t('customerCol.name'), contact.name ?? none],
        [ctx.t('customerCol.phone'), contact.phone ?? none],
        [ctx.t('customerCol.email'), contact.email ?? none],
        [ctx.t('customerCol.buyerId'), c.platformBuyerId ?? none],
        [ctx.t('customerCol.tags'), c.tags.join(', ') || none],
        [ctx.t('customerCol.note'), c.note ?? none],
        [ctx.t('customerCol.since'), when(c.createdAt)],
        [ctx.t('customerCol.orders'), String(c.orders)],
        [ctx.t('customerCol.spend'), spendText(c.spend, (s) => s.spend) || none],
        [ctx.t('customerCol.aov'), spendText(c.spend, (s) => s.averageOrder) || none],
        [ctx.t('customerCol.firstOrder'), when(c.firstOrderAt)],
        [ctx.t('customerCol.lastOrder'), when(c.lastOrderAt)],
        [ctx.t('customerCol.tickets'), String(c.tickets.count)],
        [ctx.t('customerCol.returns'), String(c.returns.count)],
        [ctx.t('customerCol.reviews'), String(c.reviews.count)],
      ],
    },
    {
      kind: 'table',
      title: ctx.t('customer.recentOrders', { shown: c.recentOrders.length, count: c.orders }),
      columns: [
        { key: 'order', label: ctx.t('col.order') },
        { key: 'placed', label: ctx.t('col.placed') },
        { key: 'status', label: ctx.t('col.status') },
        { key: 'total', label: ctx.t('col.total'), align: 'right' },
        { key: 'refunded', label: ctx.t('customerCol.refunded'), align: 'right' },
      ],
      rows: c.recentOrders.map((o) => ({
        order: o.platformOrderId,
        placed: when(o.placedAt),
        status: word(ctx, 'orderStatus', o.status),
        total: formatMoney(o.total, o.currency),
        refunded: o.refunded === 0 ? '' : formatMoney(o.refunded, o.currency),
      })),
      empty: ctx.t('customer.noOrders'),
    },
  ];
  if (c.tickets.count > 0) {
    blocks.push({
      kind: 'table',
      title: ctx.t('customer.recentTickets', { shown: c.tickets.recent.length, count: c.tickets.count }),
      columns: [
        { key: 'id', label: ctx.t('col.id'), align: 'right' },
        { key: 'opened', label: ctx.t('customerCol.opened') },
        { key: 'status', label: ctx.t('col.status') },
        { key: 'order', label: ctx.t('col.order') },
        { key: 'subject', label: ctx.t('customerCol.subject') },
      ],
      rows: c.tickets.recent.map((t) => ({ id: t.id, opened: when(t.openedAt), status: word(ctx, 'customer.ticketStatus', t.status), order: t.platformOrderId, subject: t.subject })),
    });
  }
  if (c.returns.count > 0) {
    blocks.push({
      kind: 'table',
      title: ctx.t('customer.recentReturns', { shown: c.returns.recent.length, count: c.returns.count }),
      columns: [
        { key: 'id', label: ctx.t('col.id'), align: 'right' },
        { key: 'opened', label: ctx.t('customerCol.opened') },
        { key: 'type', label: ctx.t('customerCol.type') },
        { key: 'status', label: ctx.t('col.status') },
        { key: 'order', label: ctx.t('col.order') },
        { key: 'refund', label: ctx.t('customerCol.refund'), align: 'right' },
        { key: 'reason', label: ctx.t('col.reason') },
      ],
      rows: c.returns.recent.map((r) => ({
        id: r.id,
        opened: when(r.openedAt),
        type: word(ctx, 'customer.returnType', r.type),
        status: word(ctx, 'customer.returnStatus', r.status),
        order: r.platformOrderId,
        refund: r.refundAmount === 0 ? '' : formatMoney(r.refundAmount, r.currency),
        reason: r.reason,
      })),
    });
  }
  if (c.reviews.count > 0) {
    blocks.push({
      kind: 'table',
      title: ctx.t('customer.recentReviews', { shown: c.reviews.recent.length, count: c.reviews.count }),
      columns: [
        { key: 'id', label: ctx.t('col.id') },
        { key: 'date', label: ctx.t('col.time') },
        { key: 'rating', label: ctx.t('customerCol.rating') },
        { key: 'sku', label: ctx.t('col.sku') },
        { key: 'text', label: ctx.t('customerCol.text') },
        { key: 'answered', label: ctx.t('customerCol.answered') },
      ],
      rows: c.reviews.recent.map((r) => ({
        id: reviewCode(r.id),
        date: when(r.reviewedAt),
        rating: `${'★'.repeat(r.rating)}${'☆'.repeat(5 - r.rating)}`,
        sku: r.sku,
        text: r.body,
        answered: r.repliedAt === null ? ctx.t('label.no') : ctx.t('label.yes'),
      })),
    });
  }
  return { json: { customer: customerDetailJson(c, reveal) }, blocks };
}

export function customerView(ctx: Ctx, c: CustomerSummary, reveal: boolean): View {
  return { json: { customer: customerJson(c, reveal) }, blocks: customerListView(ctx, [c], reveal, false).blocks };
}
