import type { Command } from 'commander';
import { addSku } from '../../../domain/catalog/skus.js';
import { getProduct } from '../../../domain/catalog/products.js';
import type { Ctx } from '../../context.js';
import { required, verb } from '../../verb.js';
import { productDetailView } from '../../views/catalog.js';
import { skuFieldsFrom, withSkuOptions, type SkuFlagValues } from './options.js';

export interface SkuAddOptions extends SkuFlagValues {
  sku?: string;
}

export function skuAddCommand(ctx: Ctx, run = skuAddRun): Command {
  const cmd = verb(ctx, 'add', 'sku.add.summary', [
    'shopkeep sku add silk-scarf --sku SCARF-BLUE --price 129.00 --variant colour=blue',
    'shopkeep sku add 12 --sku TEE-W-XL --price 89 --variant colour=white,size=XL --threshold 5',
  ])
    .argument('<product>', ctx.t('arg.product'))
    .option('--sku <code>', ctx.t('opt.skuCode'));
  return withSkuOptions(cmd, ctx).action((product: string, o: SkuAddOptions) => run(product, o, ctx));
}

export async function skuAddRun(productRef: string, o: SkuAddOptions, ctx: Ctx): Promise<void> {
  const code = await required(ctx, o.sku, '--sku', 'prompt.skuCode');
  const price = await required(ctx, o.price, '--price', 'prompt.price');
  const db = ctx.db();
  const sku = addSku(db, productRef, { ...skuFieldsFrom(o), code, price }, ctx.now());
  ctx.info(ctx.t('sku.added', { sku: sku.code }));
  await ctx.print(productDetailView(ctx, getProduct(db, String(sku.productId))));
}
