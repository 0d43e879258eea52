import type { Command } from 'commander';
import { addProduct } from '../../../domain/catalog/products.js';
import { parsePairs } from '../../../domain/catalog/values.js';
import type { Ctx } from '../../context.js';
import { collect, required, verb } from '../../verb.js';
import { productDetailView } from '../../views/catalog.js';
import { skuFieldsFrom, withSkuOptions, type SkuFlagValues } from '../sku/options.js';

export interface ProductAddOptions extends SkuFlagValues {
  title?: string;
  sku?: string;
  handle?: string;
  category?: string;
  brand?: string;
  description?: string;
  attr: string[];
}


export function productAddCommand(ctx: Ctx, run = productAddRun): Command {
  const cmd = verb(ctx, 'add', 'product.add.summary', [
    'shopkeep product add --title "Silk scarf" --sku SCARF-RED --price 129.00 --variant colour=red',
    'shopkeep product add --title "西湖龙井 明前特级" --sku LJ-250 --price 368 --cost 190 --category 茶叶 --attr origin=杭州 --threshold 10',
    'shopkeep product add            # on a terminal: asks for what is missing',
  ])
    .option('--title <text>', ctx.t('opt.title'))
    .option('--sku <code>', ctx.t('opt.skuCode'))
    .option('--handle <handle>', ctx.t('opt.handle'))
    .option('--category <name>', ctx.t('opt.category'))
    .option('--brand <name>', ctx.t('opt.brand'))
    .option('--description <text>', ctx.t('opt.description'))
    .option('--attr <key=value>', ctx.t('opt.attr'), collect, []);
  return withSkuOptions(cmd, ctx).action((o: ProductAddOptions) => run(o, ctx));
}

export async function productAddRun(o: ProductAddOptions, ctx: Ctx): Promise<void> {
  const title = await required(ctx, o.title, '--title', 'prompt.title');
  const code = await required(ctx, o.sku, '--sku', 'prompt.skuCode');
  const price = await required(ctx, o.price, '--price', 'prompt.price');
  const attributes = Object.assign({}, ...o.attr.map((a) => parsePairs(a, '--attr')));
  const db = ctx.db();
  const product = addProduct(
    db,
    { title, handle: o.handle, category: o.category, brand: o.brand, description: o.description, attributes, sku: { ...skuFieldsFrom(o), code, price } },
    ctx.now(),
  );
  ctx.info(ctx.t('product.added', { id: product.id, title: product.title, sku: code }));
  await ctx.print(productDetailView(ctx, product));
}
