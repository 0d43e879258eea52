import type { Command } from 'commander';
import { importRuns } from '../../../db/queries/imports.js';
import type { Ctx } from '../../context.js';
import { formatWallTime } from '../../../domain/time.js';
import { integerArg, noun, verb } from '../../verb.js';

export function register(ctx: Ctx) {
  return noun(ctx, 'import', 'importNoun.summary', [importHistoryCommand(ctx)]);
}

export function importHistoryCommand(ctx: Ctx, run = importHistoryRun): Command {
  return verb(ctx, 'history', 'importHistory.summary', ['shopkeep import history', 'shopkeep import history --limit 5 --json'])
    .option('--limit <n>', ctx.t('opt.limit'), '50')
    .action((o: { limit: string }) => run(o, ctx));
}

/** Every import: files with their hash and layout, counts, time. */
export async function importHistoryRun(o: { limit: string }, ctx: Ctx): Promise<void> {
  const runs = importRuns(ctx.db(), integerArg(o.limit, '--limit'));
  await ctx.print({
    json: { imports: runs.map((r) => ({ id: r.id, shop: r.shop, files: JSON.parse(r.files), orders: { new: r.ordersNew, updated: r.ordersUpdated, unchanged: r.ordersUnchanged }, lines: r.lines, rejected: r.rejected, at: new Date(r.startedAt).toISOString() })) },
    blocks: [
      {
        kind: 'table',
        columns: [
          { key: 'at', label: ctx.t('col.time') },
          { key: 'shop', label: ctx.t('col.shop') },
          { key: 'files', label: ctx.t('col.file') },
          { key: 'profile', label: ctx.t('col.layout') },
          { key: 'orders', label: ctx.t('col.orders') },
          { key: 'rejected', label: ctx.t('col.rejected'), align: 'right' },
        ],
        rows: runs.map((r) => {
          const files = JSON.parse(r.files) as { name: string; profile: string }[];
          return {
            at: formatWallTime(r.startedAt, 'UTC') + ' UTC',
            shop: r.shop,
            files: files.map((f) => f.name).join(' + '),
            profile: files.map((f) => f.profile).join(' + '),
            orders: ctx.t('productImport.tally', { new: r.ordersNew, updated: r.ordersUpdated, unchanged: r.ordersUnchanged }),
            rejected: r.rejected,
          };
        }),
        empty: ctx.t('importHistory.none'),
      },
    ],
  });
}
