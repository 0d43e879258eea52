import type { Command } from 'commander';
import { parseItems } from '../../../domain/orders/items.js';
import { openReturn, RETURN_TYPES } from '../../../domain/service/returns.js';
import type { Ctx } from '../../context.js';
import { required, verb } from '../../verb.js';
import { returnDetailView } from '../../views/returns.js';

export interface ReturnOpenOptions {
  shop?: string;
  items?: string;
  type?: string;
  reason?: string;
  ticket?: string;
  note?: string;
  reveal: boolean;
}

export function returnOpenCommand(ctx: Ctx, run = returnOpenRun): Command {
  return verb(ctx, 'open', 'return.open.summary', [
    'shopkeep return open 3012345678901234567 --items LJ-250G:1 --type return --reason "wrong flavour"',
    'shopkeep return open M20261125-001 --items GAIWAN-CELADON:1 --type exchange --reason "cracked lid" --ticket 12',
    'shopkeep return open 1001 --shop "Mountain Tea House" --type refund_only --reason "late delivery"',
  ])
    .argument('[order]', ctx.t('arg.order'))
    .option('--shop <name>', ctx.t('opt.shop'))
    .option('--items <SKU:QTY,…>', ctx.t('opt.returnItems'))
    .option('--type <type>', ctx.t('opt.returnType'))
    .option('--reason <text>', ctx.t('opt.returnReason'))
    .option('--ticket <id>', ctx.t('opt.returnTicket'))
    .option('--note <text>', ctx.t('opt.returnNote'))
    .option('--reveal', ctx.t('opt.reveal'))
    .action((ref: string | undefined, o) => run(ref, { ...o, reveal: Boolean(o.reveal) }, ctx));
}

export async function returnOpenRun(ref: string | undefined, o: ReturnOpenOptions, ctx: Ctx): Promise<void> {
  const order = await required(ctx, ref, 'ORDER', 'prompt.order');
  const type =
    o.type ??
    (ctx.canPrompt()
      ? await ctx.prompter.select(ctx.t('return.prompt.type'), RETURN_TYPES.map((t) => ({ value: t, name: `${t} · ${ctx.t(`returnType.${t}`)}` })))
      : await required(ctx, undefined, '--type', 'return.prompt.type'));
  const itemsText = o.items ?? (type === 'refund_only' ? undefined : await required(ctx, undefined, '--items', 'return.prompt.items'));
  const reason = await required(ctx, o.reason, '--reason', 'return.prompt.reason');
  const db = ctx.db();
  const r = openReturn(
    db,
    { order, shop: o.shop, items: itemsText === undefined ? undefined : parseItems(itemsText, '--items', false), type, reason, ticket: o.ticket, note: o.note },
    ctx.now(),
  );
  ctx.info(ctx.t('return.opened', { number: r.number, type: r.type, order: r.orderNumber }));
  await ctx.print(returnDetailView(ctx, r, o.reveal));
}
