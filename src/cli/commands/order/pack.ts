import type { Command } from 'commander';
import { packingSlipsJson, packOrders, renderPackingSlips } from '../../../domain/fulfilment/packing-slip.js';
import { loadTemplates, type TemplateFormat } from '../../../domain/fulfilment/render-template.js';
import type { Ctx } from '../../context.js';
import { verb } from '../../verb.js';
import { documentFormat, emitDocument, templatesOf } from './pick.js';

export interface OrderPackOptions {
  orders: string[];
  all: boolean;
  shop?: string;
  output?: string;
  mark: boolean;
  reveal: boolean;
}

export function orderPackCommand(ctx: Ctx, run = orderPackRun): Command {
  return verb(ctx, 'pack', 'pack.summary', [
    'shopkeep order pack 4012345678901234567',
    'shopkeep order pack --all -o slips.html',
    'shopkeep order pack id:12 --no-mark --reveal',
    'shopkeep order pack --all --lang zh-CN | lp',
  ])
    .argument('[orders...]', ctx.t('fulfilment.arg.orders'))
    .option('--all', ctx.t('pack.opt.all'))
    .option('--shop <name>', ctx.t('fulfilment.opt.shop'))
    .option('-o, --output <file>', ctx.t('fulfilment.opt.output'))
    .option('--reveal', ctx.t('pack.opt.reveal'))
    .option('--no-mark', ctx.t('pack.opt.noMark'))
    .action((orders: string[], o) =>
      run({ orders, all: Boolean(o.all), shop: o.shop, output: o.output, mark: o.mark !== false, reveal: Boolean(o.reveal) }, ctx),
    );
}

/** A packing slip per order; all of them become packed in one transaction, or none does (exit 4). */
export async function orderPackRun(o: OrderPackOptions, ctx: Ctx): Promise<void> {
  const format = documentFormat(ctx, o.output);
  const render = format === 'json' ? undefined : await loadTemplates();
  const { slips, marked } = packOrders(ctx.db(), { refs: o.orders, all: o.all, shop: o.shop }, { mark: o.mark }, ctx.now());
  if (slips.length === 0) ctx.info(ctx.t('pack.none'));
  const options = { reveal: o.reveal };
  const doc = (f: TemplateFormat) => renderPackingSlips(templatesOf(render), slips, ctx.lang, f, options);
  await emitDocument(
    ctx,
    {
      json: packingSlipsJson(slips, options),
      blocks: () => (slips.length === 0 ? [] : [{ kind: 'text', text: doc('txt').trimEnd() }]),
      documents: { md: () => doc('md'), html: () => doc('html') },
    },
    format,
    o.output,
  );
  if (marked > 0) ctx.info(ctx.t('pack.marked', { count: marked }));
}
