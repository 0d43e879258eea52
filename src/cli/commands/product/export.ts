import type { Command } from 'commander';
import { productExportRows } from '../../../domain/catalog/product-export.js';
import { PRODUCT_COLUMNS } from '../../../domain/catalog/product-csv.js';
import type { Ctx } from '../../context.js';
import { writeOutput } from '../../files.js';
import { verb } from '../../verb.js';

export interface ProductExportOptions {
  output?: string;
  excel: boolean;
}

export function productExportCommand(ctx: Ctx, run = productExportRun): Command {
  return verb(ctx, 'export', 'product.export.summary', [
    'shopkeep product export -o products.csv',
    'shopkeep product export --excel -o 商品.csv',
    'shopkeep product export | head',
  ])
    .option('-o, --output <file>', ctx.t('opt.output'))
    .option('--excel', ctx.t('opt.excel'))
    .action((o) => run({ output: o.output, excel: Boolean(o.excel) }, ctx));
}

/** The product CSV layout (formula-safe cells); JSON with --json. */
export async function productExportRun(o: ProductExportOptions, ctx: Ctx): Promise<void> {
  const rows = productExportRows(ctx.db());
  const { renderCsv } = await import('../../render/csv.js');
  const content = ctx.globals.json
    ? `${JSON.stringify({ products: rows }, null, 2)}\n`
    : renderCsv({ columns: PRODUCT_COLUMNS.map((key) => ({ key, label: key })), rows }, o.excel);
  writeOutput(ctx, o.output, content);
  if (o.output && o.output !== '-') ctx.info(ctx.t('productExport.done', { count: rows.length, file: o.output }));
}
