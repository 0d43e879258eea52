import type { Command } from 'commander';
import { checkOrders, type CheckedOrder } from '../../../domain/orders/check.js';
import { usageError } from '../../../domain/errors.js';
import type { Ctx } from '../../context.js';
import type { View } from '../../render/view.js';
import { verb } from '../../verb.js';

export function orderCheckCommand(ctx: Ctx, run = orderCheckRun): Command {
  return verb(ctx, 'check', 'order.check.summary', ['shopkeep order check --all', 'shopkeep order check 3012345678901234567', 'shopkeep order check --all --shop "山间茶舍 Taobao" --json'])
    .argument('[order]', ctx.t('arg.order'))
    .option('--all', ctx.t('opt.checkAll'))
    .option('--shop <name>', ctx.t('opt.shop'))
    .action((ref: string | undefined, o) => run(ref, { all: Boolean(o.all), shop: o.shop }, ctx));
}

/** Flags are findings, not failures: exit 0 either way (cron can read --json). */
export async function orderCheckRun(ref: string | undefined, o: { all: boolean; shop?: string }, ctx: Ctx): Promise<void> {
  if (ref === undefined && !o.all) throw usageError('order.checkWhat', {}, { key: 'usage.seeHelp', params: { command: 'shopkeep order check --help' } });
  const checked = checkOrders(ctx.db(), { ref, shop: o.shop });
  await ctx.print(checkView(ctx, checked));
}

function checkView(ctx: Ctx, checked: CheckedOrder[]): View {
  return {
    json: { orders: checked.map((c) => ({ shop: c.order.shopName, platformOrderId: c.order.platformOrderId, status: c.order.status, flags: c.flags.map((f) => ({ code: f.code, ...f.params })) })) },
    blocks: [
      {
        kind: 'table',
        columns: [
          { key: 'order', label: ctx.t('col.order') },
          { key: 'status', label: ctx.t('col.status') },
          { key: 'flag', label: ctx.t('col.flag') },
        ],
        rows: checked.flatMap((c) =>
          (c.flags.length > 0 ? c.flags : [undefined]).map((f) => ({
            order: c.order.platformOrderId,
            status: ctx.t(`orderStatus.${c.order.status}`),
            flag: f ? ctx.t(`orderFlag.${f.code}`, f.params) : ctx.t('orderFlag.none'),
          })),
        ),
        empty: ctx.t('order.check.clean'),
      },
    ],
  };
}
