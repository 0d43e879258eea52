import type { Command } from 'commander';
import { getOrder } from '../../../domain/orders/find.js';
import type { Ctx } from '../../context.js';
import { verb } from '../../verb.js';
import { orderDetailView } from '../../views/orders.js';

export function orderShowCommand(ctx: Ctx, run = orderShowRun): Command {
  return verb(ctx, 'show', 'order.show.summary', ['shopkeep order show 3012345678901234567', 'shopkeep order show id:42 --reveal', 'shopkeep order show 1001 --shop "Mountain Tea House" --json'])
    .argument('<order>', ctx.t('arg.order'))
    .option('--shop <name>', ctx.t('opt.shop'))
    .option('--reveal', ctx.t('opt.reveal'))
    .action((ref: string, o) => run(ref, { shop: o.shop, reveal: Boolean(o.reveal) }, ctx));
}

export async function orderShowRun(ref: string, o: { shop?: string; reveal: boolean }, ctx: Ctx): Promise<void> {
  const db = ctx.db();
  await ctx.print(orderDetailView(ctx, db, getOrder(db, ref, o.shop), o.reveal));
}
