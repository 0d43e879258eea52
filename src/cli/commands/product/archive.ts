import type { Command } from 'commander';
import { setProductStatus } from '../../../domain/catalog/products.js';
import type { ProductStatus } from '../../../domain/catalog/types.js';
import type { Ctx } from '../../context.js';
import { verb } from '../../verb.js';
import { productDetailView } from '../../views/catalog.js';

export function productArchiveCommand(ctx: Ctx, run = productStatusRun): Command {
  return verb(ctx, 'archive', 'product.archive.summary', ['shopkeep product archive silk-scarf'])
    .argument('<product>', ctx.t('arg.product'))
    .action((ref: string) => run(ref, 'archived', ctx));
}

export function productUnarchiveCommand(ctx: Ctx, run = productStatusRun): Command {
  return verb(ctx, 'unarchive', 'product.unarchive.summary', ['shopkeep product unarchive silk-scarf'])
    .argument('<product>', ctx.t('arg.product'))
    .action((ref: string) => run(ref, 'active', ctx));
}

export async function productStatusRun(ref: string, status: ProductStatus, ctx: Ctx): Promise<void> {
  const { product, changed } = setProductStatus(ctx.db(), ref, status, ctx.now());
  const key = status === 'archived' ? (changed ? 'product.archived' : 'product.alreadyArchived') : changed ? 'product.unarchived' : 'product.alreadyActive';
  ctx.info(ctx.t(key, { id: product.id, title: product.title }));
  await ctx.print(productDetailView(ctx, product));
}
