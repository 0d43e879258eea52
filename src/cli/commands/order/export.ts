import type { Command } from 'commander';
import { usageError } from '../../../domain/errors.js';
import type { Ctx } from '../../context.js';
import { writeOutput } from '../../files.js';
import { collect, verb } from '../../verb.js';

export interface OrderExportOptions {
  since?: string;
  status: string[];
  shop?: string;
  format?: string;
  output?: string;
  excel: boolean;
}

export function orderExportCommand(ctx: Ctx, run = orderExportRun): Command {
  return verb(ctx, 'export', 'orderExport.summary', [
    'shopkeep order export -o orders.csv',
    'shopkeep order export --since 2026-11-01 --status shipped,delivered --excel -o 订单.csv',
    'shopkeep order export --shop "山间茶舍 Taobao" --format json -o orders.json',
    'shopkeep order export --shop "山间茶舍 Taobao" | shopkeep --db other.db order import - --shop "山间茶舍 Taobao"',
  ])
    .option('--since <when>', ctx.t('orderExport.opt.since'))
    .option('--status <status>', ctx.t('orderExport.opt.status'), collect, [])
    .option('--shop <name>', ctx.t('orderExport.opt.shop'))
    .option('--format <format>', ctx.t('orderExport.opt.format'))
    .option('-o, --output <file>', ctx.t('opt.output'))
    .option('--excel', ctx.t('opt.excel'))
    .action((o) => run({ since: o.since, status: o.status, shop: o.shop, format: o.format, output: o.output, excel: Boolean(o.excel) }, ctx));
}

/** csv (the default) or json; the global --json means json. */
function formatOf(o: OrderExportOptions, ctx: Ctx): 'csv' | 'json' {
  if (ctx.globals.json) return 'json';
  // The root command owns --format too, and commander gives it the value wherever it is typed.
  const chosen = (o.format ?? ctx.globals.format ?? 'csv').trim().toLowerCase();
  if (chosen !== 'csv' && chosen !== 'json') throw usageError('orderExport.badFormat', { value: o.format ?? ctx.globals.format ?? '' });
  return chosen;
}

/**
 * Orders in shopkeep's own layout (docs/order-export.md): CSV, one row per line, formula-safe, a BOM with
 * --excel; or JSON, an array of orders (indented on a terminal, compact otherwise). Nothing is masked.
 */
export async function orderExportRun(o: OrderExportOptions, ctx: Ctx): Promise<void> {
  const format = formatOf(o, ctx);
  const { exportOrders, orderExportJson, orderExportRows, ORDER_EXPORT_COLUMNS } = await import('../../../domain/imports/export.js');
  const orders = exportOrders(ctx.db(), { since: o.since, statuses: o.status, shop: o.shop }, ctx.now());
  const toFile = o.output !== undefined && o.output !== '-';
  if (format === 'json') {
    const indent = !toFile && ctx.io.stdoutIsTTY ? 2 : undefined;
    writeOutput(ctx, o.output, `${JSON.stringify(orders.map(orderExportJson), null, indent)}\n`);
    if (toFile) ctx.info(ctx.t('orderExport.doneJson', { count: orders.length, file: o.output! }));
    return;
  }
  const { renderCsv } = await import('../../render/csv.js');
  const rows = orderExportRows(orders);
  writeOutput(ctx, o.output, renderCsv({ columns: ORDER_EXPORT_COLUMNS.map((key) => ({ key, label: key })), rows }, o.excel));
  if (toFile) ctx.info(ctx.t('orderExport.done', { count: orders.length, rows: rows.length, file: o.output! }));
}
