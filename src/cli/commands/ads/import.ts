import type { Command } from 'commander';
import type { Ctx } from '../../context.js';
import { readInput } from '../../files.js';
import { verb } from '../../verb.js';

export interface AdsImportOptions {
  shop?: string;
  dryRun: boolean;
}

export function adsImportCommand(ctx: Ctx, run = adsImportRun): Command {
  return verb(ctx, 'import', 'ads.import.summary', ['shopkeep ads import ads.csv --dry-run', 'shopkeep ads import ads.csv', 'cat ads.csv | shopkeep ads import - --shop "山间茶舍 Taobao"'])
    .argument('<file>', ctx.t('arg.fileOrStdin'))
    .option('--shop <name>', ctx.t('traffic.opt.importShop'))
    .option('--dry-run', ctx.t('opt.dryRun'))
    .action((file: string, o) => run(file, { shop: o.shop, dryRun: Boolean(o.dryRun) }, ctx));
}

export async function adsImportRun(file: string, o: AdsImportOptions, ctx: Ctx): Promise<void> {
  const { importAds } = await import('../../../domain/traffic/ads-import.js');
  const input = await readInput(ctx, file);
  const s = importAds(ctx.db(), input.bytes, input.name, o);
  ctx.info(ctx.t(s.dryRun ? 'adsImport.dryRunDone' : 'adsImport.done', { file: s.file, rows: s.rows }));
  await ctx.print({
    json: s,
    blocks: [
      {
        kind: 'fields',
        fields: [
          [ctx.t('col.file'), s.file],
          [ctx.t('col.encoding'), s.encoding],
          [ctx.t('col.rows'), String(s.rows)],
          [ctx.t('traffic.col.new'), String(s.new)],
          [ctx.t('traffic.col.replaced'), String(s.replaced)],
          [ctx.t('traffic.col.unchanged'), String(s.unchanged)],
        ],
      },
    ],
  });
}
