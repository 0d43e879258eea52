import type { Command } from 'commander';
import { listCustomers } from '../../../domain/service/customers.js';
import type { Ctx } from '../../context.js';
import { collect, integerArg, verb } from '../../verb.js';
import { customerListView } from '../../views/customers.js';

export interface CustomerListOptions {
  search?: string;
  shop?: string;
  tag: string[];
  top?: string;
  limit: string;
  reveal: boolean;
}

export function customerListCommand(ctx: Ctx, run = customerListRun): Command {
  return verb(ctx, 'list', 'customer.list.summary', [
    'shopkeep customer list --search 王',
    'shopkeep customer list --tag vip --shop "山间茶舍 Taobao"',
    'shopkeep customer list --top 20            # biggest spenders, per currency',
    'shopkeep customer list --search 13812345678 --reveal --json',
  ])
    .option('--search <text>', ctx.t('customer.opt.search'))
    .option('--shop <name>', ctx.t('opt.shop'))
    .option('--tag <tag>', ctx.t('customer.opt.tagFilter'), collect, [])
    .option('--top <n>', ctx.t('customer.opt.top'))
    .option('--limit <n>', ctx.t('opt.limit'), '200')
    .option('--reveal', ctx.t('opt.reveal'))
    .action((o) => run({ ...o, reveal: Boolean(o.reveal) }, ctx));
}

export async function customerListRun(o: CustomerListOptions, ctx: Ctx): Promise<void> {
  const top = o.top === undefined ? undefined : integerArg(o.top, '--top');
  const customers = listCustomers(ctx.db(), { search: o.search, shop: o.shop, tags: o.tag, top, limit: integerArg(o.limit, '--limit') });
  await ctx.print(customerListView(ctx, customers, o.reveal, top !== undefined));
}
