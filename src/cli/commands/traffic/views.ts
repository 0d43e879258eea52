import type { UpsertOutcome, TrafficRecord } from '../../../domain/traffic/traffic.js';
import type { Ctx } from '../../context.js';
import type { View } from '../../render/view.js';

export const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
export const duration = (s: number | null) => (s === null ? '—' : s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`);
const num = (n: number | null) => (n === null ? '—' : String(n));

export function trafficRecordView(ctx: Ctx, r: TrafficRecord, outcome: UpsertOutcome): View {
  return {
    json: { traffic: r, outcome },
    blocks: [
      {
        kind: 'fields',
        fields: [
          [ctx.t('col.shop'), r.shop],
          [ctx.t('traffic.col.day'), r.day],
          [ctx.t('col.sku'), r.sku ?? ctx.t('traffic.wholeShop')],
          [ctx.t('traffic.col.source'), r.source || ctx.t('traffic.allSources')],
          [ctx.t('traffic.col.visitors'), String(r.visitors)],
          [ctx.t('traffic.col.pageViews'), String(r.pageViews)],
          [ctx.t('traffic.col.bounceRate'), percent(r.bounceRate)],
          [ctx.t('traffic.col.avgTime'), duration(r.avgSeconds)],
          [ctx.t('traffic.col.addToCart'), num(r.addToCart)],
          [ctx.t('traffic.col.favourites'), num(r.favourites)],
        ],
      },
    ],
  };
}

export function trafficListView(ctx: Ctx, rows: TrafficRecord[]): View {
  return {
    json: { traffic: rows },
    blocks: () => [
      {
        kind: 'table',
        columns: [
          { key: 'day', label: ctx.t('traffic.col.day') },
          { key: 'shop', label: ctx.t('col.shop') },
          { key: 'sku', label: ctx.t('col.sku') },
          { key: 'source', label: ctx.t('traffic.col.source') },
          { key: 'visitors', label: ctx.t('traffic.col.visitors'), align: 'right' },
          { key: 'pageViews', label: ctx.t('traffic.col.pageViews'), align: 'right' },
          { key: 'bounceRate', label: ctx.t('traffic.col.bounceRate'), align: 'right' },
          { key: 'avgTime', label: ctx.t('traffic.col.avgTime'), align: 'right' },
          { key: 'addToCart', label: ctx.t('traffic.col.addToCart'), align: 'right' },
          { key: 'favourites', label: ctx.t('traffic.col.favourites'), align: 'right' },
        ],
        rows: rows.map((r) => ({
          day: r.day,
          shop: r.shop,
          sku: r.sku ?? '',
          source: r.source,
          visitors: r.visitors,
          pageViews: r.pageViews,
          bounceRate: percent(r.bounceRate),
          avgTime: duration(r.avgSeconds),
          addToCart: num(r.addToCart),
          favourites: num(r.favourites),
        })),
        empty: ctx.t('traffic.list.empty'),
      },
    ],
  };
}
