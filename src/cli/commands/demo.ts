import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { seedDemo } from '../../domain/demo/seed.js';
import { conflict } from '../../domain/errors.js';
import { hasData } from '../../db/queries/summary.js';
import { catalogueSummary } from '../../domain/reports/catalogue-summary.js';
import type { Ctx } from '../context.js';
import { confirmed, verb } from '../verb.js';
import { catalogueSummaryView } from '../views/summary.js';

export const DEMO_DB = 'shopkeep-demo.db';

export interface DemoOptions {
  replace: boolean;
}

export function register(ctx: Ctx) {
  return demoCommand(ctx);
}

export function demoCommand(ctx: Ctx, run = demoRun) {
  return verb(ctx, 'demo', 'demo.summary', ['shopkeep demo', 'shopkeep demo --db /tmp/try.db', 'shopkeep demo --replace --yes'])
    .option('--replace', ctx.t('opt.replaceDemo'))
    .action((o) => run({ replace: Boolean(o.replace) }, ctx));
}

/** Builds the demo shop in ./shopkeep-demo.db (or --db), never in the seller's real database unless named. */
export async function demoRun(o: DemoOptions, ctx: Ctx): Promise<void> {
  const path = ctx.globals.db === undefined ? resolve(ctx.io.cwd, DEMO_DB) : ctx.dbPath();
  if (o.replace && existsSync(path)) {
    if (!(await confirmed(ctx, 'demo.confirmReplace', { path }))) return;
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  }
  const db = ctx.useDb(path);
  if (hasData(db)) throw conflict('demo.notEmpty', { path }, { key: 'demo.notEmpty.hint', params: { path } });
  ctx.info(ctx.t('demo.building', { path }));
  seedDemo(db, ctx.now());
  await ctx.print(catalogueSummaryView(ctx, catalogueSummary(db, ctx.now())));
  // The Quick start's main job: yesterday's KPI report, as the seller reads it every morning.
  const [{ kpiReport }, { kpiViewFor }] = await Promise.all([import('../../domain/reports/kpi.js'), import('./report/kpi.js')]);
  const format = ctx.format();
  if (format !== 'json') ctx.io.stdout.write('\n');
  await ctx.print(await kpiViewFor(ctx, kpiReport(db, { compare: 'previous' }, ctx.now()), format));
  ctx.info(ctx.t('demo.next', { path }));
}
