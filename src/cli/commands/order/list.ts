import type { Command } from 'commander';
import { DEFAULT_OVERDUE_HOURS, orderFilter } from '../../../domain/orders/list.js';
import type { Ctx } from '../../context.js';
import { collect, integerArg, verb } from '../../verb.js';
import { orderListView } from '../../views/orders.js';

export interface OrderListOptions {
  status: string[];
  shop?: string;
  platform?: string;
  from?: string;
  to?: string;
  buyer?: string;
  sku?: string;
  toShip: boolean;
  overdue?: string | boolean;
  limit: string;
  reveal: boolean;
}

export function orderListCommand(ctx: Ctx, run = orderListRun): Command {
  return verb(ctx, 'list', 'order.list.summary', [
    'shopkeep order list --to-ship',
    'shopkeep order list --overdue            # paid more than 48 h ago and not shipped',
    'shopkeep order list --overdue 24 --shop "山间茶舍 Taobao"',
    'shopkeep order list --from 2026-11-01 --to 2026-11-11 --status shipped,delivered',
    'shopkeep order list --sku LJ-250G --json',
  ])
    .option('--status <status>', ctx.t('opt.orderStatus'), collect, [])
    .option('--shop <name>', ctx.t('opt.shop'))
    .option('--platform <platform>', ctx.t('opt.platformFilter'))
    .option('--from <date>', ctx.t('opt.fromDate'))
    .option('--to <date>', ctx.t('opt.toDate'))
    .option('--buyer <text>', ctx.t('opt.buyerSearch'))
    .option('--sku <code>', ctx.t('opt.skuFilter'))
    .option('--to-ship', ctx.t('opt.toShip'))
    .option('--overdue [hours]', ctx.t('opt.overdue', { hours: DEFAULT_OVERDUE_HOURS }))
    .option('--limit <n>', ctx.t('opt.limitOrders'), '1000')
    .option('--reveal', ctx.t('opt.reveal'))
    .action((o) => run({ ...o, toShip: Boolean(o.toShip), reveal: Boolean(o.reveal) }, ctx));
}

export async function orderListRun(o: OrderListOptions, ctx: Ctx): Promise<void> {
  const overdueHours = o.overdue === undefined ? undefined : o.overdue === true ? DEFAULT_OVERDUE_HOURS : integerArg(String(o.overdue), '--overdue');
  const db = ctx.db();
  const filter = orderFilter(
    db,
    { statuses: o.status.length > 0 ? o.status : undefined, shop: o.shop, platform: o.platform, from: o.from, to: o.to, buyer: o.buyer, sku: o.sku, toShip: o.toShip, overdueHours, limit: integerArg(o.limit, '--limit') },
    ctx.now(),
  );
  await ctx.print(orderListView(ctx, db, filter, o.reveal));
}
