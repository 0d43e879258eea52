import { formatMoney } from '../../domain/money.js';
import { fitWidth } from '../../domain/text/width.js';
import type { KpiReport, KpiSection, TrendPoint } from '../../domain/reports/kpi.js';
import type { Translate } from '../../i18n/index.js';
import { compareLine, findingText, formatChange, formatMetricValue, reportTitle } from './kpi.js';

/**
 * One self-contained HTML file: inline CSS, inline SVG charts, no scripts and no external assets, so it reads
 * the same in a browser and in a mail client. SVGs carry width/height attributes (mail clients ignore CSS sizes).
 */

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (v: number) => (Math.round(v * 10) / 10).toString();

const W = 640;
const H = 220;
// The top pad holds the legends, above the bars and the line rather than over them.
const PAD = { left: 56, right: 48, top: 30, bottom: 28 };

function svgOpen(title: string, height = H): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" role="img" aria-label="${esc(title)}" style="max-width:100%;height:auto;background:#fff;font-family:sans-serif;font-size:11px"><title>${esc(title)}</title>`;
}

function noData(t: Translate, title: string): string {
  return `${svgOpen(title, 60)}<text x="${W / 2}" y="34" text-anchor="middle" fill="#888">${esc(t('kpi.chart.noData'))}</text></svg>`;
}

function axisLabels(points: TrendPoint[], x: (i: number) => number): string {
  const step = Math.max(1, Math.ceil(points.length / 7));
  return points
    .map((p, i) => (i % step === 0 || i === points.length - 1 ? `<text x="${n(x(i))}" y="${H - 8}" text-anchor="middle" fill="#555">${esc(p.day.slice(5))}</text>` : ''))
    .join('');
}

/** GMV per day as bars. */
export function salesChart(t: Translate, s: KpiSection): string {
  const title = t('kpi.chart.sales');
  const pts = s.trend;
  const max = Math.max(0, ...pts.map((p) => p.gmv));
  if (pts.length === 0 || max === 0) return noData(t, title);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const bw = plotW / pts.length;
  const x = (i: number) => PAD.left + bw * i + bw / 2;
  const bars = pts
    .map((p, i) => {
      const h = (p.gmv / max) * plotH;
      return `<rect class="bar" x="${n(PAD.left + bw * i + bw * 0.15)}" y="${n(PAD.top + plotH - h)}" width="${n(bw * 0.7)}" height="${n(h)}" fill="#2f6fb3"><title>${esc(`${p.day} ${formatMoney(p.gmv, s.currency)}`)}</title></rect>`;
    })
    .join('');
  return `${svgOpen(title)}<line x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${W - PAD.right}" y2="${PAD.top + plotH}" stroke="#999"/><text x="${PAD.left - 4}" y="${PAD.top + 8}" text-anchor="end" fill="#555">${esc(formatMoney(max, s.currency))}</text>${bars}${axisLabels(pts, x)}</svg>`;
}

/** Visitors per day as bars, the conversion rate as a line on its own scale. */
export function trafficChart(t: Translate, s: KpiSection): string {
  const title = t('kpi.chart.traffic');
  const pts = s.trend;
  const maxV = Math.max(0, ...pts.map((p) => p.visitors));
  if (pts.length === 0 || maxV === 0) return noData(t, title);
  const rates = pts.map((p) => p.conversionRate);
  const maxR = Math.max(0, ...rates.filter((r): r is number => r !== null));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const bw = plotW / pts.length;
  const x = (i: number) => PAD.left + bw * i + bw / 2;
  const bars = pts
    .map((p, i) => {
      const h = (p.visitors / maxV) * plotH;
      return `<rect class="bar" x="${n(PAD.left + bw * i + bw * 0.15)}" y="${n(PAD.top + plotH - h)}" width="${n(bw * 0.7)}" height="${n(h)}" fill="#9cc3e6"><title>${esc(`${p.day} ${p.visitors}`)}</title></rect>`;
    })
    .join('');
  const points = rates.flatMap((r, i) => (r === null || maxR === 0 ? [] : [{ x: n(x(i)), y: n(PAD.top + plotH - (r / maxR) * plotH) }]));
  // A dot on every day that has a rate: a line through one point draws nothing.
  const poly = points.length < 2 ? '' : `<polyline points="${points.map((p) => `${p.x},${p.y}`).join(' ')}" fill="none" stroke="#d9534f" stroke-width="2"/>`;
  const dots = points.map((p) => `<circle cx="${p.x}" cy="${p.y}" r="2.5" fill="#d9534f"/>`).join('');
  const legend = `<text x="${PAD.left}" y="${PAD.top - 10}" fill="#2f6fb3">${esc(`${t('kpi.trend.visitors')} ≤ ${maxV}`)}</text><text x="${W - PAD.right}" y="${PAD.top - 10}" text-anchor="end" fill="#d9534f">${esc(`${t('kpi.trend.conversion')} ≤ ${(maxR * 100).toFixed(2)}%`)}</text>`;
  return `${svgOpen(title)}<line x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${W - PAD.right}" y2="${PAD.top + plotH}" stroke="#999"/>${bars}${poly}${dots}${legend}${axisLabels(pts, x)}</svg>`;
}

/** About as many columns as the label column holds at 11 px; a Chinese character takes two. */
const LABEL_WIDTH = 32;

/** Top products by amount as horizontal bars. */
export function productsChart(t: Translate, s: KpiSection): string {
  const title = t('kpi.chart.products');
  const items = s.topProducts.filter((p) => p.amount > 0);
  if (items.length === 0) return noData(t, title);
  const rowH = 24;
  const height = items.length * rowH + 16;
  const labelW = 200;
  const plotW = W - labelW - 110;
  const max = Math.max(...items.map((p) => p.amount));
  const rows = items
    .map((p, i) => {
      const y = 8 + i * rowH;
      const w = Math.max(1, (p.amount / max) * plotW);
      const label = fitWidth(`${p.sku} ${p.title}`, LABEL_WIDTH);
      return `<text x="${labelW - 6}" y="${y + 15}" text-anchor="end" fill="#333">${esc(label)}</text><rect class="bar" x="${labelW}" y="${y + 3}" width="${n(w)}" height="${rowH - 8}" fill="#5cb85c"/><text x="${n(labelW + w + 6)}" y="${y + 15}" fill="#333">${esc(formatMoney(p.amount, s.currency))}</text>`;
    })
    .join('');
  return `${svgOpen(title, height)}${rows}</svg>`;
}

const CSS = `body{font-family:-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;color:#222;max-width:720px;margin:16px auto;padding:0 12px}
table{border-collapse:collapse;width:100%;margin:8px 0 16px}th,td{border-bottom:1px solid #e3e3e3;padding:4px 6px;text-align:left}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}h1{font-size:20px}h2{font-size:17px;margin-top:28px}h3{font-size:14px;color:#444}
.muted{color:#666;font-size:13px}.up{color:#2a7d2a}.down{color:#b52b27}li{margin:4px 0}`;

/** Figures where a fall is good news: coloured green when they go down. */
const LOWER_IS_BETTER = new Set(['bounceRate', 'refunds', 'cpc', 'slaBreaches', 'returnRate']);

function section(t: Translate, s: KpiSection): string {
  const title = s.shop ?? t('kpi.total', { currency: s.currency, shops: s.shops.join(', ') });
  const rows = s.metrics
    .map((m) => {
      const change = formatChange(t, m);
      const better = LOWER_IS_BETTER.has(m.key) ? change.startsWith('-') : change.startsWith('+');
      const worse = LOWER_IS_BETTER.has(m.key) ? change.startsWith('+') : change.startsWith('-');
      const cls = better ? 'up' : worse ? 'down' : '';
      return `<tr><td>${esc(t(`kpi.m.${m.key}`))}</td><td class="n">${esc(formatMetricValue(m, m.value, s.currency))}</td><td class="n">${esc(formatMetricValue(m, m.previous, s.currency))}</td><td class="n ${cls}">${esc(change)}</td></tr>`;
    })
    .join('\n');
  const other = s.otherCurrencies.map((o) => `<p class="muted">${esc(t('kpi.otherCurrency', { what: t(`kpi.m.${o.what}`), amount: formatMoney(o.amount, o.currency) }))}</p>`).join('');
  return `<h2>${esc(title)}</h2>
<table><thead><tr><th>${esc(t('kpi.col.metric'))}</th><th class="n">${esc(t('kpi.col.value'))}</th><th class="n">${esc(t('kpi.col.previous'))}</th><th class="n">${esc(t('kpi.col.change'))}</th></tr></thead>
<tbody>
${rows}
</tbody></table>${other}
<h3>${esc(t('kpi.chart.sales'))}</h3>
${salesChart(t, s)}
<h3>${esc(t('kpi.chart.traffic'))}</h3>
${trafficChart(t, s)}
<h3>${esc(t('kpi.chart.products'))}</h3>
${productsChart(t, s)}`;
}

export function kpiHtml(t: Translate, report: KpiReport, lang: string): string {
  const title = reportTitle(t, report);
  const attention = report.attention.length === 0 ? `<p>${esc(t('kpi.attention.none'))}</p>` : `<ul>${report.attention.map((f) => `<li>${esc(findingText(t, f))}</li>`).join('')}</ul>`;
  const body = report.shops.length === 0 ? `<p>${esc(t('kpi.noShops'))}</p>` : [...report.shops, ...report.totals].map((s) => section(t, s)).join('\n');
  return `<!DOCTYPE html>
<html lang="${esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p class="muted">${esc(compareLine(t, report))}</p>
${body}
<h2>${esc(t('kpi.attention'))}</h2>
${attention}
</body>
</html>
`;
}
