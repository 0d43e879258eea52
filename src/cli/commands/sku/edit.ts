import type { Command } from 'commander';
import { editSku } from '../../../domain/catalog/skus.js';
import { getProduct } from '../../../domain/catalog/products.js';
import { usageError } from '../../../domain/errors.js';
import type { Ctx } from '../../context.js';
import { verb } from '../../verb.js';
import { productDetailView } from '../../views/catalog.js';
import { skuFieldsFrom, withSkuOptions, type SkuFlagValues } from './options.js';

export interface SkuEditOptions extends SkuFlagValues {
  code?: string;
}

export function skuEditCommand(ctx: Ctx, run = skuEditRun): Command {
  const cmd = verb(ctx, 'edit', 'sku.edit.summary', [
    'shopkeep sku edit SCARF-RED --price 119.00 --threshold 8',
    'shopkeep sku edit LJ-250 --reorder-point 20 --lead-time 7 --location A-03',
    'shopkeep sku edit TEE-W-XL --code TEE-WHT-XL',
  ])
    .argument('<sku>', ctx.t('arg.sku'))
    .option('--code <new-code>', ctx.t('opt.newSkuCode'));
  return withSkuOptions(cmd, ctx).action((sku: string, o: SkuEditOptions) => run(sku, o, ctx));
}

export async function skuEditRun(code: string, o: SkuEditOptions, ctx: Ctx): Promise<void> {
  const fields = skuFieldsFrom(o);
  if (o.code === undefined && Object.values(fields).every((v) => v === undefined)) {
    throw usageError('input.nothingToChange', {}, { key: 'usage.seeHelp', params: { command: 'shopkeep sku edit --help' } });
  }
  const db = ctx.db();
  const sku = editSku(db, code, { ...fields, newCode: o.code }, ctx.now());
  ctx.info(ctx.t('sku.updated', { sku: sku.code }));
  await ctx.print(productDetailView(ctx, getProduct(db, String(sku.productId))));
}
