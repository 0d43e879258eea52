import { describe, expect, it } from 'vitest';
import type { KpiSection, TrendPoint } from '../../src/domain/reports/kpi.js';
import { productsChart, trafficChart } from '../../src/cli/views/kpi-html.js';
import { fitWidth } from '../../src/domain/text/width.js';
import { en } from '../../src/i18n/en.js';
import { translator } from '../../src/i18n/index.js';

const t = translator(en);
const point = (day: string, visitors: number, payingBuyers: number): TrendPoint => ({ day, gmv: 0, visitors, payingBuyers, conversionRate: visitors === 0 ? null : payingBuyers / visitors });
const section = (trend: TrendPoint[], topProducts: KpiSection['topProducts'] = []) => ({ trend, topProducts, currency: 'CNY' }) as unknown as KpiSection;

describe('the KPI report charts', () => {
  it('marks a conversion rate even on the one day that has one, and keeps the legends above the plot', () => {
    const svg = trafficChart(t, section([point('2026-11-24', 0, 0), point('2026-11-25', 10, 1)]));
    expect(svg).not.toContain('<polyline');
    expect(svg.match(/<circle /g)).toHaveLength(1);
    const legendY = [...svg.matchAll(/<text x="[\d.]+" y="([\d.]+)"[^>]*fill="#(?:2f6fb3|d9534f)"/g)].map((m) => Number(m[1]));
    const barTops = [...svg.matchAll(/<rect class="bar" x="[\d.]+" y="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(legendY).toHaveLength(2);
    expect(Math.max(...legendY)).toBeLessThan(Math.min(...barTops) - 6);
    const two = trafficChart(t, section([point('2026-11-24', 20, 1), point('2026-11-25', 10, 1)]));
    expect(two.match(/<circle /g)).toHaveLength(2);
    expect(two).toContain('<polyline points="');
  });

  it('cuts a long product label to the width of its column, a Chinese character counting two, and says where', () => {
    expect(fitWidth('KETTLE Electric gooseneck kettle', 32)).toBe('KETTLE Electric gooseneck kettle');
    expect(fitWidth('KETTLE Electric gooseneck kettle, 1.2 litre', 32)).toBe('KETTLE Electric gooseneck kettl…');
    expect(fitWidth('LONG 超长的商品标题超长的商品标题超长的商品标题', 32)).toBe('LONG 超长的商品标题超长的商品标…');
    const svg = productsChart(t, section([], [{ sku: 'LONG', title: '超长的商品标题超长的商品标题超长的商品标题', units: 1, amount: 100, buyers: 1, visitors: null }]));
    expect(svg).toContain('>LONG 超长的商品标题超长的商品标…</text>');
  });
});
