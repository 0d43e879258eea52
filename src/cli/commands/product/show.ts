import type { Command } from 'commander';
import { getProduct, productLinks } from '../../../domain/catalog/products.js';
import type { Ctx } from '../../context.js';
import { verb } from '../../verb.js';
import { productDetailView } from '../../views/catalog.js';

export function productShowCommand(ctx: Ctx, run = productShowRun): Command {
  return verb(ctx, 'show', 'product.show.summary', ['shopkeep product show 12', 'shopkeep product show silk-scarf', 'shopkeep product show SCARF-RED --json'])
    .argument('<product>', ctx.t('arg.product'))
    .action((ref: string) => run(ref, ctx));
}

export async function productShowRun(ref: string, ctx: Ctx): Promise<void> {
  const db = ctx.db();
  const product = getProduct(db, ref);
  await ctx.print(productDetailView(ctx, product, productLinks(db, product.id)));
}
