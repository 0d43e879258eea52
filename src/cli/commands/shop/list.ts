import type { Command } from 'commander';
import { listShops } from '../../../domain/shops/shops.js';
import type { Ctx } from '../../context.js';
import { verb } from '../../verb.js';
import { shopListView } from '../../views/shops.js';

export function shopListCommand(ctx: Ctx, run = shopListRun): Command {
  return verb(ctx, 'list', 'shop.list.summary', ['shopkeep shop list', 'shopkeep shop list --json']).action(() => run(ctx));
}

export async function shopListRun(ctx: Ctx): Promise<void> {
  await ctx.print(shopListView(ctx, listShops(ctx.db())));
}
