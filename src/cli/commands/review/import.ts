import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import { readInput } from '../../files.js';
import { verb } from '../../verb.js';
import { reviewImportView } from '../../views/reviews.js';

export interface ReviewImportOptions {
  dryRun: boolean;
  shop?: string;
}

export function reviewImportCommand(ctx: Ctx, run = reviewImportRun): Command {
  return verb(ctx, 'import', 'review.import.summary', [
    'shopkeep review import reviews.csv --dry-run',
    'shopkeep review import reviews.csv --shop "山间茶舍 Taobao"',
    'cat reviews.csv | shopkeep review import -',
  ])
    .argument('<file>', ctx.t('arg.fileOrStdin'))
    .option('--shop <name>', ctx.t('review.opt.importShop'))
    .option('--dry-run', ctx.t('opt.dryRun'))
    .action((file: string, o) => run(file, { dryRun: Boolean(o.dryRun), shop: o.shop }, ctx));
}

export async function reviewImportRun(file: string, o: ReviewImportOptions, ctx: Ctx): Promise<void> {
  const { importReviews } = await import('../../../domain/service/review-import.js');
  const input = await readInput(ctx, file);
  const summary = importReviews(ctx.db(), input.bytes, input.name, o, ctx.now());
  ctx.info(ctx.t(summary.dryRun ? 'reviewImport.dryRunDone' : 'reviewImport.done', { file: summary.file, rows: summary.rows }));
  await ctx.print(reviewImportView(ctx, summary));
}
