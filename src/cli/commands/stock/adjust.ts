import type { Command } from 'commander';
import { adjustStock } from '../../../domain/inventory/stock.js';
import type { Ctx } from '../../context.js';
import { integerArg, required, verb } from '../../verb.js';
import { movementJson, movementSummary } from '../../views/stock.js';

export interface StockAdjustOptions {
  reason?: string;
  ref?: string;
  allowNegative: boolean;
}

export function stockAdjustCommand(ctx: Ctx, run = stockAdjustRun): Command {
  return verb(ctx, 'adjust', 'stock.adjust.summary', [
    'shopkeep stock adjust SCARF-RED -2 --reason "damaged in storage"',
    'shopkeep stock adjust LJ-250 +3 --reason "found behind shelf"',
    'shopkeep stock adjust MUG-01 -5 --reason "sold at market" --allow-negative',
  ])
    .argument('<sku>', ctx.t('arg.sku'))
    .argument('<change>', ctx.t('arg.change'))
    .option('--reason <text>', ctx.t('opt.reason'))
    .option('--ref <reference>', ctx.t('opt.reference'))
    .option('--allow-negative', ctx.t('opt.allowNegative'))
    .action((sku: string, change: string, o) => run(sku, change, { reason: o.reason, ref: o.ref, allowNegative: Boolean(o.allowNegative) }, ctx));
}

export async function stockAdjustRun(sku: string, change: string, o: StockAdjustOptions, ctx: Ctx): Promise<void> {
  const delta = integerArg(change, 'CHANGE');
  const reason = await required(ctx, o.reason, '--reason', 'prompt.reason');
  const m = adjustStock(ctx.db(), { sku, change: delta, reason, reference: o.ref, allowNegative: o.allowNegative }, ctx.now());
  ctx.info(movementSummary(ctx, m));
  await ctx.print({ json: { movement: movementJson(m) }, blocks: [] });
}
