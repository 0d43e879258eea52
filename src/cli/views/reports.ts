import type { AdsReport } from '../../domain/reports/ads-report.js';
import type { CustomersReport } from '../../domain/reports/customers.js';
import type { InventoryReport } from '../../domain/reports/inventory.js';
import { dayOf, periodDays, type Period } from '../../domain/reports/period.js';
import type { ProductSection, ProductsReport } from '../../domain/reports/products.js';
import { bucketOf, type SalesReport } from '../../domain/reports/sales.js';
import { formatAmount, formatMoney } from '../../domain/money.js';
import type { MessageKey } from '../../i18n/index.js';
import type { Ctx } from '../context.js';
import type { Block, Column, FieldsBlock, View } from '../render/view.js';
import { sparkline } from './sparkline.js';

/** Shown for a division by zero or an unknown value. */
export const DASH = '—';

const amount = (minor: number | null, currency: string) => (minor === null ? null : formatAmount(minor, currency));
const money = (minor: number | null, currency: string) => (minor === null ? DASH : formatMoney(minor, currency));
const pct = (r: number | null) => (r === null ? DASH : `${(Math.round(r * 1000) / 10).toFixed(1)}%`);
const num = (n: number | null, digits = 1) => (n === null ? DASH : n.toFixed(digits));
const periodJson = (p: Pick<Period, 'fromDay' | 'toDay'> & Partial<Pick<Period, 'kind'>>) => ({ ...(p.kind && { kind: p.kind }), from: p.fromDay, to: p.toDay });

function cols(ctx: Ctx, spec: [key: string, label: MessageKey, align?: 'right'][]): Column[] {
  return spec.map(([key, label, align]) => ({ key, label: ctx.t(label), ...(align && { align }) }));
}

function periodBlock(ctx: Ctx, p: Pick<Period, 'fromDay' | 'toDay'>, label: MessageKey = 'rpt.label.period', extra: [string, string][] = []): FieldsBlock {
  return { kind: 'fields', fields: [[ctx.t(label), ctx.t('rpt.period', { from: p.fromDay, to: p.toDay })], ...extra] };
}

export function salesView(ctx: Ctx, r: SalesReport): View {
  return {
    json: {
      period: periodJson(r.period),
      by: r.by,
      sales: r.rows.map((s) => ({
        bucket: s.bucket,
        shop: s.shop,
        platform: s.platform,
        currency: s.currency,
        orders: s.orders,
        units: s.units,
        gmv: amount(s.gmv, s.currency),
        refunds: amount(s.refunds, s.currency),
        net: amount(s.net, s.currency),
        aov: amount(s.aov, s.currency),
      })),
      totals: r.totals.map((t) => ({ currency: t.currency, orders: t.orders, units: t.units, gmv: amount(t.gmv, t.currency), refunds: amount(t.refunds, t.currency), net: amount(t.net, t.currency), aov: amount(t.aov, t.currency) })),
    },
    blocks: () => [
      periodBlock(
        ctx,
        r.period,
        'rpt.label.period',
        [
          ...r.totals.map((t): [string, string] => [
            ctx.t('rpt.label.total', { currency: t.currency }),
            ctx.t('rpt.salesTotal', { orders: t.orders, units: t.units, gmv: money(t.gmv, t.currency), refunds: money(t.refunds, t.currency), net: money(t.net, t.currency), aov: money(t.aov, t.currency) }),
          ]),
          ...salesTrends(ctx, r),
        ],
      ),
      {
        kind: 'table',
        title: ctx.t('rpt.title.sales'),
        columns: cols(ctx, [
          ['bucket', 'rpt.col.bucket'],
          ['shop', 'rpt.col.shop'],
          ['platform', 'rpt.col.platform'],
          ['orders', 'rpt.col.orders', 'right'],
          ['units', 'rpt.col.units', 'right'],
          ['gmv', 'rpt.col.gmv', 'right'],
          ['refunds', 'rpt.col.refunds', 'right'],
          ['net', 'rpt.col.net', 'right'],
          ['aov', 'rpt.col.aov', 'right'],
        ]),
        rows: r.rows.map((s) => ({
          bucket: s.bucket,
          shop: s.shop,
          platform: s.platform,
          orders: s.orders,
          units: s.units,
          gmv: money(s.gmv, s.currency),
          refunds: money(s.refunds, s.currency),
          net: money(s.net, s.currency),
          aov: money(s.aov, s.currency),
        })),
        empty: ctx.t('rpt.empty'),
      },
    ],
  };
}

/** Net sales per day (every day of the period), week or month as a sparkline, one per currency, when there are two or more. */
function salesTrends(ctx: Ctx, r: SalesReport): [string, string][] {
  // Every bucket of the period, a week or month without sales too (a gap in the line is a zero, not left out).
  const buckets = [...new Set(periodDays(r.period).map((day) => bucketOf(day, r.by)))];
  if (buckets.length < 2) return [];
  return r.totals.map((t) => {
    const net = new Map<string, number>();
    for (const s of r.rows) if (s.currency === t.currency) net.set(s.bucket, (net.get(s.bucket) ?? 0) + s.net);
    const values = buckets.map((b) => net.get(b) ?? 0);
    return [ctx.t('rpt.label.trend', { currency: t.currency }), `${sparkline(values)}  ${buckets[0]} … ${buckets.at(-1)}`];
  });
}

export function productsView(ctx: Ctx, r: ProductsReport): View {
  const has = (s: ProductSection) => r.sections.includes(s);
  const json: Record<string, unknown> = { period: periodJson(r.period) };
  if (has('bestsellers')) json.bestsellers = r.bestsellers.map((s) => ({ sku: s.sku, title: s.title, currency: s.currency, units: s.units, revenue: amount(s.revenue, s.currency) }));
  if (has('slow'))
    json.slow = {
      days: r.slowDays,
      skus: r.slow.map((s) => ({ sku: s.sku, title: s.title, onHand: s.onHand, currency: s.currency, stockValue: amount(s.stockValue, s.currency), lastSoldAt: s.lastSoldAt === null ? null : new Date(s.lastSoldAt).toISOString() })),
    };
  if (has('abc')) json.abc = r.abc.map((s) => ({ sku: s.sku, title: s.title, currency: s.currency, units: s.units, revenue: amount(s.revenue, s.currency), share: s.share, cumulativeShare: s.cumulativeShare, class: s.abcClass }));
  if (has('margin'))
    json.margin = r.margin.map((s) => ({ sku: s.sku, title: s.title, currency: s.currency, units: s.units, revenue: amount(s.revenue, s.currency), cost: amount(s.cost, s.currency), margin: amount(s.margin, s.currency), marginRate: s.marginRate }));

  const blocks = (): Block[] => {
    const out: Block[] = [periodBlock(ctx, r.period)];
    if (has('bestsellers'))
      out.push({
        kind: 'table',
        title: ctx.t('rpt.title.bestsellers'),
        columns: cols(ctx, [['sku', 'rpt.col.sku'], ['title', 'rpt.col.title'], ['units', 'rpt.col.units', 'right'], ['revenue', 'rpt.col.revenue', 'right']]),
        rows: r.bestsellers.map((s) => ({ sku: s.sku, title: s.title, units: s.units, revenue: money(s.revenue, s.currency) })),
        empty: ctx.t('rpt.empty'),
      });
    if (has('slow'))
      out.push({
        kind: 'table',
        title: ctx.t('rpt.title.slow', { days: r.slowDays }),
        columns: cols(ctx, [['sku', 'rpt.col.sku'], ['title', 'rpt.col.title'], ['onHand', 'rpt.col.onHand', 'right'], ['stockValue', 'rpt.col.stockValue', 'right'], ['lastSold', 'rpt.col.lastSold']]),
        rows: r.slow.map((s) => ({ sku: s.sku, title: s.title, onHand: s.onHand, stockValue: money(s.stockValue, s.currency), lastSold: s.lastSoldAt === null ? DASH : dayOf(s.lastSoldAt, s.lastSoldZone ?? r.zone) })),
        empty: ctx.t('rpt.empty'),
      });
    if (has('abc'))
      out.push({
        kind: 'table',
        title: ctx.t('rpt.title.abc'),
        columns: cols(ctx, [['sku', 'rpt.col.sku'], ['title', 'rpt.col.title'], ['revenue', 'rpt.col.revenue', 'right'], ['share', 'rpt.col.share', 'right'], ['cumulative', 'rpt.col.cumulative', 'right'], ['class', 'rpt.col.class']]),
        rows: r.abc.map((s) => ({ sku: s.sku, title: s.title, revenue: money(s.revenue, s.currency), share: pct(s.share), cumulative: pct(s.cumulativeShare), class: s.abcClass })),
        empty: ctx.t('rpt.empty'),
      });
    if (has('margin'))
      out.push({
        kind: 'table',
        title: ctx.t('rpt.title.margin'),
        columns: cols(ctx, [['sku', 'rpt.col.sku'], ['title', 'rpt.col.title'], ['units', 'rpt.col.units', 'right'], ['revenue', 'rpt.col.revenue', 'right'], ['cost', 'rpt.col.cost', 'right'], ['margin', 'rpt.col.margin', 'right'], ['marginRate', 'rpt.col.marginRate', 'right']]),
        rows: r.margin.map((s) => ({ sku: s.sku, title: s.title, units: s.units, revenue: money(s.revenue, s.currency), cost: money(s.cost, s.currency), margin: money(s.margin, s.currency), marginRate: pct(s.marginRate) })),
        empty: ctx.t('rpt.empty'),
      });
    return out;
  };
  return { json, blocks };
}

export function inventoryView(ctx: Ctx, r: InventoryReport): View {
  return {
    json: {
      window: periodJson(r.window),
      days: r.days,
      inventory: r.rows.map((s) => ({ ...s })),
    },
    blocks: () => [
      periodBlock(ctx, r.window, 'rpt.label.window'),
      {
        kind: 'table',
        title: ctx.t('rpt.title.inventory'),
        columns: cols(ctx, [
          ['sku', 'rpt.col.sku'],
          ['title', 'rpt.col.title'],
          ['onHand', 'rpt.col.onHand', 'right'],
          ['reserved', 'rpt.col.reserved', 'right'],
          ['available', 'rpt.col.available', 'right'],
          ['sold', 'rpt.col.sold', 'right'],
          ['daily', 'rpt.col.daily', 'right'],
          ['cover', 'rpt.col.cover', 'right'],
          ['reorderPoint', 'rpt.col.reorderPoint', 'right'],
          ['leadTime', 'rpt.col.leadTime', 'right'],
          ['reorder', 'rpt.col.reorder', 'right'],
        ]),
        rows: r.rows.map((s) => ({
          sku: s.sku,
          title: s.title,
          onHand: s.onHand,
          reserved: s.reserved,
          available: s.available,
          sold: s.unitsSold,
          daily: num(s.dailySales, 2),
          cover: num(s.daysOfCover),
          reorderPoint: s.reorderPoint ?? DASH,
          leadTime: s.leadTimeDays ?? DASH,
          reorder: s.reorder ? s.suggestedQuantity : '',
        })),
        empty: ctx.t('rpt.empty'),
      },
    ],
  };
}

export type CustomerSection = 'buyers' | 'segments';
export const CUSTOMER_SECTIONS: readonly CustomerSection[] = ['buyers', 'segments'];

export function customersView(ctx: Ctx, r: CustomersReport, sections: readonly CustomerSection[]): View {
  const json: Record<string, unknown> = { period: periodJson(r.period) };
  if (sections.includes('buyers'))
    json.buyers = r.buyers.map((b) => ({ ...b, newSpend: amount(b.newSpend, b.currency), returningSpend: amount(b.returningSpend, b.currency) }));
  if (sections.includes('segments')) json.segments = r.segments.map((s) => ({ ...s, spend: amount(s.spend, s.currency) }));
  const blocks = (): Block[] => {
    const out: Block[] = [periodBlock(ctx, r.period)];
    if (sections.includes('buyers'))
      out.push({
        kind: 'table',
        title: ctx.t('rpt.title.buyers'),
        columns: cols(ctx, [
          ['shop', 'rpt.col.shop'],
          ['buyers', 'rpt.col.buyers', 'right'],
          ['new', 'rpt.col.new', 'right'],
          ['returning', 'rpt.col.returning', 'right'],
          ['newSpend', 'rpt.col.newSpend', 'right'],
          ['returningSpend', 'rpt.col.returningSpend', 'right'],
        ]),
        rows: r.buyers.map((b) => ({ shop: b.shop, buyers: b.buyers, new: b.newBuyers, returning: b.returningBuyers, newSpend: money(b.newSpend, b.currency), returningSpend: money(b.returningSpend, b.currency) })),
        empty: ctx.t('rpt.empty'),
      });
    if (sections.includes('segments'))
      out.push({
        kind: 'table',
        title: ctx.t('rpt.title.segments'),
        columns: cols(ctx, [['segment', 'rpt.col.segment'], ['customers', 'rpt.col.customers', 'right'], ['spend', 'rpt.col.paid', 'right']]),
        rows: r.segments.map((s) => ({ segment: ctx.t(`rpt.segment.${s.segment}`), customers: s.customers, spend: money(s.spend, s.currency) })),
        empty: ctx.t('rpt.empty'),
      });
    return out;
  };
  return { json, blocks };
}

export function adsView(ctx: Ctx, r: AdsReport): View {
  const rowJson = (a: AdsReport['totals'][number]) => ({
    currency: a.currency,
    spend: amount(a.spend, a.currency),
    impressions: a.impressions,
    clicks: a.clicks,
    ctr: a.ctr,
    cpc: amount(a.cpc, a.currency),
    orders: a.orders,
    revenue: amount(a.revenue, a.currency),
    roas: a.roas,
  });
  return {
    json: { period: periodJson(r.period), ads: r.rows.map((a) => ({ shop: a.shop, channel: a.channel, campaign: a.campaign, ...rowJson(a) })), totals: r.totals.map(rowJson) },
    blocks: () => [
      periodBlock(
        ctx,
        r.period,
        'rpt.label.period',
        r.totals.map((t) => [
          ctx.t('rpt.label.total', { currency: t.currency }),
          ctx.t('rpt.adsTotal', { spend: money(t.spend, t.currency), clicks: t.clicks ?? DASH, orders: t.orders ?? DASH, revenue: money(t.revenue, t.currency), roas: num(t.roas, 2) }),
        ]),
      ),
      {
        kind: 'table',
        title: ctx.t('rpt.title.ads'),
        columns: cols(ctx, [
          ['shop', 'rpt.col.shop'],
          ['channel', 'rpt.col.channel'],
          ['campaign', 'rpt.col.campaign'],
          ['spend', 'rpt.col.spend', 'right'],
          ['impressions', 'rpt.col.impressions', 'right'],
          ['clicks', 'rpt.col.clicks', 'right'],
          ['ctr', 'rpt.col.ctr', 'right'],
          ['cpc', 'rpt.col.cpc', 'right'],
          ['orders', 'rpt.col.orders', 'right'],
          ['revenue', 'rpt.col.revenue', 'right'],
          ['roas', 'rpt.col.roas', 'right'],
        ]),
        rows: r.rows.map((a) => ({
          shop: a.shop,
          // People read the channel's name, as ads list shows it; JSON keeps the code.
          channel: ctx.t(`adChannel.${a.channel}` as MessageKey),
          campaign: a.campaign,
          spend: money(a.spend, a.currency),
          impressions: a.impressions ?? DASH,
          clicks: a.clicks ?? DASH,
          ctr: pct(a.ctr),
          cpc: money(a.cpc, a.currency),
          orders: a.orders ?? DASH,
          revenue: money(a.revenue, a.currency),
          roas: num(a.roas, 2),
        })),
        empty: ctx.t('rpt.empty'),
      },
    ],
  };
}
