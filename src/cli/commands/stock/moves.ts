import type { Command } from 'commander';
import { listMovements } from '../../../domain/inventory/stock.js';
import { defaultShop } from '../../../domain/shops/shops.js';
import { parseTimeArg } from '../../../domain/time.js';
import type { Ctx } from '../../context.js';
import { integerArg, verb } from '../../verb.js';
import { movementListView } from '../../views/stock.js';

export interface StockMovesOptions {
  since?: string;
  until?: string;
  limit: string;
}

export function stockMovesCommand(ctx: Ctx, run = stockMovesRun): Command {
  return verb(ctx, 'moves', 'stock.moves.summary', ['shopkeep stock moves', 'shopkeep stock moves LJ-250 --since 2026-11-01', 'shopkeep stock moves --since 7d --json'])
    .argument('[sku]', ctx.t('arg.sku'))
    .option('--since <when>', ctx.t('opt.since'))
    .option('--until <when>', ctx.t('opt.until'))
    .option('--limit <n>', ctx.t('opt.limit'), '200')
    .action((sku: string | undefined, o: StockMovesOptions) => run(sku, o, ctx));
}

/** Dates without an offset are read in the default shop's time zone, as are the times shown. */
export async function stockMovesRun(sku: string | undefined, o: StockMovesOptions, ctx: Ctx): Promise<void> {
  const db = ctx.db();
  const zone = defaultShop(db)?.timezone ?? 'UTC';
  const since = o.since === undefined ? undefined : parseTimeArg(o.since, zone, ctx.now(), '--since');
  const until = o.until === undefined ? undefined : parseTimeArg(o.until, zone, ctx.now(), '--until');
  const moves = listMovements(db, { sku, since, until, limit: integerArg(o.limit, '--limit') });
  await ctx.print(movementListView(ctx, moves, zone));
}
