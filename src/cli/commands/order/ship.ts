import type { Command } from 'commander';
import { parseItems } from '../../../domain/orders/items.js';
import { shipOrder } from '../../../domain/orders/ship.js';
import { usageError } from '../../../domain/errors.js';
import type { Ctx } from '../../context.js';
import { formatDetail } from '../../errors.js';
import { readInput } from '../../files.js';
import { required, verb } from '../../verb.js';
import { orderDetailView } from '../../views/orders.js';

export interface OrderShipOptions {
  shop?: string;
  carrier?: string;
  tracking?: string;
  items?: string;
  from?: string;
  reveal: boolean;
}

export function orderShipCommand(ctx: Ctx, run = orderShipRun): Command {
  return verb(ctx, 'ship', 'order.ship.summary', [
    'shopkeep order ship 3012345678901234567 --carrier SF --tracking SF1234567890123',
    'shopkeep order ship 1001 --shop "Mountain Tea House" --carrier UPS --tracking 1Z999AA10123456784 --items MATCHA:1',
    'shopkeep order ship --from shipped-today.csv      # columns: order,carrier,tracking[,items][,shop]',
  ])
    .argument('[order]', ctx.t('arg.order'))
    .option('--shop <name>', ctx.t('opt.shop'))
    .option('--carrier <name>', ctx.t('opt.carrier'))
    .option('--tracking <number>', ctx.t('opt.tracking'))
    .option('--items <SKU:QTY,…>', ctx.t('opt.shipItems'))
    .option('--from <file>', ctx.t('opt.shipFrom'))
    .option('--reveal', ctx.t('opt.reveal'))
    .action((ref: string | undefined, o) => run(ref, { ...o, reveal: Boolean(o.reveal) }, ctx));
}

export async function orderShipRun(ref: string | undefined, o: OrderShipOptions, ctx: Ctx): Promise<void> {
  if (o.from !== undefined) {
    if (ref !== undefined) throw usageError('order.shipFromAndOrder');
    const { shipFromCsv } = await import('../../../domain/orders/ship-batch.js');
    const input = await readInput(ctx, o.from);
    const summary = shipFromCsv(ctx.db(), input.bytes, input.name, ctx.now());
    for (const w of summary.warnings) ctx.warn(formatDetail(w, ctx.t.bind(ctx)));
    ctx.info(ctx.t('order.shippedBatch', { count: summary.shipped, file: summary.file }));
    await ctx.print({ json: { file: summary.file, shipped: summary.shipped, warnings: summary.warnings.length }, blocks: [] });
    return;
  }
  const order = await required(ctx, ref, 'ORDER', 'prompt.order');
  const carrier = await required(ctx, o.carrier, '--carrier', 'prompt.carrier');
  const tracking = await required(ctx, o.tracking, '--tracking', 'prompt.tracking');
  const db = ctx.db();
  const result = shipOrder(db, { ref: order, shop: o.shop, carrier, tracking, items: o.items === undefined ? undefined : parseItems(o.items, '--items', false) }, ctx.now());
  for (const w of result.warnings) ctx.warn(formatDetail(w, ctx.t.bind(ctx)));
  ctx.info(ctx.t('order.nowStatus', { order: result.order.platformOrderId, status: result.order.status }));
  await ctx.print(orderDetailView(ctx, db, result.order, o.reveal));
}
