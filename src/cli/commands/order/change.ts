import type { Command } from 'commander';
import type { Db } from '../../../db/open.js';
import type { MessageKey } from '../../../i18n/index.js';
import { cancelOrder, completeOrder, deliverOrder, holdOrder, payOrder, releaseOrder, setMemo, type OrderRef } from '../../../domain/orders/transitions.js';
import type { OrderDetail } from '../../../domain/orders/types.js';
import type { Ctx } from '../../context.js';
import { required, verb } from '../../verb.js';
import { orderDetailView } from '../../views/orders.js';

interface ChangeSpec {
  name: string;
  summary: MessageKey;
  examples: string[];
  /** A text the change needs (--reason, --memo…), asked for on a terminal when missing. */
  text?: { flag: string; option: string; description: MessageKey; prompt: MessageKey };
  amount?: boolean;
  apply: (db: Db, target: OrderRef, text: string, amount: string | undefined, now: number) => OrderDetail;
}

/** The one-step lifecycle verbs share a shape: find the order, change it in one transaction, print it. */
const SPECS: ChangeSpec[] = [
  {
    name: 'pay',
    summary: 'order.pay.summary',
    examples: ['shopkeep order pay M20261125-001', 'shopkeep order pay 1001 --shop "Mountain Tea House" --amount 45.90'],
    amount: true,
    apply: (db, target, _text, amount, now) => payOrder(db, target, { amount }, now),
  },
  {
    name: 'hold',
    summary: 'order.hold.summary',
    examples: ['shopkeep order hold 3012345678901234567 --reason "buyer asked to change the address"'],
    text: { flag: '--reason', option: '--reason <text>', description: 'opt.holdReason', prompt: 'prompt.reason' },
    apply: (db, target, text, _amount, now) => holdOrder(db, target, text, now),
  },
  {
    name: 'release',
    summary: 'order.release.summary',
    examples: ['shopkeep order release 3012345678901234567'],
    apply: (db, target, _text, _amount, now) => releaseOrder(db, target, now),
  },
  {
    name: 'deliver',
    summary: 'order.deliver.summary',
    examples: ['shopkeep order deliver 3012345678901234567'],
    apply: (db, target, _text, _amount, now) => deliverOrder(db, target, now),
  },
  {
    name: 'complete',
    summary: 'order.complete.summary',
    examples: ['shopkeep order complete 3012345678901234567'],
    apply: (db, target, _text, _amount, now) => completeOrder(db, target, now),
  },
  {
    name: 'cancel',
    summary: 'order.cancel.summary',
    examples: ['shopkeep order cancel M20261125-002 --reason "buyer cancelled"'],
    text: { flag: '--reason', option: '--reason <text>', description: 'opt.cancelReason', prompt: 'prompt.reason' },
    apply: (db, target, text, _amount, now) => cancelOrder(db, target, text, now),
  },
  {
    name: 'memo',
    summary: 'order.memo.summary',
    examples: ['shopkeep order memo 3012345678901234567 --memo "gift wrap, no invoice"'],
    text: { flag: '--memo', option: '--memo <text>', description: 'opt.sellerMemo', prompt: 'prompt.memo' },
    apply: (db, target, text, _amount, now) => setMemo(db, target, text, now),
  },
];

export function orderChangeCommands(ctx: Ctx): Command[] {
  return SPECS.map((spec) => {
    const cmd = verb(ctx, spec.name, spec.summary, spec.examples)
      .argument('<order>', ctx.t('arg.order'))
      .option('--shop <name>', ctx.t('opt.shop'))
      .option('--reveal', ctx.t('opt.reveal'));
    if (spec.text) cmd.option(spec.text.option, ctx.t(spec.text.description));
    if (spec.amount) cmd.option('--amount <amount>', ctx.t('opt.paidAmount'));
    return cmd.action(async (ref: string, o: Record<string, string | boolean | undefined>) => {
      const key = spec.text?.flag.slice(2);
      const text = spec.text ? await required(ctx, o[key!] as string | undefined, spec.text.flag, spec.text.prompt) : '';
      const db = ctx.db();
      const order = spec.apply(db, { ref, shop: o.shop as string | undefined }, text, o.amount as string | undefined, ctx.now());
      ctx.info(ctx.t('order.nowStatus', { order: order.platformOrderId, status: order.status }));
      await ctx.print(orderDetailView(ctx, db, order, Boolean(o.reveal)));
    });
  });
}
