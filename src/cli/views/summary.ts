import { formatAmount, formatMoney } from '../../domain/money.js';
import type { CatalogueSummary } from '../../domain/reports/catalogue-summary.js';
import type { Ctx } from '../context.js';
import { blocksOf, type TableBlock, type View } from '../render/view.js';
import { shopJson } from './shops.js';
import { stockLineJson, stockListView } from './stock.js';

export function catalogueSummaryView(ctx: Ctx, s: CatalogueSummary): View {
  const lowStock = blocksOf(stockListView(ctx, s.lowStock))[0] as TableBlock;
  return {
    json: {
      shops: s.shops.map(shopJson),
      products: s.products,
      skus: s.skus,
      unitsOnHand: s.unitsOnHand,
      stockValue: s.stockValue.map((v) => ({ currency: v.currency, amount: formatAmount(v.amount, v.currency) })),
      movements: s.movements,
      lowStock: s.lowStock.map(stockLineJson),
      orders: s.orders,
    },
    blocks: [
      {
        kind: 'fields',
        title: ctx.t('summary.title'),
        fields: [
          [ctx.t('col.shops'), s.shops.map((shop) => `${shop.name} (${shop.platform}, ${shop.currency})`).join('; ')],
          [ctx.t('col.products'), ctx.t('summary.products', { active: s.products.active, archived: s.products.archived })],
          [ctx.t('col.skus'), String(s.skus)],
          [ctx.t('col.unitsOnHand'), String(s.unitsOnHand)],
          [ctx.t('col.stockValue'), s.stockValue.map((v) => formatMoney(v.amount, v.currency)).join(', ') || '—'],
          [ctx.t('col.movements'), String(s.movements)],
          [ctx.t('col.orders'), ctx.t('summary.orders', { total: s.orders.total, toShip: s.orders.toShip, overdue: s.orders.overdue })],
          [
            ctx.t('col.byStatus'),
            Object.entries(s.orders.byStatus)
              .map(([status, n]) => `${ctx.t(`orderStatus.${status as 'paid'}`)} ${n}`)
              .join(', ') || '—',
          ],
        ],
      },
      { ...lowStock, title: ctx.t('summary.lowStock', { count: s.lowStock.length }) },
    ],
  };
}
