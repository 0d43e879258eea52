import { extname } from 'node:path';
import type { Command } from 'commander';
import { pickListJson, pickOrders, renderPickList } from '../../../domain/fulfilment/pick-list.js';
import { loadTemplates, type RenderTemplate, type TemplateFormat } from '../../../domain/fulfilment/render-template.js';
import { usageError } from '../../../domain/errors.js';
import type { Ctx } from '../../context.js';
import { writeOutput } from '../../files.js';
import type { Format, View } from '../../render/view.js';
import { verb } from '../../verb.js';

export interface OrderPickOptions {
  orders: string[];
  all: boolean;
  shop?: string;
  output?: string;
  mark: boolean;
}

export function orderPickCommand(ctx: Ctx, run = orderPickRun): Command {
  return verb(ctx, 'pick', 'pick.summary', [
    'shopkeep order pick --all',
    'shopkeep order pick 4012345678901234567 4012345678901235555',
    'shopkeep order pick --all --shop "Tea House" -o picks.html',
    'shopkeep order pick id:12 --no-mark --json',
    'shopkeep order pick --all --lang zh-CN --format md > 拣货单.md',
  ])
    .argument('[orders...]', ctx.t('fulfilment.arg.orders'))
    .option('--all', ctx.t('pick.opt.all'))
    .option('--shop <name>', ctx.t('fulfilment.opt.shop'))
    .option('-o, --output <file>', ctx.t('fulfilment.opt.output'))
    .option('--no-mark', ctx.t('pick.opt.noMark'))
    .action((orders: string[], o) => run({ orders, all: Boolean(o.all), shop: o.shop, output: o.output, mark: o.mark !== false }, ctx));
}

/** One pick list for the selected orders; paid ones become picking in the same transaction (unless --no-mark). */
export async function orderPickRun(o: OrderPickOptions, ctx: Ctx): Promise<void> {
  const format = documentFormat(ctx, o.output);
  // Templates load before anything is marked, so a broken install changes no order.
  const render = format === 'json' ? undefined : await loadTemplates();
  const now = ctx.now();
  const list = pickOrders(ctx.db(), { refs: o.orders, all: o.all, shop: o.shop }, { mark: o.mark }, now);
  if (list.orders.length === 0) ctx.info(ctx.t('pick.none'));
  const doc = (f: TemplateFormat) => renderPickList(templatesOf(render), list, ctx.lang, f, now);
  await emitDocument(ctx, { json: pickListJson(list), blocks: () => [{ kind: 'text', text: doc('txt').trimEnd() }], documents: { md: () => doc('md'), html: () => doc('html') } }, format, o.output);
  if (list.marked > 0) ctx.info(ctx.t('pick.marked', { count: list.marked }));
}

// Shared with `order pack`: documents printed to stdout or written with -o.

export function templatesOf(render: RenderTemplate | undefined): RenderTemplate {
  if (!render) throw new Error('templates not loaded');
  return render;
}

/**
 * The format of a printed document: --format/--json when given, else from the -o file name (.html, .md,
 * .json; anything else is text), else as for any command. CSV is refused before anything changes.
 */
export function documentFormat(ctx: Ctx, output: string | undefined): Format {
  let format: Format;
  if (ctx.globals.json || ctx.globals.format !== undefined || output === undefined || output === '-') format = ctx.format();
  else {
    const ext = extname(output).toLowerCase();
    format = ext === '.html' || ext === '.htm' ? 'html' : ext === '.md' || ext === '.markdown' ? 'md' : ext === '.json' ? 'json' : 'plain';
  }
  if (format === 'csv') throw usageError('format.csvUnavailable');
  return format;
}

/** To stdout through the renderer, or to the -o file (written whole, through a temporary file). */
export async function emitDocument(ctx: Ctx, view: View, format: Format, output: string | undefined): Promise<void> {
  if (output === undefined || output === '-') {
    await ctx.print(view);
    return;
  }
  const { render } = await import('../../render/index.js');
  writeOutput(ctx, output, await render(view, format, false, false));
  ctx.info(ctx.t('fulfilment.written', { file: output }));
}
