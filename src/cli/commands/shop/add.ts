import type { Command } from 'commander';
import { addShop, platformDefaults } from '../../../domain/shops/shops.js';
import { PLATFORMS } from '../../../domain/shops/types.js';
import type { Ctx } from '../../context.js';
import { required, verb } from '../../verb.js';
import { shopView } from '../../views/shops.js';

export interface ShopAddOptions {
  name?: string;
  platform?: string;
  currency?: string;
  timezone?: string;
  makeDefault: boolean;
}

export function shopAddCommand(ctx: Ctx, run = shopAddRun): Command {
  return verb(ctx, 'add', 'shop.add.summary', [
    'shopkeep shop add "Tea House" --platform taobao',
    'shopkeep shop add "Tea House US" --platform shopify --currency USD --timezone America/New_York --default',
  ])
    .argument('[name]', ctx.t('arg.shopName'))
    .option('--platform <platform>', ctx.t('opt.platform', { platforms: PLATFORMS.join('|') }))
    .option('--currency <code>', ctx.t('opt.currency'))
    .option('--timezone <zone>', ctx.t('opt.timezone'))
    .option('--default', ctx.t('opt.makeDefault'))
    .action((name: string | undefined, o) => run({ name, platform: o.platform, currency: o.currency, timezone: o.timezone, makeDefault: Boolean(o.default) }, ctx));
}

/** Asks for what is missing on a terminal; elsewhere a missing value is exit 2 naming its flag. */
export async function askShop(ctx: Ctx, o: Omit<ShopAddOptions, 'makeDefault'>, nameFlag: string) {
  const name = await required(ctx, o.name, nameFlag, 'prompt.shopName');
  const platform =
    o.platform ??
    (ctx.canPrompt()
      ? await ctx.prompter.select(ctx.t('prompt.platform'), PLATFORMS.map((p) => ({ value: p, name: p })))
      : await required(ctx, undefined, '--platform', 'prompt.platform'));
  const defaults = platformDefaults(platform);
  const ask = async (value: string | undefined, fallback: string | undefined, key: 'prompt.currency' | 'prompt.timezone') => {
    if (value !== undefined || !ctx.canPrompt()) return value;
    return ctx.prompter.input(ctx.t(key), { default: fallback });
  };
  const currency = await ask(o.currency, defaults.currency, 'prompt.currency');
  const timezone = await ask(o.timezone, defaults.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone, 'prompt.timezone');
  return { name, platform, currency, timezone };
}

export async function shopAddRun(o: ShopAddOptions, ctx: Ctx): Promise<void> {
  const input = await askShop(ctx, o, 'NAME');
  const shop = addShop(ctx.db(), { ...input, makeDefault: o.makeDefault }, ctx.now());
  ctx.info(ctx.t('shop.added', { name: shop.name }));
  await ctx.print(shopView(ctx, shop));
}
