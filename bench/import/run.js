// Import benchmark. Whole-process wall time and peak RSS, in one run, of
//   (1) `shopkeep order import FILE` of a Shopify orders_export.csv (default 1,000,000 line-item rows, 79 columns,
//       2.5 lines per order) into a fresh copy of a prepared database (two shops, 500 SKUs in stock, no orders);
//   (2) the overlapping export a few days later (the same orders, 90% unchanged, 10% with a new status) imported
//       on top of (1)'s result;
//   (3) a Taobao 订单报表 + 宝贝报表 pair in GB18030 (default 500,000 orders, ~1.5 item rows each) into a fresh copy;
// each beside the floor: the `sqlite3` shell's `sqlite3 DB '.mode csv' '.import FILE t'` of the same CSV into a
// plain table in an empty database (for the Taobao pair, the UTF-8 twins of both files in one sqlite3 process:
// the shell cannot decode GB18030). Targets: (1) and (2) within 3× their floor; peak RSS within 256 MB.
// After (1) and (3), the sqlite3 shell also inserts the rows the import wrote into a fresh copy of the shop (same
// schema and indexes, one transaction): the SQLite work alone, which no importer on this schema can beat.
// A realistic 79-column row is ~350 bytes (order rows ~500, further line rows ~190), so 1,000,000 rows make a
// ~352 MB file; the generator does not trim or pad toward a size.
//
// Usage: npm run build && node bench/import/run.js [--lines N] [--taobao-orders N] [--runs N] [--cap S]
//          [--no-shopify] [--no-taobao] [--cpu-prof] [--clean]
//   --lines N          Shopify line-item rows (default 1000000; env IMPORT_BENCH_LINES)
//   --taobao-orders N  订单报表 rows (default lines / 2; env IMPORT_BENCH_TAOBAO_ORDERS)
//   --runs N           timed runs of each shopkeep import (default 1; median reported); the sqlite3 floor runs
//                      max(3, N) times, each import run right after one of them (the machine's speed drifts)
//   --cap S            kill an import that runs longer and report "> cap" (default 600; env IMPORT_BENCH_CAP_S)
//   --cpu-prof         afterwards, run each import once more under `node --cpu-prof` and print where the time goes
//                      (profiles kept in bench/.data/import/cpu-prof/)
//   --clean            delete the generated files in bench/.data/import/ at the end
// Every command runs a private copy of bin/ + dist/ taken at the start (bench/.data/import/binary/), so a build
// by someone else during the run cannot break it half-way. Build first.
// Generated files and the prepared database are cached in bench/.data/import/ (git ignores bench/.data/) and
// reused while the generator version, the size and the schema stay the same.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { catalogue, currentSchemaVersion, prepareDatabase } from './catalogue.js';
import { GENERATOR_VERSION, NOW } from './common.js';
import { GNU_TIME, measure } from './measure.js';
import { printProfile, summariseProfile } from './profile.js';
import { generateShopify } from './shopify.js';
import { snapshotBinary } from './snapshot.js';
import { generateTaobao } from './taobao.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = join(root, 'bench', '.data', 'import');
const Database = createRequire(join(root, 'package.json'))('better-sqlite3');

// --------------------------------------------------------------------------------------------- options

const argv = process.argv.slice(2);
const VALUED = ['--lines', '--taobao-orders', '--runs', '--cap'];
const FLAGS = ['--no-shopify', '--no-taobao', '--cpu-prof', '--clean', '--help'];
for (let i = 0; i < argv.length; i++) {
  if (VALUED.includes(argv[i])) i++;
  else if (!FLAGS.includes(argv[i])) {
    console.error(`unknown argument ${argv[i]}; usage: node bench/import/run.js [${VALUED.map((v) => `${v} N`).join('] [')}] [${FLAGS.join('] [')}]`);
    process.exit(2);
  }
}
const flag = (name) => argv.includes(name);
if (flag('--help')) {
  const text = readFileSync(fileURLToPath(import.meta.url), 'utf8');
  console.log(text.slice(0, text.indexOf('\nimport ')).replace(/^\/\/ ?/gm, ''));
  process.exit(0);
}
const option = (name, envName, fallback) => {
  const i = argv.indexOf(name);
  const raw = i >= 0 ? argv[i + 1] : process.env[envName];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(String(raw).replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`${name} wants a positive whole number, not ${raw}`);
    process.exit(2);
  }
  return n;
};
const LINES = option('--lines', 'IMPORT_BENCH_LINES', 1_000_000);
const TAOBAO_ORDERS = option('--taobao-orders', 'IMPORT_BENCH_TAOBAO_ORDERS', Math.max(1, Math.round(LINES / 2)));
const RUNS = option('--runs', 'IMPORT_BENCH_RUNS', 1);
const FLOOR_RUNS = Math.max(3, RUNS);
const CAP_S = option('--cap', 'IMPORT_BENCH_CAP_S', 600);
const TARGET_RATIO = 3;
const TARGET_RSS_MB = 256;
const env = { ...process.env, NO_COLOR: '1', SHOPKEEP_NOW: new Date(NOW + 3_600_000).toISOString() };
const log = (line) => console.error(line);

if (!existsSync(join(root, 'dist'))) {
  console.error('Build first: npm run build');
  process.exit(2);
}
const sqliteVersion = (() => {
  const r = spawnSync('sqlite3', ['--version'], { encoding: 'utf8' });
  return r.error || r.status !== 0 ? null : r.stdout.split(' ')[0];
})();
if (!sqliteVersion) log('sqlite3 (the SQLite command-line shell) is not on PATH: no floor, no ratios. Install it (apt-get install sqlite3) to compare.');
mkdirSync(dataDir, { recursive: true });
// Every command of the run uses one private copy of bin/ + dist/ (others may rebuild dist/ meanwhile).
const distBuilt = statSync(join(root, 'dist', 'main.js')).mtime;
const bin = await snapshotBinary(root, join(dataDir, 'binary'));
const git = (args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';
const gitHead = git(['rev-parse', '--short', 'HEAD']) || '?';
const dirtySrc = git(['status', '--porcelain', '--', 'src']) !== '';

// ------------------------------------------------------------------------------------------------ data

const mb = (bytes) => bytes / 1024 / 1024;
const fmtInt = (n) => n.toLocaleString('en');

/** Runs `make` unless `statsFile` and every file it names exist; returns the cached or fresh stats. */
function cached(statsFile, files, make) {
  if (existsSync(statsFile) && files.every((f) => existsSync(f))) return JSON.parse(readFileSync(statsFile, 'utf8'));
  const stats = make();
  writeFileSync(statsFile, JSON.stringify(stats, null, 1));
  return stats;
}

const schema = currentSchemaVersion(bin, dataDir, Database);
const prepared = join(dataDir, `prepared-g${GENERATOR_VERSION}-s${schema}.db`);
if (!existsSync(prepared)) {
  for (const f of readdirSync(dataDir)) if (/^prepared-.*\.db/.test(f)) rmSync(join(dataDir, f), { force: true });
  log(`Preparing the shop database through the binary (2 shops, 500 SKUs, a goods receipt per SKU) → ${prepared}`);
  const p = await prepareDatabase({ bin, file: prepared, Database, log });
  log(`  done in ${(p.ms / 1000).toFixed(1)} s`);
}
const skus = catalogue();

const doShopify = !flag('--no-shopify');
const doTaobao = !flag('--no-taobao');
const shopifyFile = join(dataDir, `shopify-orders_export-${LINES}-g${GENERATOR_VERSION}.csv`);
const overlapFile = join(dataDir, `shopify-orders_export-${LINES}-g${GENERATOR_VERSION}-overlap.csv`);
let shopify;
if (doShopify) {
  shopify = cached(`${shopifyFile}.json`, [shopifyFile, overlapFile], () => {
    log(`Generating the Shopify export (${fmtInt(LINES)} line rows) and its overlapping re-export …`);
    const t = Date.now();
    const s = generateShopify({ lines: LINES, file: shopifyFile, overlapFile, skus });
    log(`  done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    return s;
  });
}
const taobaoDir = join(dataDir, `taobao-g${GENERATOR_VERSION}`);
let taobao;
if (doTaobao) {
  mkdirSync(taobaoDir, { recursive: true });
  const expect = ['ExportOrderList', 'ExportOrderDetailList'].flatMap((n) => [join(taobaoDir, `${n}202611121000-${TAOBAO_ORDERS}.csv`), join(taobaoDir, `${n}202611121000-${TAOBAO_ORDERS}.utf8.csv`)]);
  taobao = cached(join(taobaoDir, `pair-${TAOBAO_ORDERS}.json`), expect, () => {
    log(`Generating the Taobao pair (${fmtInt(TAOBAO_ORDERS)} orders, GB18030, with UTF-8 twins) …`);
    const t = Date.now();
    const g = generateTaobao({ orders: TAOBAO_ORDERS, dir: taobaoDir, skus, root });
    log(`  done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    return g;
  });
}

// ---------------------------------------------------------------------------------------------- timing

const work = (name) => join(dataDir, `work-${name}.db`);
const removeDb = (file) => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
};
const freshCopy = (from, to) => {
  removeDb(to);
  copyFileSync(from, to);
};
/** A database with its WAL (an import's result, not checkpointed). */
const copyDb = (from, to) => {
  removeDb(to);
  for (const suffix of ['', '-wal']) if (existsSync(from + suffix)) copyFileSync(from + suffix, to + suffix);
};
/** The 1-minute load average when a measurement ends: other work on the machine slows every command alike. */
const r1load = () => loadavg()[0];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rssFile = join(dataDir, '.rss');

/**
 * The sqlite3 shell's `.import` of the CSV file(s) into plain tables of an empty database, FLOOR_RUNS times, with
 * `after(i)` run after the i-th: the import it is compared with, so that both meet the machine in the same moments
 * (its speed drifts by a third over minutes here).
 */
async function floor(files, after = async () => {}) {
  if (!sqliteVersion) {
    for (let i = 0; i < FLOOR_RUNS; i++) await after(i);
    return null;
  }
  const db = work('floor');
  const samples = [];
  for (let i = 0; i < FLOOR_RUNS; i++) {
    removeDb(db);
    const args = [db, '.mode csv', ...files.map((f, k) => `.import ${f} t${k || ''}`)];
    const r = await measure('sqlite3', args, { env, capMs: CAP_S * 1000, rssFile });
    if (r.capped) return { capped: true, ms: CAP_S * 1000 };
    if (r.code !== 0) throw new Error(`sqlite3 ${args.join(' ')} exited ${r.code}: ${r.stderr.slice(0, 2000)}`);
    samples.push(r);
    await after(i);
  }
  const d = new Database(db, { readonly: true });
  const rows = files.map((_, k) => d.prepare(`SELECT count(*) FROM t${k || ''}`).pluck().get());
  d.close();
  removeDb(db);
  return { ms: median(samples.map((s) => s.ms)), rssMb: median(samples.map((s) => s.rssMb)), cpuS: median(samples.map((s) => s.cpuS)), load: r1load(), rows, n: samples.length, cmd: `sqlite3 DB '.mode csv' ${files.map((f, k) => `'.import ${f.replace(`${root}/`, '')} t${k || ''}'`).join(' ')}` };
}

// Tables an import writes, parents first (the prepared shop has rows in none of them but its goods receipts).
const WRITTEN = ['customer', 'sales_order', 'order_line', 'shipment', 'shipment_line', 'stock_movement', 'order_event', 'import_run'];

/**
 * The SQLite work alone: the sqlite3 shell inserting the rows an import wrote (same schema, same indexes) into a
 * fresh copy of the prepared shop, in one transaction, straight from the imported file. What no importer on
 * this schema can beat; the rest of shopkeep's time is reading, checking and deciding what to write.
 */
async function writeFloor(imported) {
  if (!sqliteVersion) return null;
  const db = work('rows');
  const d = new Database(imported, { readonly: true });
  const rows = WRITTEN.reduce((n, t) => n + d.prepare(`SELECT count(*) FROM ${t}`).pluck().get(), 0);
  d.close();
  const samples = [];
  for (let i = 0; i < FLOOR_RUNS; i++) {
    freshCopy(prepared, db);
    const args = [db, `ATTACH '${imported}' AS src`, 'BEGIN', ...WRITTEN.map((t) => `INSERT INTO main.${t} SELECT * FROM src.${t}${t === 'stock_movement' ? ' WHERE id > (SELECT coalesce(max(id), 0) FROM main.stock_movement)' : ''}`), 'COMMIT'];
    const r = await measure('sqlite3', args, { env, capMs: CAP_S * 1000, rssFile });
    if (r.code !== 0) throw new Error(`sqlite3 write floor exited ${r.code}: ${r.stderr.slice(0, 2000)}`);
    samples.push(r);
  }
  removeDb(db);
  return { ms: median(samples.map((s) => s.ms)), rssMb: median(samples.map((s) => s.rssMb)), cpuS: median(samples.map((s) => s.cpuS)), load: r1load(), rows, n: samples.length };
}

/**
 * `shopkeep order import FILES --json` into `db` (prepared by `before` for every run), a run per `run()` call;
 * `result()` is the median run, the JSON it printed and its stderr, or the first run over the cap or failed.
 */
function importer(files, db, before, nodeFlags = []) {
  const samples = [];
  let stopped = null;
  return {
    async run() {
      if (stopped) return;
      before();
      const args = [...nodeFlags, bin, '--db', db, '--json', 'order', 'import', ...files];
      const r = await measure(process.execPath, args, { env, capMs: CAP_S * 1000, rssFile });
      if (r.capped) stopped = { capped: true, ms: CAP_S * 1000, rssMb: r.rssMb, cpuS: r.cpuS, load: r1load() };
      else if (r.code !== 0) {
        const oom = /heap out of memory|Allocation failed/i.test(r.stderr);
        stopped = { failed: oom ? 'out of memory' : `exit ${r.code ?? r.signal}`, ms: r.ms, rssMb: r.rssMb, cpuS: r.cpuS, load: r1load(), stderr: r.stderr };
      } else samples.push(r);
    },
    result() {
      if (stopped) return stopped;
      const mid = [...samples].sort((a, b) => a.ms - b.ms)[Math.floor(samples.length / 2)];
      return { ms: mid.ms, rssMb: median(samples.map((s) => s.rssMb)), cpuS: mid.cpuS, load: r1load(), n: samples.length, json: mid.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)), stderr: mid.stderr };
    },
  };
}

/** An import timed RUNS times, each run right after a run of its floor; returns both. */
async function besideFloor(floorFiles, files, db, before) {
  const runs = importer(files, db, before);
  const f = await floor(floorFiles, (i) => (i < RUNS ? runs.run() : undefined));
  return [runs.result(), f];
}

async function shopkeepImport(files, db, before, nodeFlags = [], runs = RUNS) {
  const one = importer(files, db, before, nodeFlags);
  for (let i = 0; i < runs; i++) await one.run();
  return one.result();
}

function contents(file) {
  const d = new Database(file, { readonly: true });
  const one = (sql) => d.prepare(sql).pluck().get();
  const c = {
    orders: one('SELECT count(*) FROM sales_order'),
    lines: one('SELECT count(*) FROM order_line'),
    matched: one('SELECT count(*) FROM order_line WHERE sku_id IS NOT NULL'),
    customers: one('SELECT count(*) FROM customer'),
    events: one('SELECT count(*) FROM order_event'),
    movements: one("SELECT count(*) FROM stock_movement WHERE kind = 'sale'"),
    status: Object.fromEntries(d.prepare('SELECT status, count(*) AS n FROM sales_order GROUP BY status ORDER BY n DESC').raw().all()),
    mb: mb(statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0)),
  };
  d.close();
  return c;
}

const results = [];
const notes = [];
const say = (line) => {
  log(line);
  notes.push(line);
};
const problem = (what, r) => `${what}: ${r.capped ? `over the ${CAP_S} s cap, killed` : r.failed}${r.stderr ? `\n    ${r.stderr.trim().split('\n').slice(-4).join('\n    ')}` : ''}`;

if (doShopify) {
  const orders = shopify.orders;
  log(`\n[shopify] (1) full import of ${fmtInt(orders)} orders / ${fmtInt(shopify.rows)} rows (cap ${CAP_S} s), beside the sqlite3 floor for ${mb(shopify.bytes).toFixed(0)} MB …`);
  const [full, f1] = await besideFloor([shopifyFile], [shopifyFile], work('full'), () => freshCopy(prepared, work('full')));
  results.push({ step: '(1) shopkeep order import, Shopify full', rows: shopify.rows, orders, r: full, floor: f1, target: true });
  if (f1) results.push({ step: '    sqlite3 .import, same CSV (floor)', rows: f1.rows?.[0], r: f1, floor: f1 });
  if (full.json) {
    const j = full.json[0];
    const c = contents(work('full'));
    say(`(1) printed ${JSON.stringify(j.orders)}, ${fmtInt(j.lines)} lines, ${j.warnings} warnings; expected ${fmtInt(orders)} new. Database: ${fmtInt(c.orders)} orders, ${fmtInt(c.lines)} lines (${fmtInt(c.matched)} matched to a SKU), ` +
      `${fmtInt(c.customers)} customers, ${fmtInt(c.movements)} sale movements, ${fmtInt(c.events)} events, ${c.mb.toFixed(0)} MB; statuses ${JSON.stringify(c.status)}`);
    if (j.orders.new !== orders) say(`(1) WARNING: ${j.orders.new} new orders, the file has ${orders}`);
    const w = await writeFloor(work('full'));
    if (w) results.push({ step: '    sqlite3 inserting the rows (1) wrote', rows: w.rows, r: w, floor: f1 });
    copyDb(work('full'), work('after-full'));
    // Checkpointed (untimed), as any later shopkeep command would leave it: (2) then times only its own work.
    const d = new Database(work('after-full'));
    d.pragma('wal_checkpoint(TRUNCATE)');
    d.close();

    log(`[shopify] (2) overlapping export on top (${fmtInt(shopify.changed)} orders changed), beside its sqlite3 floor …`);
    const [over, f2] = await besideFloor([overlapFile], [overlapFile], work('overlap'), () => copyDb(work('after-full'), work('overlap')));
    results.push({ step: '(2) shopkeep order import, overlapping export', rows: shopify.rows, orders, r: over, floor: f2, target: true });
    if (f2) results.push({ step: '    sqlite3 .import, same CSV (floor)', rows: f2.rows?.[0], r: f2, floor: f2 });
    if (over.json) {
      const o = over.json[0];
      const c = contents(work('overlap'));
      say(`(2) printed ${JSON.stringify(o.orders)}; expected {"new":0,"updated":${shopify.changed},"unchanged":${orders - shopify.changed}}. Database after: ${fmtInt(c.orders)} orders, ${fmtInt(c.events)} events; statuses ${JSON.stringify(c.status)}`);
      if (o.orders.updated !== shopify.changed || o.orders.new !== 0) say(`(2) WARNING: the overlap import did not report exactly the ${shopify.changed} changed orders as updated`);
    } else say(problem('(2)', over));
  } else {
    say(problem('(1)', full));
    results.push({ step: '(2) shopkeep order import, overlapping export', rows: shopify.rows, orders, r: { skipped: 'needs (1)' }, target: true });
  }
  for (const name of ['full', 'after-full', 'overlap']) removeDb(work(name));
}

if (doTaobao) {
  const { paths, stats } = taobao;
  log(`\n[taobao] (3) pair import of ${fmtInt(stats.orders)} orders + ${fmtInt(stats.itemRows)} item rows (cap ${CAP_S} s), beside the sqlite3 floor (UTF-8 twins) …`);
  const [pair, f3] = await besideFloor([paths.ordersUtf8, paths.itemsUtf8], [paths.orders, paths.items], work('taobao'), () => freshCopy(prepared, work('taobao')));
  results.push({ step: '(3) shopkeep order import, Taobao pair (GB18030)', rows: stats.orders + stats.itemRows, orders: stats.orders, r: pair, floor: f3, target: true });
  if (f3) results.push({ step: '    sqlite3 .import, UTF-8 twins (floor)', rows: f3.rows ? f3.rows[0] + f3.rows[1] : undefined, r: f3, floor: f3 });
  if (pair.json) {
    const j = pair.json[0];
    const c = contents(work('taobao'));
    say(`(3) printed ${JSON.stringify(j.orders)}, ${fmtInt(j.lines)} lines, encoding ${j.encoding}, profile ${j.profile}, ${j.warnings} warnings; expected ${fmtInt(stats.orders)} new. Database: ${fmtInt(c.orders)} orders, ${fmtInt(c.lines)} lines (${fmtInt(c.matched)} matched), ${fmtInt(c.customers)} customers; statuses ${JSON.stringify(c.status)}`);
    if (j.orders.new !== stats.orders) say(`(3) WARNING: ${j.orders.new} new orders, the file has ${stats.orders}`);
    const w = await writeFloor(work('taobao'));
    if (w) results.push({ step: '    sqlite3 inserting the rows (3) wrote', rows: w.rows, r: w, floor: f3 });
  } else say(problem('(3)', pair));
  removeDb(work('taobao'));
}

// ----------------------------------------------------------------------------------------------- report

const secs = (ms) => (ms >= 100_000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);
const cell = (r) => (r.skipped ? `skipped (${r.skipped})` : r.capped ? `> ${CAP_S} s (cap)` : r.failed ? `failed: ${r.failed} after ${secs(r.ms)}` : secs(r.ms));
const rss = (r) => (r.rssMb == null ? (r.capped || r.skipped ? '—' : 'n/a') : `${r.rssMb.toFixed(0)} MB`);
const ratio = (x) => {
  if (!x.floor || x.floor.capped || x.r.skipped || x.r.failed) return '';
  const v = x.r.ms / x.floor.ms;
  return x.r.capped ? `> ${v.toFixed(1)}×` : `${v.toFixed(2)}×`;
};
const verdict = (x) => {
  if (!x.target) return '';
  const measured = x.floor && !x.floor.capped && !x.r.failed && !x.r.skipped;
  // Killed at the cap: missed for certain when even the cap is over 3× the floor.
  const timeOk = !measured ? null : x.r.capped ? (x.r.ms / x.floor.ms > TARGET_RATIO ? false : null) : x.r.ms / x.floor.ms <= TARGET_RATIO;
  const rssOk = x.r.rssMb == null || x.r.skipped ? null : x.r.rssMb <= TARGET_RSS_MB && !x.r.failed;
  const word = (ok) => (ok === null ? '?' : ok ? 'met' : 'MISSED');
  return `time ${word(timeOk)}, RSS ${word(rssOk)}`;
};
const perOrder = (x) => (x.orders && x.r.ms && !x.r.capped && !x.r.failed && !x.r.skipped ? `${((x.r.ms / x.orders) * 1000).toFixed(0)} µs` : '');

console.log(`shopkeep at ${gitHead}${dirtySrc ? ' + uncommitted changes in src/' : ''}, dist built ${distBuilt.toISOString().slice(0, 16).replace('T', ' ')} UTC (a copy of it runs every command)`);
console.log(`node ${process.version}, sqlite3 ${sqliteVersion ?? '(not installed)'}, ${cpus().length} CPUs; peak RSS from ${GNU_TIME ? 'GNU time %M' : 'VmHWM polling'}; ` +
  `shopkeep imports: ${RUNS} run${RUNS > 1 ? 's (median)' : ''} each on a fresh copy; sqlite3 floor: median of ${FLOOR_RUNS}; cap ${CAP_S} s per command`);
if (shopify) console.log(`Shopify orders_export.csv: ${fmtInt(shopify.rows)} line rows (${fmtInt(shopify.physicalLines)} physical lines: multi-line notes), ${fmtInt(shopify.orders)} orders, ${mb(shopify.bytes).toFixed(1)} MB, 79 columns; ` +
  `lines: ${fmtInt(shopify.catalogueLines)} catalogue SKUs, ${fmtInt(shopify.unknownSkuLines)} unknown SKUs, ${fmtInt(shopify.customLines)} custom items; statuses ${JSON.stringify(shopify.status)}`);
if (shopify) console.log(`  overlapping export: same orders and rows, ${fmtInt(shopify.changed)} (${((shopify.changed / shopify.orders) * 100).toFixed(1)}%) with a new status, ${mb(shopify.overlapBytes).toFixed(1)} MB; statuses after ${JSON.stringify(shopify.statusAfter)}`);
if (taobao) console.log(`Taobao pair (GB18030): 订单报表 ${fmtInt(taobao.stats.orders)} rows ${mb(taobao.stats.bytes.orders).toFixed(1)} MB + 宝贝报表 ${fmtInt(taobao.stats.itemRows)} rows ${mb(taobao.stats.bytes.items).toFixed(1)} MB ` +
  `(UTF-8 twins for sqlite3: ${mb(taobao.stats.bytes.ordersUtf8).toFixed(1)} + ${mb(taobao.stats.bytes.itemsUtf8).toFixed(1)} MB); statuses ${JSON.stringify(taobao.stats.status)}`);
console.log('');
const cpu = (r) => (r.cpuS == null ? '' : `${r.cpuS.toFixed(1)} s`);
const load = (r) => (r.load == null ? '' : r.load.toFixed(1));
const cpuRatio = (x) => (!x.floor?.cpuS || x.r.cpuS == null || x.r.skipped || x.r.failed ? '' : `${x.r.capped ? '> ' : ''}${(x.r.cpuS / x.floor.cpuS).toFixed(1)}×`);
const head = ['step', 'rows', 'wall time', 'per order', 'peak RSS', 'vs sqlite3', 'CPU', 'CPU vs sqlite3', 'load', 'target', ''];
const body = results.map((x) => [x.step, x.rows === undefined ? '' : fmtInt(x.rows), cell(x.r), perOrder(x), rss(x.r), ratio(x), cpu(x.r), cpuRatio(x), load(x.r), x.target ? `≤ ${TARGET_RATIO}×, ≤ ${TARGET_RSS_MB} MB` : '', verdict(x)]);
const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 || i >= 9 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
console.log(line(head));
for (const b of body) console.log(line(b));
console.log('');
for (const n of notes) console.log(n);
const floors = results.filter((x) => x.floor && x.r === x.floor);
if (floors.length) console.log(`floor commands: ${[...new Set(floors.map((x) => x.r.cmd))].join(' ; ')} (each into a new empty database)`);
console.log(`vs sqlite3 = wall time ÷ the floor's (the target); CPU = user + system seconds of the command (GNU time), CPU vs sqlite3 its ratio, steadier when the machine is busy;`);
console.log(`load = the machine's 1-minute load average as the step ended (${cpus().length} CPUs: above that, other work was slowing every command, and wall times with it).`);

// -------------------------------------------------------------------------------------------- profiling

if (flag('--cpu-prof')) {
  // Each import once more under the profiler (slower than the timed runs): (1) on a fresh copy, (2) on top of
  // that profiled run's result, (3) on a fresh copy. Self time of native calls (SQLite statements run through
  // better-sqlite3) is charged to the JavaScript function that made them.
  const dir = join(dataDir, 'cpu-prof');
  rmSync(dir, { recursive: true, force: true });
  const jobs = [];
  if (doShopify) {
    jobs.push(['(1) Shopify full', [shopifyFile], () => freshCopy(prepared, work('prof'))]);
    jobs.push(['(2) overlapping export', [overlapFile], () => {}]);
  }
  if (doTaobao) jobs.push(['(3) Taobao pair', [taobao.paths.orders, taobao.paths.items], () => freshCopy(prepared, work('prof'))]);
  for (const [name, files, before] of jobs) {
    const sub = join(dir, name.slice(1, 2));
    mkdirSync(sub, { recursive: true });
    log(`\n[profile] ${name} under node --cpu-prof …`);
    const r = await shopkeepImport(files, work('prof'), before, ['--cpu-prof', '--cpu-prof-dir', sub], 1);
    const file = readdirSync(sub).find((f) => f.endsWith('.cpuprofile'));
    console.log(`\nCPU profile of import ${name} (${file ? join(sub, file).replace(`${root}/`, '') : 'no profile written'}; ${cell(r)} under the profiler):`);
    if (file) printProfile(summariseProfile(join(sub, file), 20));
  }
  removeDb(work('prof'));
}

if (flag('--clean')) rmSync(dataDir, { recursive: true, force: true });
