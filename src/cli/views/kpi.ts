import { formatAmount, formatMoney } from '../../domain/money.js';
import { CONVENTIONS } from '../../domain/reports/kpi-definitions.js';
import type { Finding } from '../../domain/reports/kpi-rules.js';
import { METRICS, type KpiReport, type KpiSection, type Metric } from '../../domain/reports/kpi.js';
import { displayWidth, padEnd } from '../../domain/text/width.js';
import type { Translate } from '../../i18n/index.js';
import { markdownCell } from '../render/markdown-cell.js';
import type { Block, Cell, View } from '../render/view.js';
import { sparkline } from './sparkline.js';

const DASH = '—';
const round = (v: number | null, digits = 6) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

/** A metric's value for people: money with its symbol, rates in %, "—" for a division by zero. */
export function formatMetricValue(m: Pick<Metric, 'kind'>, v: number | null, currency: string): string {
  if (v === null || !Number.isFinite(v)) return DASH;
  switch (m.kind) {
    case 'count':
      return String(v);
    case 'money':
      return formatMoney(v, currency);
    case 'ratio':
      return `${(v * 100).toFixed(2)}%`;
    case 'multiple':
    case 'rating':
      return v.toFixed(2);
  }
}

const signed = (v: number, text: string) => `${v > 0 ? '+' : v < 0 ? '' : '±'}${text}`;

/** Counts and money: relative change in %; rates: the difference in percentage points; ratings and ROAS: the difference. */
export function formatChange(t: Translate, m: Metric): string {
  if (m.kind === 'ratio') return m.delta === null ? DASH : signed(m.delta, t('kpi.points', { value: (m.delta * 100).toFixed(2) }));
  if (m.kind === 'rating' || m.kind === 'multiple') return m.delta === null ? DASH : signed(m.delta, m.delta.toFixed(2));
  return m.change === null || !Number.isFinite(m.change) ? DASH : signed(m.change, `${(m.change * 100).toFixed(1)}%`);
}

const sectionTitle = (t: Translate, s: KpiSection) => s.shop ?? t('kpi.total', { currency: s.currency, shops: s.shops.join(', ') });

function jsonValue(m: Pick<Metric, 'kind'>, v: number | null, currency: string): string | number | null {
  if (v === null || !Number.isFinite(v)) return null;
  return m.kind === 'money' ? formatAmount(v, currency) : m.kind === 'count' ? v : round(v);
}

/** The JSON contract: stable English keys; money as exact decimal strings in the section's currency; null for "—". */
export function kpiJson(report: KpiReport) {
  const section = (s: KpiSection) => ({
    shop: s.shop,
    shops: s.shops,
    currency: s.currency,
    timeZone: s.zone,
    from: s.range === null ? null : new Date(s.range.from).toISOString(),
    until: s.range === null ? null : new Date(s.range.until).toISOString(),
    metrics: Object.fromEntries(
      s.metrics.map((m) => [
        m.key,
        {
          value: jsonValue(m, m.value, s.currency),
          previous: jsonValue(m, m.previous, s.currency),
          delta: m.kind === 'money' ? jsonValue(m, m.delta, s.currency) : m.kind === 'count' ? m.delta : round(m.delta),
          change: round(m.change),
        },
      ]),
    ),
    trend: s.trend.map((p) => ({ day: p.day, gmv: formatAmount(p.gmv, s.currency), visitors: p.visitors, payingBuyers: p.payingBuyers, conversionRate: round(p.conversionRate) })),
    topProducts: s.topProducts.map((p) => ({ sku: p.sku, title: p.title, units: p.units, amount: formatAmount(p.amount, s.currency), buyers: p.buyers, visitors: p.visitors })),
    channels: s.channels.map((c) => ({
      channel: c.channel,
      spend: formatAmount(c.spend, s.currency),
      revenue: c.revenue === null ? null : formatAmount(c.revenue, s.currency),
      impressions: c.impressions,
      clicks: c.clicks,
      roas: round(c.roas),
      ctr: round(c.ctr),
      cpc: c.cpc === null ? null : formatAmount(c.cpc, s.currency),
    })),
    otherCurrencies: s.otherCurrencies.map((o) => ({ currency: o.currency, what: o.what, amount: formatAmount(o.amount, o.currency) })),
  });
  return {
    period: { kind: report.period.kind, from: report.period.fromDay, to: report.period.toDay },
    compare: { kind: report.compare, from: report.comparePeriod.fromDay, to: report.comparePeriod.toDay },
    generatedAt: new Date(report.generatedAt).toISOString(),
    shops: report.shops.map(section),
    totals: report.totals.map(section),
    attention: report.attention.map((f) => ({ rule: f.rule, shop: f.shop, subject: f.subject, numbers: jsonNumbers(f) })),
  };
}

/** A finding's numbers that are money, in minor units of `numbers.currency`. */
const MONEY_KEYS = new Set(['spend', 'revenue', 'tiedUp']);

/** Money as exact decimal strings, as everywhere in the JSON. */
function jsonNumbers(f: Finding): Record<string, string | number> {
  const currency = String(f.numbers.currency ?? '');
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(f.numbers)) out[k] = MONEY_KEYS.has(k) && typeof v === 'number' && currency ? formatAmount(v, currency) : v;
  return out;
}

/** One finding as a sentence with its numbers. */
export function findingText(t: Translate, f: Finding): string {
  const currency = String(f.numbers.currency ?? '');
  const params: Record<string, string | number> = { shop: f.shop ?? '', subject: f.subject };
  for (const [k, v] of Object.entries(f.numbers)) params[k] = MONEY_KEYS.has(k) && typeof v === 'number' && currency ? formatMoney(v, currency) : v;
  return t(`kpi.rule.${f.rule}`, params);
}

export function reportTitle(t: Translate, r: KpiReport): string {
  return r.period.fromDay === r.period.toDay ? t('kpi.titleDay', { from: r.period.fromDay }) : t('kpi.title', { from: r.period.fromDay, to: r.period.toDay });
}

export function compareLine(t: Translate, r: KpiReport): string {
  return t('kpi.compareWith', { from: r.comparePeriod.fromDay, to: r.comparePeriod.toDay, compare: t(`kpi.compare.${r.compare}`) });
}

function otherLines(t: Translate, s: KpiSection): string[] {
  return s.otherCurrencies.map((o) => `${sectionTitle(t, s)}: ${t('kpi.otherCurrency', { what: t(`kpi.m.${o.what}`), amount: formatMoney(o.amount, o.currency) })}`);
}

function trendLines(t: Translate, s: KpiSection): string[] {
  const first = s.trend[0]?.day ?? '';
  const last = s.trend.at(-1)?.day ?? '';
  // Labels padded to one width, so that a day's marks stand in one column down the rows.
  const labels = [t('kpi.trend.gmv'), t('kpi.trend.visitors'), t('kpi.trend.conversion')];
  const width = Math.max(...labels.map(displayWidth));
  const [gmv, visitors, conversion] = labels.map((l) => padEnd(l, width));
  return [
    `${sectionTitle(t, s)} — ${t('kpi.trend', { from: first, to: last })}`,
    `  ${gmv}  ${sparkline(s.trend.map((p) => p.gmv))}  ${formatMoney(s.trend.reduce((a, p) => a + p.gmv, 0), s.currency)}`,
    `  ${visitors}  ${sparkline(s.trend.map((p) => p.visitors))}`,
    `  ${conversion}  ${sparkline(s.trend.map((p) => p.conversionRate))}`,
  ];
}

export function kpiRows(t: Translate, report: KpiReport): Record<string, Cell>[] {
  const rows: Record<string, Cell>[] = [];
  for (const s of [...report.shops, ...report.totals]) {
    for (const m of s.metrics) {
      rows.push({ shop: sectionTitle(t, s), metric: t(`kpi.m.${m.key}`), value: formatMetricValue(m, m.value, s.currency), previous: formatMetricValue(m, m.previous, s.currency), change: formatChange(t, m) });
    }
  }
  return rows;
}

export function kpiView(t: Translate, report: KpiReport, documents: View['documents']): View {
  return {
    json: () => kpiJson(report),
    blocks: () => {
      const blocks: Block[] = [{ kind: 'text', text: `${reportTitle(t, report)} · ${compareLine(t, report)}` }];
      blocks.push({
        kind: 'table',
        columns: [
          { key: 'shop', label: t('kpi.col.shop') },
          { key: 'metric', label: t('kpi.col.metric') },
          { key: 'value', label: t('kpi.col.value'), align: 'right' },
          { key: 'previous', label: t('kpi.col.previous'), align: 'right' },
          { key: 'change', label: t('kpi.col.change'), align: 'right' },
        ],
        rows: kpiRows(t, report),
        empty: t('kpi.noShops'),
      });
      const extra = [...report.shops, ...report.totals].flatMap((s) => [...trendLines(t, s), ...otherLines(t, s)]);
      if (extra.length > 0) blocks.push({ kind: 'text', text: extra.join('\n') });
      const attention = report.attention.map((f) => `• ${findingText(t, f)}`);
      blocks.push({ kind: 'text', text: `${t('kpi.attention')}\n${attention.length === 0 ? `  ${t('kpi.attention.none')}` : attention.join('\n')}` });
      return blocks;
    },
    documents,
  };
}

const mdCell = (s: string) => markdownCell(s.replace(/\r\n|\r|\n/g, ' '));

/** The Markdown document (--format md, report daily). */
export function kpiMarkdown(t: Translate, report: KpiReport): string {
  const out = [`# ${reportTitle(t, report)}`, '', compareLine(t, report), ''];
  if (report.shops.length === 0) out.push(t('kpi.noShops'), '');
  for (const s of [...report.shops, ...report.totals]) {
    out.push(`## ${mdCell(sectionTitle(t, s))}`, '');
    out.push(`| ${t('kpi.col.metric')} | ${t('kpi.col.value')} | ${t('kpi.col.previous')} | ${t('kpi.col.change')} |`, '|---|--:|--:|--:|');
    for (const m of s.metrics) out.push(`| ${t(`kpi.m.${m.key}`)} | ${formatMetricValue(m, m.value, s.currency)} | ${formatMetricValue(m, m.previous, s.currency)} | ${formatChange(t, m)} |`);
    out.push('', ...trendLines(t, s).map((l, i) => (i === 0 ? `**${mdCell(l)}**` : `- ${l.trim()}`)), '');
    for (const l of otherLines(t, s)) out.push(`> ${mdCell(l)}`, '');
    if (s.topProducts.length > 0) {
      out.push(`### ${t('kpi.chart.products')}`, '', `| ${t('kpi.col.sku')} | ${t('kpi.col.product')} | ${t('kpi.col.units')} | ${t('kpi.col.amount')} | ${t('kpi.col.buyers')} | ${t('kpi.col.visitors')} |`, '|---|---|--:|--:|--:|--:|');
      for (const p of s.topProducts) out.push(`| ${mdCell(p.sku)} | ${mdCell(p.title)} | ${p.units} | ${formatMoney(p.amount, s.currency)} | ${p.buyers} | ${p.visitors ?? DASH} |`);
      out.push('');
    }
  }
  out.push(`## ${t('kpi.attention')}`, '');
  if (report.attention.length === 0) out.push(t('kpi.attention.none'));
  for (const f of report.attention) out.push(`- ${mdCell(findingText(t, f))}`);
  return `${out.join('\n')}\n`;
}

/** `report kpi --explain`: every definition with its convention. */
export function explainView(t: Translate): View {
  const rows = METRICS.map(([key]) => ({ key, metric: t(`kpi.m.${key}`), convention: t(`kpi.explain.${CONVENTIONS[key]}`), definition: t(`kpi.d.${key}`) }));
  return {
    json: { definitions: rows.map((r) => ({ key: r.key, convention: CONVENTIONS[r.key], definition: r.definition })) },
    blocks: [
      {
        kind: 'table',
        title: t('kpi.explain.title'),
        columns: [
          { key: 'metric', label: t('kpi.col.metric') },
          { key: 'convention', label: t('kpi.explain.convention') },
          { key: 'definition', label: t('kpi.explain.definition') },
        ],
        rows,
      },
    ],
  };
}
