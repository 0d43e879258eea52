import type { Command } from 'commander';
import { databaseInfo } from '../../../domain/admin/database.js';
import type { Ctx } from '../../context.js';
import { verb } from '../../verb.js';

export function dbInfoCommand(ctx: Ctx, run = dbInfoRun): Command {
  return verb(ctx, 'info', 'db.info.summary', ['shopkeep db info', 'shopkeep --db ./shop.db db info --json']).action(() => run(ctx));
}

export async function dbInfoRun(ctx: Ctx): Promise<void> {
  const info = databaseInfo(ctx.db(), ctx.dbPath());
  await ctx.print({
    json: info,
    blocks: [
      {
        kind: 'fields',
        fields: [
          [ctx.t('col.path'), info.path],
          [ctx.t('col.schemaVersion'), `${info.schemaVersion} / ${info.supportedVersion}`],
          [ctx.t('col.size'), `${(info.sizeBytes / 1024).toFixed(1)} KiB`],
          [ctx.t('col.journal'), info.journalMode],
        ],
      },
      {
        kind: 'table',
        columns: [
          { key: 'table', label: ctx.t('col.table') },
          { key: 'rows', label: ctx.t('col.rows'), align: 'right' },
        ],
        rows: Object.entries(info.rows).map(([table, rows]) => ({ table, rows })),
      },
    ],
  });
}
