import type { Command } from 'commander';
import { editShop } from '../../../domain/shops/shops.js';
import type { Ctx } from '../../context.js';
import { verb } from '../../verb.js';
import { shopView } from '../../views/shops.js';

export function shopDefaultCommand(ctx: Ctx, run = shopDefaultRun): Command {
  return verb(ctx, 'default', 'shop.default.summary', ['shopkeep shop default "Tea House US"'])
    .argument('<shop>', ctx.t('arg.shop'))
    .action((shop: string) => run(shop, ctx));
}

export async function shopDefaultRun(shop: string, ctx: Ctx): Promise<void> {
  const updated = editShop(ctx.db(), shop, { makeDefault: true });
  ctx.info(ctx.t('shop.isDefault', { name: updated.name }));
  await ctx.print(shopView(ctx, updated));
}
