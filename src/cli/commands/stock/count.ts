import type { Command } from 'commander';
import { countStock } from '../../../domain/inventory/stock.js';
import type { Ctx } from '../../context.js';
import { integerArg, verb } from '../../verb.js';
import { movementJson, movementSummary } from '../../views/stock.js';

export function stockCountCommand(ctx: Ctx, run = stockCountRun): Command {
  return verb(ctx, 'count', 'stock.count.summary', ['shopkeep stock count LJ-250 37', 'shopkeep stock count SCARF-RED 0 --note "year-end stocktake"'])
    .argument('<sku>', ctx.t('arg.sku'))
    .argument('<qty>', ctx.t('arg.counted'))
    .option('--note <text>', ctx.t('opt.note'))
    .action((sku: string, qty: string, o: { note?: string }) => run(sku, qty, o, ctx));
}

export async function stockCountRun(sku: string, qty: string, o: { note?: string }, ctx: Ctx): Promise<void> {
  const m = countStock(ctx.db(), { sku, counted: integerArg(qty, 'QTY'), note: o.note }, ctx.now());
  ctx.info(movementSummary(ctx, m));
  await ctx.print({ json: { movement: movementJson(m) }, blocks: [] });
}
