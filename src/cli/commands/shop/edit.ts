import type { Command } from 'commander';
import { editShop } from '../../../domain/shops/shops.js';
import type { ShopChanges } from '../../../domain/shops/types.js';
import { usageError } from '../../../domain/errors.js';
import type { Ctx } from '../../context.js';
import { verb } from '../../verb.js';
import { shopView } from '../../views/shops.js';

export function shopEditCommand(ctx: Ctx, run = shopEditRun): Command {
  return verb(ctx, 'edit', 'shop.edit.summary', ['shopkeep shop edit "Tea House" --timezone Asia/Shanghai', 'shopkeep shop edit "Tea House" --name "Tea House CN" --default'])
    .argument('<shop>', ctx.t('arg.shop'))
    .option('--name <name>', ctx.t('opt.newName'))
    .option('--platform <platform>', ctx.t('opt.platform', { platforms: '…' }))
    .option('--currency <code>', ctx.t('opt.currency'))
    .option('--timezone <zone>', ctx.t('opt.timezone'))
    .option('--default', ctx.t('opt.makeDefault'))
    .action((shop: string, o) =>
      run(shop, { name: o.name, platform: o.platform, currency: o.currency, timezone: o.timezone, makeDefault: o.default === true ? true : undefined }, ctx),
    );
}

export async function shopEditRun(shop: string, changes: ShopChanges, ctx: Ctx): Promise<void> {
  if (Object.values(changes).every((v) => v === undefined)) throw usageError('input.nothingToChange', {}, { key: 'usage.seeHelp', params: { command: 'shopkeep shop edit --help' } });
  const updated = editShop(ctx.db(), shop, changes);
  ctx.info(ctx.t('shop.updated', { name: updated.name }));
  await ctx.print(shopView(ctx, updated));
}
