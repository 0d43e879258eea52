import type { Command } from 'commander';
import { listReturnRequests } from '../../../domain/service/returns.js';
import type { Ctx } from '../../context.js';
import { collect, integerArg, verb } from '../../verb.js';
import { returnListView } from '../../views/returns.js';

export interface ReturnListOptions {
  status: string[];
  type: string[];
  shop?: string;
  order?: string;
  limit: string;
  reveal: boolean;
}

export function returnListCommand(ctx: Ctx, run = returnListRun): Command {
  return verb(ctx, 'list', 'return.list.summary', [
    'shopkeep return list --status requested,approved',
    'shopkeep return list --type exchange --shop "山间茶舍 Taobao"',
    'shopkeep return list --order 3012345678901234567 --json',
  ])
    .option('--status <status>', ctx.t('opt.returnStatus'), collect, [])
    .option('--type <type>', ctx.t('opt.returnTypeFilter'), collect, [])
    .option('--shop <name>', ctx.t('opt.shop'))
    .option('--order <order>', ctx.t('opt.returnOrder'))
    .option('--limit <n>', ctx.t('opt.limitReturns'), '1000')
    .option('--reveal', ctx.t('opt.reveal'))
    .action((o) => run({ ...o, reveal: Boolean(o.reveal) }, ctx));
}

export async function returnListRun(o: ReturnListOptions, ctx: Ctx): Promise<void> {
  const limit = integerArg(o.limit, '--limit');
  const returns = listReturnRequests(ctx.db(), { statuses: o.status, types: o.type, shop: o.shop, order: o.order, limit });
  await ctx.print(returnListView(ctx, returns, o.reveal));
}
