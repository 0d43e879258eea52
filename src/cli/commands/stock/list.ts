import type { Command } from 'commander';
import { listStock } from '../../../domain/inventory/stock.js';
import type { Ctx } from '../../context.js';
import { verb } from '../../verb.js';
import { stockListView } from '../../views/stock.js';

export interface StockListOptions {
  low: boolean;
  search?: string;
  archived: boolean;
}

export function stockListCommand(ctx: Ctx, run = stockListRun): Command {
  return verb(ctx, 'list', 'stock.list.summary', ['shopkeep stock list', 'shopkeep stock list --low', 'shopkeep stock list --json | jq ".stock[] | select(.available < 5)"'])
    .option('--low', ctx.t('opt.low'))
    .option('-s, --search <text>', ctx.t('opt.search'))
    .option('--archived', ctx.t('opt.includeArchived'))
    .action((o) => run({ low: Boolean(o.low), search: o.search, archived: Boolean(o.archived) }, ctx));
}

export async function stockListRun(o: StockListOptions, ctx: Ctx): Promise<void> {
  await ctx.print(stockListView(ctx, listStock(ctx.db(), { lowOnly: o.low, search: o.search, includeArchived: o.archived })));
}
