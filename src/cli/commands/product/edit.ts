import type { Command } from 'commander';
import { editProduct } from '../../../domain/catalog/products.js';
import { parsePairs } from '../../../domain/catalog/values.js';
import { usageError } from '../../../domain/errors.js';
import type { Ctx } from '../../context.js';
import { collect, verb } from '../../verb.js';
import { productDetailView } from '../../views/catalog.js';

export interface ProductEditOptions {
  title?: string;
  handle?: string;
  category?: string;
  brand?: string;
  description?: string;
  attr: string[];
  removeAttr: string[];
}


export function productEditCommand(ctx: Ctx, run = productEditRun): Command {
  return verb(ctx, 'edit', 'product.edit.summary', [
    'shopkeep product edit silk-scarf --title "Mulberry silk scarf" --category Accessories',
    'shopkeep product edit 12 --attr material=silk --remove-attr origin',
    'shopkeep product edit 12 --brand ""        # clears the brand',
  ])
    .argument('<product>', ctx.t('arg.product'))
    .option('--title <text>', ctx.t('opt.title'))
    .option('--handle <handle>', ctx.t('opt.handle'))
    .option('--category <name>', ctx.t('opt.category'))
    .option('--brand <name>', ctx.t('opt.brand'))
    .option('--description <text>', ctx.t('opt.description'))
    .option('--attr <key=value>', ctx.t('opt.attr'), collect, [])
    .option('--remove-attr <key>', ctx.t('opt.removeAttr'), collect, [])
    .action((ref: string, o: ProductEditOptions) => run(ref, o, ctx));
}

export async function productEditRun(ref: string, o: ProductEditOptions, ctx: Ctx): Promise<void> {
  const attributes = Object.assign({}, ...o.attr.map((a) => parsePairs(a, '--attr')));
  const nothing = [o.title, o.handle, o.category, o.brand, o.description].every((v) => v === undefined) && o.attr.length + o.removeAttr.length === 0;
  if (nothing) throw usageError('input.nothingToChange', {}, { key: 'usage.seeHelp', params: { command: 'shopkeep product edit --help' } });
  const product = editProduct(
    ctx.db(),
    ref,
    { title: o.title, handle: o.handle, category: o.category, brand: o.brand, description: o.description, attributes, removeAttributes: o.removeAttr },
    ctx.now(),
  );
  ctx.info(ctx.t('product.updated', { id: product.id, title: product.title }));
  await ctx.print(productDetailView(ctx, product));
}
