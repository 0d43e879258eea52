import type { Command } from 'commander';
import type { ProductImportSummary } from '../../../domain/catalog/product-import.js';
import type { Ctx } from '../../context.js';
import { readInput } from '../../files.js';
import { verb } from '../../verb.js';

export interface ProductImportOptions {
  dryRun: boolean;
}

export function productImportCommand(ctx: Ctx, run = productImportRun): Command {
  return verb(ctx, 'import', 'product.import.summary', [
    'shopkeep product import products.csv --dry-run',
    'shopkeep product import products.csv',
    'cat products.csv | shopkeep product import -',
  ])
    .argument('<file>', ctx.t('arg.fileOrStdin'))
    .option('--dry-run', ctx.t('opt.dryRun'))
    .action((file: string, o) => run(file, { dryRun: Boolean(o.dryRun) }, ctx));
}

export async function productImportRun(file: string, o: ProductImportOptions, ctx: Ctx): Promise<void> {
  const { importProducts } = await import('../../../domain/catalog/product-import.js');
  const input = await readInput(ctx, file);
  const summary = importProducts(ctx.db(), input.bytes, input.name, o, ctx.now());
  ctx.info(ctx.t(summary.dryRun ? 'productImport.dryRunDone' : 'productImport.done', { file: summary.file, rows: summary.rows }));
  await ctx.print(summaryView(ctx, summary));
}

function summaryView(ctx: Ctx, s: ProductImportSummary) {
  const tally = (t: ProductImportSummary['products']) => ctx.t('productImport.tally', { new: t.new, updated: t.updated, unchanged: t.unchanged });
  return {
    json: s,
    blocks: [
      {
        kind: 'fields' as const,
        fields: [
          [ctx.t('col.file'), s.file],
          [ctx.t('col.encoding'), s.encoding],
          [ctx.t('col.rows'), String(s.rows)],
          [ctx.t('col.products'), tally(s.products)],
          [ctx.t('col.skus'), tally(s.skus)],
        ] as [string, string][],
      },
    ],
  };
}
