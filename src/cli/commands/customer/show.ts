import type { Command } from 'commander';
import { customerDetail } from '../../../domain/service/customers.js';
import type { Ctx } from '../../context.js';
import { verb } from '../../verb.js';
import { customerDetailView } from '../../views/customers.js';

export interface CustomerShowOptions {
  shop?: string;
  reveal: boolean;
}

export function customerShowCommand(ctx: Ctx, run = customerShowRun): Command {
  return verb(ctx, 'show', 'customer.show.summary', [
    'shopkeep customer show C-42',
    'shopkeep customer show tb_wangfang88 --shop "山间茶舍 Taobao"',
    'shopkeep customer show 13812345678 --reveal',
    'shopkeep customer show buyer@example.com --json',
  ])
    .argument('<customer>', ctx.t('arg.customer'))
    .option('--shop <name>', ctx.t('opt.shop'))
    .option('--reveal', ctx.t('opt.reveal'))
    .action((ref: string, o) => run(ref, { shop: o.shop, reveal: Boolean(o.reveal) }, ctx));
}

export async function customerShowRun(ref: string, o: CustomerShowOptions, ctx: Ctx): Promise<void> {
  await ctx.print(customerDetailView(ctx, customerDetail(ctx.db(), ref, o.shop), o.reveal));
}
