import { addShop, listShops } from '../../domain/shops/shops.js';
import { PLATFORMS } from '../../domain/shops/types.js';
import type { Ctx } from '../context.js';
import { verb } from '../verb.js';
import { shopListView } from '../views/shops.js';
import { askShop } from './shop/add.js';

export interface InitOptions {
  shop?: string;
  platform?: string;
  currency?: string;
  timezone?: string;
}

export function register(ctx: Ctx) {
  return initCommand(ctx);
}

export function initCommand(ctx: Ctx, run = initRun) {
  return verb(ctx, 'init', 'init.summary', [
    'shopkeep init',
    'shopkeep init --shop "Tea House" --platform taobao',
    'shopkeep --db ./shop.db init --shop "Tea House US" --platform shopify --currency USD --timezone America/Los_Angeles',
  ])
    .option('--shop <name>', ctx.t('opt.firstShop'))
    .option('--platform <platform>', ctx.t('opt.platform', { platforms: PLATFORMS.join('|') }))
    .option('--currency <code>', ctx.t('opt.currency'))
    .option('--timezone <zone>', ctx.t('opt.timezone'))
    .action((o: InitOptions) => run(o, ctx));
}

/** Creates the database and its first shop; on a database that has shops already it only says where it is. */
export async function initRun(o: InitOptions, ctx: Ctx): Promise<void> {
  const db = ctx.db();
  const existing = listShops(db);
  if (existing.length > 0 && o.shop === undefined) {
    ctx.info(ctx.t('init.already', { path: ctx.dbPath() }));
    await ctx.print(shopListView(ctx, existing));
    return;
  }
  const input = await askShop(ctx, { name: o.shop, platform: o.platform, currency: o.currency, timezone: o.timezone }, '--shop');
  addShop(db, input, ctx.now());
  ctx.info(ctx.t('init.done', { path: ctx.dbPath() }));
  await ctx.print(shopListView(ctx, listShops(db)));
}
