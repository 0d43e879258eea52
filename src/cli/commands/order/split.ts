import type { Command } from 'commander';
import { parseItems } from '../../../domain/orders/items.js';
import { splitOrder } from '../../../domain/orders/merge-split.js';
import type { Ctx } from '../../context.js';
import { required, verb } from '../../verb.js';
import { orderDetailView } from '../../views/orders.js';

export function orderSplitCommand(ctx: Ctx, run = orderSplitRun): Command {
  return verb(ctx, 'split', 'order.split.summary', ['shopkeep order split 3012345678901234567 --items KETTLE:1      # the kettle ships later, on its own'])
    .argument('<order>', ctx.t('arg.order'))
    .option('--items <SKU:QTY,…>', ctx.t('opt.splitItems'))
    .option('--shop <name>', ctx.t('opt.shop'))
    .option('--reveal', ctx.t('opt.reveal'))
    .action((ref: string, o) => run(ref, { items: o.items, shop: o.shop, reveal: Boolean(o.reveal) }, ctx));
}

export async function orderSplitRun(ref: string, o: { items?: string; shop?: string; reveal: boolean }, ctx: Ctx): Promise<void> {
  const items = parseItems(await required(ctx, o.items, '--items', 'prompt.items'), '--items', false);
  const db = ctx.db();
  const { original, created } = splitOrder(db, { ref, shop: o.shop }, items, ctx.now());
  ctx.info(ctx.t('order.splitDone', { order: original.platformOrderId, created: created.platformOrderId }));
  await ctx.print(orderDetailView(ctx, db, created, o.reveal));
}
