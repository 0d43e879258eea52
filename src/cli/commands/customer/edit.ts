import type { Command } from 'commander';
import { customerCode, editCustomer } from '../../../domain/service/customers.js';
import type { Ctx } from '../../context.js';
import { collect, verb } from '../../verb.js';
import { customerView } from '../../views/customers.js';

export interface CustomerEditOptions {
  shop?: string;
  tag: string[];
  untag: string[];
  note?: string;
  reveal: boolean;
}

export function customerEditCommand(ctx: Ctx, run = customerEditRun): Command {
  return verb(ctx, 'edit', 'customer.edit.summary', [
    'shopkeep customer edit C-42 --tag vip --tag wholesale',
    'shopkeep customer edit C-42 --untag wholesale --note "prefers SF Express"',
    'shopkeep customer edit C-42 --note ""      # clears the note',
  ])
    .argument('<customer>', ctx.t('arg.customer'))
    .option('--shop <name>', ctx.t('opt.shop'))
    .option('--tag <tag>', ctx.t('customer.opt.tag'), collect, [])
    .option('--untag <tag>', ctx.t('customer.opt.untag'), collect, [])
    .option('--note <text>', ctx.t('customer.opt.note'))
    .option('--reveal', ctx.t('opt.reveal'))
    .action((ref: string, o) => run(ref, { ...o, reveal: Boolean(o.reveal) }, ctx));
}

export async function customerEditRun(ref: string, o: CustomerEditOptions, ctx: Ctx): Promise<void> {
  const { customer, changed } = editCustomer(ctx.db(), ref, { tag: o.tag, untag: o.untag, note: o.note }, o.shop);
  ctx.info(ctx.t(changed ? 'customer.updated' : 'customer.unchanged', { customer: customerCode(customer.id) }));
  await ctx.print(customerView(ctx, customer, o.reveal));
}
