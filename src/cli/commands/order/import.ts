import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import type { ImportResult } from '../../../domain/imports/run.js';
import type { DryRunChange } from '../../../domain/imports/unit-import.js';
import type { MessageKey } from '../../../i18n/index.js';
import type { Ctx } from '../../context.js';
import { EXIT, formatDetail } from '../../errors.js';
import { readInput, writeOutput } from '../../files.js';
import { progressBar } from '../../progress.js';
import { verb } from '../../verb.js';

export interface OrderImportOptions {
  shop?: string;
  platform: string;
  dryRun: boolean;
  skipBad: boolean;
  rejects?: string;
  mapping?: string;
}

export function orderImportCommand(ctx: Ctx, run = orderImportRun): Command {
  return verb(ctx, 'import', 'import.order.summary', [
    'shopkeep order import orders_export.csv',
    'shopkeep order import ExportOrderList202611251030.csv ExportOrderDetailList202611251030.csv --shop "山间茶舍 Taobao"',
    'shopkeep order import amazon-all-orders.txt --dry-run',
    'shopkeep order import erp-orders.csv --mapping my-erp.json --skip-bad --rejects bad-rows.csv',
    'curl -s … | shopkeep order import - --platform shopify',
  ])
    .argument('<files...>', ctx.t('import.arg.files'))
    .option('--shop <name>', ctx.t('opt.shop'))
    .option('--platform <name>', ctx.t('import.opt.platform'), 'auto')
    .option('--dry-run', ctx.t('import.opt.dryRun'))
    .option('--skip-bad', ctx.t('import.opt.skipBad'))
    .option('--rejects <file>', ctx.t('import.opt.rejects'))
    .option('--mapping <file.json>', ctx.t('import.opt.mapping'))
    .action((files: string[], o) => run(files, { ...o, dryRun: Boolean(o.dryRun), skipBad: Boolean(o.skipBad) }, ctx));
}

/** One JSON object per import on stdout (one line each); the story of the run on stderr. */
export async function orderImportRun(files: string[], o: OrderImportOptions, ctx: Ctx): Promise<void> {
  const { importOrderFilesInWorker } = await import('../../../domain/imports/run.js');
  const { bundledScript, importInWriter } = await import('../../../domain/imports/worker-client.js');
  const { PartialImport } = await import('../../../domain/imports/unit-import.js');
  // Files are read in chunks as they import; stdin is read first (it cannot be read twice).
  const inputs = await Promise.all(files.map((f) => (f === '-' ? readInput(ctx, f) : { name: basename(f), path: resolve(ctx.io.cwd, f) })));
  const mapping = o.mapping === undefined ? undefined : await loadMapping(ctx, o.mapping);
  const options = { shop: o.shop, platform: o.platform, dryRun: o.dryRun, skipBad: o.skipBad };
  // Opened here first: a database shopkeep cannot use is reported before any thread starts.
  const db = ctx.db();
  const writer = bundledScript('import-writer.js');
  const path = ctx.dbPath();
  const progress = await progressBar(ctx, ctx.t('import.progress'), 'bytes', ctx.t('import.progress.orders'));
  let results: ImportResult[];
  // A later file's failure leaves the earlier files imported (each is its own transaction): they are reported first.
  let failure: unknown;
  try {
    results =
      writer && path !== ':memory:'
        ? await importInWriter(writer, { db: path, inputs, options: { ...options, mapping: mapping?.mapping }, now: ctx.now() }, progress.update)
        : await importOrderFilesInWorker(db, inputs, { ...options, mapping, onProgress: progress.update }, ctx.now());
  } catch (error) {
    if (!(error instanceof PartialImport)) throw error;
    ({ results, failure } = error);
  } finally {
    progress.stop();
  }
  const t = ctx.t.bind(ctx);
  for (const r of results) {
    ctx.info(t('import.chose', { file: r.file, profile: r.profile, matched: r.matched, of: r.of, encoding: r.encoding, shop: r.shop }));
    for (const w of r.warnings) ctx.warn(formatDetail(w, t));
    if (r.negativeStock.length > 0) ctx.warn(t('import.negativeStock', { skus: r.negativeStock.slice(0, 10).join(', ') + (r.negativeStock.length > 10 ? ' …' : '') }));
    const nothing = r.orders.new + r.orders.updated === 0 && r.rejected === 0;
    const none = nothing && r.orders.unchanged === 0;
    ctx.info(none ? t('import.noRows', { file: r.file }) : nothing ? t('import.nothingChanged', { file: r.file }) : t('import.summary', { file: r.file, ...r.orders, lines: r.lines, rejected: r.rejected }));
    if (r.dryRun) {
      for (const c of (r.changes ?? []).slice(0, SHOWN_CHANGES)) ctx.info(dryRunLine(ctx, c));
      const more = r.orders.new + r.orders.updated - Math.min(SHOWN_CHANGES, r.changes?.length ?? 0);
      if (more > 0) ctx.info(t('import.dryRun.more', { count: more }));
      ctx.info(t('import.dryRun'));
    }
  }
  const rejects = results.flatMap((r) => r.rejects);
  if (rejects.length > 0) {
    const target = o.rejects ?? `${files[0] === '-' ? 'stdin' : files[0]}.rejects.csv`;
    const [{ stringify }, { formulaSafe }] = await Promise.all([import('csv-stringify/sync'), import('../../render/csv.js')]);
    // Formula-safe as every CSV shopkeep writes (a cell like =HYPERLINK(…) is not run when the file opens in Excel);
    // the leading ' is cleaned again when the fixed rows are imported.
    const rows = rejects.map((r) => [r.file, String(r.line), formatDetail({ key: r.detail.key, params: r.detail.params }, t), ...r.cells].map(formulaSafe));
    writeOutput(ctx, target, `\uFEFF${stringify([['file', 'line', 'reason', 'cells…'], ...rows], { record_delimiter: 'windows' })}`);
    ctx.warn(t(o.dryRun ? 'import.rejectedSomeDryRun' : 'import.rejectedSome', { count: rejects.length, rejects: target }));
    ctx.exitCode = EXIT.invalidData;
  }
  const lines = results.map((r) =>
    JSON.stringify({
      file: r.file, profile: r.profile, shop: r.shop, encoding: r.encoding, orders: r.orders, lines: r.lines, rejected: r.rejected, dryRun: r.dryRun, bulkLoad: r.bulkLoad, warnings: r.warnings.length,
      ...(r.dryRun && { changes: r.changes ?? [] }),
    }),
  );
  if (ctx.format() === 'json') ctx.io.stdout.write(`${lines.join('\n')}\n`);
  if (failure !== undefined) throw failure;
}

/** Orders a dry run names on stderr; JSON carries up to DRY_RUN_LISTED. */
const SHOWN_CHANGES = 20;

function dryRunLine(ctx: Ctx, c: DryRunChange): string {
  const status = (s: string | null) => (s === null ? '' : ctx.t(`orderStatus.${s}` as MessageKey));
  if (c.outcome === 'new') return ctx.t('import.dryRun.new', { order: c.order, status: status(c.status) });
  if (c.previous !== null && c.status !== null && c.previous !== c.status) return ctx.t('import.dryRun.status', { order: c.order, from: status(c.previous), to: status(c.status) });
  return ctx.t('import.dryRun.updated', { order: c.order });
}

async function loadMapping(ctx: Ctx, path: string) {
  const { mappingProfile } = await import('../../../domain/imports/mapping.js');
  const input = await readInput(ctx, path);
  return mappingProfile(input.bytes.toString('utf8'), input.name);
}
