import type { Command } from 'commander';
import type { ProductStatus } from '../../../domain/catalog/types.js';
import { usageError } from '../../../domain/errors.js';
import type { Ctx } from '../../context.js';
import { verb } from '../../verb.js';
import { productListView } from '../../views/catalog.js';

export interface ProductListOptions {
  search?: string;
  category?: string;
  status: string;
  lowStock: boolean;
}

export function productListCommand(ctx: Ctx, run = productListRun): Command {
  return verb(ctx, 'list', 'product.list.summary', [
    'shopkeep product list',
    'shopkeep product list --search scarf --category Accessories',
    'shopkeep product list --low-stock --json',
    'shopkeep product list --status archived',
  ])
    .option('-s, --search <text>', ctx.t('opt.search'))
    .option('--category <name>', ctx.t('opt.category'))
    .option('--status <status>', ctx.t('opt.productStatus'), 'active')
    .option('--low-stock', ctx.t('opt.lowStock'))
    .action((o) => run({ search: o.search, category: o.category, status: o.status, lowStock: Boolean(o.lowStock) }, ctx));
}

export async function productListRun(o: ProductListOptions, ctx: Ctx): Promise<void> {
  if (!['active', 'archived', 'all'].includes(o.status)) throw usageError('input.oneOf', { field: '--status', value: o.status, choices: 'active, archived, all' });
  const filter = { search: o.search, category: o.category, status: o.status as ProductStatus | 'all', lowStock: o.lowStock };
  await ctx.print(productListView(ctx, ctx.db(), filter));
}
