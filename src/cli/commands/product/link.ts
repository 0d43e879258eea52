import type { Command } from 'commander';
import { linkListing, type LinkResult } from '../../../domain/catalog/links.js';
import type { Ctx } from '../../context.js';
import { required, verb } from '../../verb.js';

export interface ProductLinkOptions {
  shop?: string;
  listing?: string;
  platformSku?: string;
}

export function productLinkCommand(ctx: Ctx, run = productLinkRun): Command {
  return verb(ctx, 'link', 'product.link.summary', [
    'shopkeep product link LJ-250 --shop "Tea House" --listing 652281934471',
    'shopkeep product link SCARF-RED --shop "Tea House US" --listing 7712345678 --platform-sku SCARF-R-01',
  ])
    .argument('<sku>', ctx.t('arg.sku'))
    .option('--shop <name>', ctx.t('opt.shop'))
    .option('--listing <id>', ctx.t('opt.listing'))
    .option('--platform-sku <code>', ctx.t('opt.platformSku'))
    .action((sku: string, o: ProductLinkOptions) => run(sku, o, ctx));
}

export async function productLinkRun(sku: string, o: ProductLinkOptions, ctx: Ctx): Promise<void> {
  const shop = await required(ctx, o.shop, '--shop', 'prompt.shopName');
  const listingId = await required(ctx, o.listing, '--listing', 'prompt.listing');
  const link: LinkResult = linkListing(ctx.db(), { sku, shop, listingId, platformSku: o.platformSku }, ctx.now());
  const key = link.outcome === 'created' ? 'link.created' : link.outcome === 'moved' ? 'link.moved' : 'link.unchanged';
  ctx.info(ctx.t(key, { shop: link.shop, listing: link.listingId + (link.platformSku ? `/${link.platformSku}` : ''), sku: link.sku, previous: link.previousSku ?? '' }));
  await ctx.print({
    json: { link },
    blocks: [{ kind: 'fields', fields: [[ctx.t('col.shop'), link.shop], [ctx.t('col.listing'), link.listingId], [ctx.t('col.platformSku'), link.platformSku], [ctx.t('col.sku'), link.sku]] }],
  });
}
