import type { Command } from 'commander';
import { receiveStock } from '../../../domain/inventory/stock.js';
import type { Ctx } from '../../context.js';
import { integerArg, verb } from '../../verb.js';
import { movementJson, movementSummary } from '../../views/stock.js';

export interface StockReceiveOptions {
  cost?: string;
  ref?: string;
  note?: string;
}

export function stockReceiveCommand(ctx: Ctx, run = stockReceiveRun): Command {
  return verb(ctx, 'receive', 'stock.receive.summary', ['shopkeep stock receive LJ-250 40 --cost 190.00 --ref PO-2026-031', 'shopkeep stock receive SCARF-RED 12'])
    .argument('<sku>', ctx.t('arg.sku'))
    .argument('<qty>', ctx.t('arg.qty'))
    .option('--cost <amount>', ctx.t('opt.unitCost'))
    .option('--ref <reference>', ctx.t('opt.reference'))
    .option('--note <text>', ctx.t('opt.note'))
    .action((sku: string, qty: string, o: StockReceiveOptions) => run(sku, qty, o, ctx));
}

export async function stockReceiveRun(sku: string, qty: string, o: StockReceiveOptions, ctx: Ctx): Promise<void> {
  const m = receiveStock(ctx.db(), { sku, quantity: integerArg(qty, 'QTY'), unitCost: o.cost, reference: o.ref, note: o.note }, ctx.now());
  ctx.info(movementSummary(ctx, m));
  await ctx.print({ json: { movement: movementJson(m) }, blocks: [] });
}
