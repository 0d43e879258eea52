import type { Command } from 'commander';
import { unmatchedLines } from '../../../db/queries/imports.js';
import { findShop } from '../../../domain/shops/shops.js';
import type { Ctx } from '../../context.js';
import { verb } from '../../verb.js';

export function orderUnmatchedCommand(ctx: Ctx, run = orderUnmatchedRun): Command {
  return verb(ctx, 'unmatched', 'unmatched.summary', ['shopkeep order unmatched', 'shopkeep order unmatched --shop "山间茶舍 Taobao" --json', 'shopkeep product link LJ-250 --shop "山间茶舍 Taobao" --listing 652281934471   # then they match'])
    .option('--shop <name>', ctx.t('opt.shop'))
    .action((o: { shop?: string }) => run(o, ctx));
}

/** Imported lines no SKU matched yet, with what the platform called them: what to `product link`. */
export async function orderUnmatchedRun(o: { shop?: string }, ctx: Ctx): Promise<void> {
  const db = ctx.db();
  const lines = unmatchedLines(db, o.shop === undefined ? undefined : findShop(db, o.shop).id);
  await ctx.print({
    json: { lines: lines.map((l) => ({ shop: l.shop, platformOrderId: l.platformOrderId, title: l.title, variant: l.variant, sku: l.sellerSku, platformSku: l.platformSku, listingId: l.listingId, quantity: l.quantity, status: l.status })) },
    blocks: [
      {
        kind: 'table',
        columns: [
          { key: 'shop', label: ctx.t('col.shop') },
          { key: 'order', label: ctx.t('col.order') },
          { key: 'title', label: ctx.t('col.title') },
          { key: 'sku', label: ctx.t('col.sku') },
          { key: 'listing', label: ctx.t('col.listing') },
          { key: 'platformSku', label: ctx.t('col.platformSku') },
          { key: 'quantity', label: ctx.t('col.quantity'), align: 'right' },
        ],
        rows: lines.map((l) => ({ shop: l.shop, order: l.platformOrderId, title: [l.title, l.variant].filter(Boolean).join(' · '), sku: l.sellerSku, listing: l.listingId, platformSku: l.platformSku, quantity: l.quantity })),
        empty: ctx.t('unmatched.none'),
      },
    ],
  });
}
