import type { Shop } from '../../domain/shops/types.js';
import type { Ctx } from '../context.js';
import type { View } from '../render/view.js';

export function shopJson(s: Shop) {
  return { name: s.name, platform: s.platform, currency: s.currency, timezone: s.timezone, isDefault: s.isDefault, createdAt: new Date(s.createdAt).toISOString() };
}

export function shopListView(ctx: Ctx, shops: Shop[]): View {
  return {
    json: { shops: shops.map(shopJson) },
    blocks: [
      {
        kind: 'table',
        columns: [
          { key: 'name', label: ctx.t('col.name') },
          { key: 'platform', label: ctx.t('col.platform') },
          { key: 'currency', label: ctx.t('col.currency') },
          { key: 'timezone', label: ctx.t('col.timezone') },
          { key: 'default', label: ctx.t('col.default') },
        ],
        rows: shops.map((s) => ({ name: s.name, platform: s.platform, currency: s.currency, timezone: s.timezone, default: s.isDefault ? '*' : '' })),
        empty: ctx.t('shop.list.empty'),
      },
    ],
  };
}

export function shopView(ctx: Ctx, shop: Shop): View {
  return {
    json: { shop: shopJson(shop) },
    blocks: [
      {
        kind: 'fields',
        fields: [
          [ctx.t('col.name'), shop.name],
          [ctx.t('col.platform'), shop.platform],
          [ctx.t('col.currency'), shop.currency],
          [ctx.t('col.timezone'), shop.timezone],
          [ctx.t('col.default'), shop.isDefault ? ctx.t('label.yes') : ctx.t('label.no')],
        ],
      },
    ],
  };
}
