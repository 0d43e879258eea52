import type { Command } from 'commander';
import { mergeOrders } from '../../../domain/orders/merge-split.js';
import type { Ctx } from '../../context.js';
import { verb } from '../../verb.js';
import { orderDetailView } from '../../views/orders.js';

export function orderMergeCommand(ctx: Ctx, run = orderMergeRun): Command {
  return verb(ctx, 'merge', 'order.merge.summary', ['shopkeep order merge 3012345678901234567 3012345678901234999'])
    .argument('<into>', ctx.t('arg.orderInto'))
    .argument('<from>', ctx.t('arg.orderFrom'))
    .option('--shop <name>', ctx.t('opt.shop'))
    .option('--reveal', ctx.t('opt.reveal'))
    .action((a: string, b: string, o) => run(a, b, { shop: o.shop, reveal: Boolean(o.reveal) }, ctx));
}

export async function orderMergeRun(a: string, b: string, o: { shop?: string; reveal: boolean }, ctx: Ctx): Promise<void> {
  const db = ctx.db();
  const { into, from } = mergeOrders(db, { ref: a, shop: o.shop }, { ref: b, shop: o.shop }, ctx.now());
  ctx.info(ctx.t('order.merged', { from: from.platformOrderId, into: into.platformOrderId }));
  await ctx.print(orderDetailView(ctx, db, into, o.reveal));
}
