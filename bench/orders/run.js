// Orders benchmark. Whole-process wall time, in one run, of
//   · `shopkeep order list --to-ship --json` (default --limit 1000, and --limit 100000 so the whole queue prints)
//     beside the `sqlite3` shell running the equivalent SELECT (same rows, same JSON text) on the same file;
//   · `shopkeep order ship --from FILE` with 10,000 rows, on a fresh copy of the database every run, beside the
//     `sqlite3` shell applying the same shipments with set-based INSERTs/UPDATEs (a floor, see FLOOR below);
// on a database of 300,000 orders (bench/orders/generate.js; cached in bench/.data/). Target: the list within
// 3× the sqlite3 shell. Usage: npm run build && node bench/orders/run.js [runs] [--clean]  (--clean deletes the cached files)
// `runs` (default 5) is for the big commands (ship, list of the whole queue); the default-limit list and its
// sqlite3 twin run 3× as often. Every command also runs untimed first (warm cache; outputs and the ship runs are
// verified), and the commands compared run in alternation, so a busy moment on the machine hits both alike.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentSchemaVersion, generate, GENERATOR_VERSION, NOW } from './generate.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'shopkeep.js');
const dataDir = join(root, 'bench', '.data');
const db = join(dataDir, `orders-300k-v${GENERATOR_VERSION}.db`);
// Per-process names for what a run writes, so two runs at once never share a file.
const work = join(dataDir, `orders-work-${process.pid}.db`);
const shipCsv = join(dataDir, `orders-ship-10k-${process.pid}.csv`);
const floorSql = join(dataDir, `orders-ship-floor-${process.pid}.sql`);
process.on('exit', () => {
  for (const file of [work, `${work}-wal`, `${work}-shm`, shipCsv, floorSql]) rmSync(file, { force: true });
});
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const runs = Number(args[0] ?? 5);
const quickRuns = runs * 3;
const ORDERS = 300_000;
const SHIP_ROWS = 10_000;
const TARGET = 3;
const SHIP_AT = new Date(NOW + 3_600_000).toISOString(); // shipping happens an hour after the generated "now"
const Database = createRequire(join(root, 'package.json'))('better-sqlite3');
const env = { ...process.env, NO_COLOR: '1', SHOPKEEP_NOW: SHIP_AT };

if (!existsSync(join(root, 'dist'))) {
  console.error('Build first: npm run build');
  process.exit(2);
}
mkdirSync(dataDir, { recursive: true });

// ------------------------------------------------------------------------------------------- database

function cachedIsCurrent() {
  if (!existsSync(db)) return false;
  const d = new Database(db, { readonly: true });
  const version = d.pragma('user_version', { simple: true });
  const orders = d.prepare('SELECT count(*) FROM sales_order').pluck().get();
  d.close();
  return version === currentSchemaVersion(bin, dataDir, Database) && orders === ORDERS;
}

if (!cachedIsCurrent()) {
  console.error(`Generating ${ORDERS.toLocaleString('en')} orders into ${db} (once; reused while the file and schema stay) …`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
  const g = generate({ root, file: db, orders: ORDERS, log: (line) => console.error(line) });
  console.error(`  done in ${(g.ms / 1000).toFixed(1)} s; statuses ${JSON.stringify(g.statusCount)}`);
}

const stats = (() => {
  const d = new Database(db, { readonly: true });
  const one = (sql) => d.prepare(sql).pluck().get();
  const s = {
    orders: one('SELECT count(*) FROM sales_order'),
    lines: one('SELECT count(*) FROM order_line'),
    customers: one('SELECT count(*) FROM customer'),
    events: one('SELECT count(*) FROM order_event'),
    movements: one('SELECT count(*) FROM stock_movement'),
    skus: one('SELECT count(*) FROM sku'),
    queue: one("SELECT count(*) FROM sales_order WHERE status IN ('paid', 'picking', 'packed', 'partially_shipped')"),
    queueLines: one("SELECT count(*) FROM order_line WHERE order_id IN (SELECT id FROM sales_order WHERE status IN ('paid', 'picking', 'packed', 'partially_shipped'))"),
    paid: one("SELECT count(*) FROM sales_order WHERE status = 'paid'"),
    mb: statSync(db).size / 1024 / 1024,
  };
  // The day's shipping file: the 10,000 longest-waiting orders still in status paid.
  const rows = d
    .prepare("SELECT o.id, o.platform_order_id AS ref, sh.platform FROM sales_order o JOIN shop sh ON sh.id = o.shop_id WHERE o.status = 'paid' ORDER BY o.paid_at, o.id LIMIT ?")
    .all(SHIP_ROWS);
  d.close();
  if (rows.length < SHIP_ROWS) throw new Error(`only ${rows.length} paid orders to ship; the benchmark needs ${SHIP_ROWS}`);
  const csv = ['order,carrier,tracking'];
  for (const r of rows) csv.push(r.platform === 'taobao' ? `${r.ref},SF,SF${String(700_000_000_000 + r.id * 13)}` : `${r.ref},UPS,1Z9A7W${String(r.id).padStart(12, '0')}`);
  writeFileSync(shipCsv, `${csv.join('\n')}\n`);
  s.shipIds = rows.map((r) => r.id);
  return s;
})();

// --------------------------------------------------------------------------------------------- sqlite3

const sqliteVersion = (() => {
  const r = spawnSync('sqlite3', ['--version'], { encoding: 'utf8' });
  return r.error || r.status !== 0 ? null : r.stdout.split(' ')[0];
})();
if (!sqliteVersion) console.error('sqlite3 (the SQLite command-line shell) is not on PATH: the sqlite3 column is skipped. Install it (apt-get install sqlite3) to compare.');

const TO_SHIP = "('paid', 'picking', 'packed', 'partially_shipped')";
const amount = (minor) => `printf('%d.%02d', ${minor} / 100, ${minor} % 100)`; // CNY and USD: 2 decimals, amounts ≥ 0 here
const iso = (ms) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${ms} / 1000.0, 'unixepoch')`;
/** The shipping queue as the same JSON text shopkeep prints, built by SQLite's json functions. */
const listSql = (limit) => `SELECT '{"orders":' || coalesce(json_group_array(json_object(
    'id', o.id, 'shop', sh.name, 'platform', sh.platform, 'platformOrderId', o.platform_order_id, 'status', o.status,
    'currency', o.currency, 'total', ${amount('o.total')}, 'paid', ${amount('o.paid')},
    'placedAt', ${iso('o.placed_at')}, 'paidAt', ${iso('o.paid_at')},
    'lines', (SELECT json_group_array(json_object('sku', s.code, 'title', l.title, 'quantity', l.quantity,
        'unitPrice', ${amount('l.unit_price')}, 'shipped', l.shipped))
      FROM order_line l LEFT JOIN sku s ON s.id = l.sku_id WHERE l.order_id = o.id)
  )), '[]') || '}'
FROM (SELECT * FROM sales_order WHERE status IN ${TO_SHIP} ORDER BY paid_at, id LIMIT ${limit}) o
JOIN shop sh ON sh.id = o.shop_id;`;

/**
 * FLOOR: what `order ship --from` writes, done set-based by the sqlite3 shell in one transaction: import the
 * CSV into a temp table, match the orders by platform number (status paid/picking/packed), one shipment per
 * order, a shipment line and a `sale` movement (running on-hand per SKU) per unshipped line, SKU on-hand and
 * reserved down, lines marked shipped, a tracking and a status event per order, orders set to shipped. It does
 * none of shopkeep's per-row checks (savepoints, state machine, duplicate rows, carrier/tracking warnings,
 * oversell, error listing), so it is a floor, not a competitor. Foreign keys on and synchronous=NORMAL, as shopkeep.
 */
const floorScript = (csv, now) => `.bail on
PRAGMA foreign_keys = ON;
PRAGMA synchronous = NORMAL;
CREATE TEMP TABLE ship_in (ref TEXT, carrier TEXT, tracking TEXT);
.import --csv --skip 1 --schema temp ${csv} ship_in
BEGIN IMMEDIATE;
CREATE TEMP TABLE batch AS
  SELECT i.rowid AS n, o.id AS order_id, o.platform_order_id AS ref, o.status, trim(i.carrier) AS carrier, trim(i.tracking) AS tracking
  FROM temp.ship_in i JOIN sales_order o ON o.platform_order_id = trim(i.ref) WHERE o.status IN ('paid', 'picking', 'packed');
INSERT INTO shipment (order_id, carrier, tracking_number, shipped_at) SELECT order_id, carrier, tracking, ${now} FROM batch ORDER BY n;
CREATE TEMP TABLE bl AS
  SELECT b.n, l.id AS line_id, l.order_id, l.sku_id, l.quantity - l.shipped AS qty, min(l.reserved, l.quantity - l.shipped) AS used, b.ref,
    (SELECT max(s.id) FROM shipment s WHERE s.order_id = b.order_id) AS shipment_id
  FROM batch b JOIN order_line l ON l.order_id = b.order_id WHERE l.quantity > l.shipped;
INSERT INTO shipment_line (shipment_id, order_line_id, quantity) SELECT shipment_id, line_id, qty FROM bl ORDER BY n, line_id;
INSERT INTO stock_movement (sku_id, kind, quantity, on_hand_after, reference, occurred_at, order_id)
  SELECT bl.sku_id, 'sale', -bl.qty, sku.on_hand - sum(bl.qty) OVER (PARTITION BY bl.sku_id ORDER BY bl.n, bl.line_id ROWS UNBOUNDED PRECEDING),
    'order ' || bl.ref, ${now}, bl.order_id
  FROM bl JOIN sku ON sku.id = bl.sku_id ORDER BY bl.n, bl.line_id;
UPDATE sku SET on_hand = on_hand - t.qty, reserved = reserved - t.used, updated_at = ${now}
  FROM (SELECT sku_id, sum(qty) AS qty, sum(used) AS used FROM bl WHERE sku_id IS NOT NULL GROUP BY sku_id) AS t WHERE sku.id = t.sku_id;
UPDATE order_line SET shipped = quantity, reserved = reserved - min(reserved, quantity - shipped) WHERE id IN (SELECT line_id FROM bl);
INSERT INTO order_event (order_id, at, kind, from_value, to_value)
  SELECT order_id, ${now}, kind, from_value, to_value FROM (
    SELECT n, 1 AS k, order_id, 'tracking' AS kind, NULL AS from_value, carrier || ' ' || tracking AS to_value FROM batch
    UNION ALL SELECT n, 2, order_id, 'status', status, 'shipped' FROM batch) ORDER BY n, k;
UPDATE sales_order SET status = 'shipped', shipped_at = ${now}, updated_at = ${now} WHERE id IN (SELECT order_id FROM batch);
SELECT count(*) FROM batch;
COMMIT;
`;
writeFileSync(floorSql, floorScript(shipCsv, Date.parse(SHIP_AT)));

// ----------------------------------------------------------------------------------------------- timing

/** A fresh copy of the generated database for a write benchmark (not timed). */
function freshCopy() {
  for (const suffix of ['', '-wal', '-shm']) rmSync(work + suffix, { force: true });
  copyFileSync(db, work);
}

/** One whole process, stdin closed, stdout to /dev/null (or captured), as cron would run it. */
function exec(cmd, argv, { capture = false } = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { stdio: ['ignore', capture ? 'pipe' : 'ignore', 'pipe'], env, maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

/**
 * Times jobs side by side: each runs once untimed first (warm file cache; `after` inspects that run), then `n`
 * rounds in which every job runs once in turn, so a busy moment on the machine hits all of them alike.
 * `before` runs untimed before every run of its job. Returns median and min per job.
 */
function timeTogether(n, jobs) {
  for (const job of jobs) {
    job.before?.();
    job.after?.(exec(job.cmd, job.argv, { capture: Boolean(job.after) }));
  }
  const samples = jobs.map(() => []);
  for (let i = 0; i < n; i++) {
    for (const [k, job] of jobs.entries()) {
      job.before?.();
      samples[k].push(exec(job.cmd, job.argv).ms);
    }
  }
  return samples.map((list) => {
    list.sort((a, b) => a - b);
    return { median: list[Math.floor(list.length / 2)], min: list[0], n };
  });
}

const shopkeep = (...a) => [bin, '--db', ...a];
const results = [];

// 1. order list --to-ship --json, and the same text from the sqlite3 shell. Read-only: the cached file itself.
// Bare `node -e ''` runs beside the default-limit list: the part of any Node CLI's time that no code can remove.
for (const [label, limit, n] of [['', 1000, quickRuns], [' --limit 100000', 100_000, runs]]) {
  let expected;
  const jobs = [{ cmd: process.execPath, argv: shopkeep(db, 'order', 'list', '--to-ship', '--json', ...(label ? ['--limit', String(limit)] : [])), after: (r) => (expected = r.stdout.toString()) }];
  if (sqliteVersion) {
    jobs.push({
      cmd: 'sqlite3',
      argv: [db, listSql(limit)],
      after: (r) => {
        const text = r.stdout.toString();
        if (text.trim() !== expected.trim()) {
          const at = [...text].findIndex((c, i) => c !== expected[i]);
          throw new Error(`the sqlite3 SELECT prints something else than shopkeep (from character ${at}): the comparison would be unfair`);
        }
      },
    });
  }
  if (limit === 1000) jobs.push({ cmd: process.execPath, argv: ['-e', ''] });
  const times = timeTogether(n, jobs);
  const [ours, theirs, node] = sqliteVersion ? times : [times[0], undefined, times[1]];
  const printed = JSON.parse(expected).orders.length;
  results.push({ name: `shopkeep order list --to-ship --json${label}`, note: `${printed.toLocaleString('en')} orders`, t: ours, base: theirs, target: TARGET });
  if (theirs) results.push({ name: '  sqlite3 shell, same SELECT as JSON', note: `LIMIT ${limit}`, t: theirs, base: theirs });
  if (node) results.push({ name: "  node -e '' (bare Node start, no work)", note: '', t: node, base: theirs, bare: true });
}

// 2. order ship --from (10,000 rows) on a fresh copy each run, and the sqlite3 floor.
function shippedState(file) {
  const d = new Database(file, { readonly: true });
  const one = (sql, ...p) => d.prepare(sql).pluck().get(...p);
  const ids = JSON.stringify(stats.shipIds);
  const state = {
    shipped: one("SELECT count(*) FROM sales_order WHERE id IN (SELECT value FROM json_each(?)) AND status = 'shipped'", ids),
    shipments: one('SELECT count(*) FROM shipment'),
    shipmentLines: one('SELECT count(*) FROM shipment_line'),
    movements: one('SELECT count(*) FROM stock_movement'),
    events: one('SELECT count(*) FROM order_event'),
    onHand: one('SELECT sum(on_hand) FROM sku'),
    reserved: one('SELECT sum(reserved) FROM sku'),
  };
  d.close();
  const check = spawnSync(process.execPath, [bin, '--db', file, 'db', 'check'], { encoding: 'utf8', env });
  state.dbCheck = check.status === 0 ? 'ok' : `exit ${check.status}: ${(check.stdout + check.stderr).trim().slice(0, 500)}`;
  return state;
}
let shopkeepState;
let floorState;
const shipJobs = [
  {
    cmd: process.execPath,
    argv: shopkeep(work, 'order', 'ship', '--from', shipCsv, '--quiet'),
    before: freshCopy,
    after: () => {
      shopkeepState = shippedState(work);
      if (shopkeepState.shipped !== SHIP_ROWS || shopkeepState.dbCheck !== 'ok') throw new Error(`order ship --from did not ship the file: ${JSON.stringify(shopkeepState)}`);
    },
  },
];
if (sqliteVersion) {
  shipJobs.push({
    cmd: 'sqlite3',
    argv: [work, `.read ${floorSql}`],
    before: freshCopy,
    after: (r) => {
      floorState = shippedState(work);
      const { dbCheck, ...rest } = floorState;
      const { dbCheck: _, ...ours } = shopkeepState;
      if (Number(r.stdout.toString().trim()) !== SHIP_ROWS || dbCheck !== 'ok' || JSON.stringify(rest) !== JSON.stringify(ours)) {
        throw new Error(`the sqlite3 floor does not write what shopkeep writes: floor ${JSON.stringify(floorState)} vs shopkeep ${JSON.stringify(shopkeepState)}`);
      }
    },
  });
}
const [ship, floor] = timeTogether(runs, shipJobs);
results.push({ name: 'shopkeep order ship --from FILE', note: `${SHIP_ROWS.toLocaleString('en')} rows`, t: ship, base: floor });
if (floor) results.push({ name: '  sqlite3 shell, set-based floor', note: `${SHIP_ROWS.toLocaleString('en')} rows`, t: floor, base: floor });

// ----------------------------------------------------------------------------------------------- report

const f = (ms) => `${ms >= 10_000 ? ms.toFixed(0) : ms.toFixed(1)} ms`;
console.log(`node ${process.version}, sqlite3 ${sqliteVersion ?? '(not installed)'}; ${runs} runs each (${quickRuns} for the default-limit list), after one untimed run`);
console.log(`database: ${stats.orders.toLocaleString('en')} orders, ${stats.lines.toLocaleString('en')} lines, ${stats.customers.toLocaleString('en')} customers, ` +
  `${stats.events.toLocaleString('en')} events, ${stats.movements.toLocaleString('en')} movements, ${stats.skus} SKUs; ${stats.mb.toFixed(1)} MB`);
console.log(`shipping queue: ${stats.queue.toLocaleString('en')} orders (${stats.paid.toLocaleString('en')} paid), ${stats.queueLines.toLocaleString('en')} lines`);
console.log('');
console.log(`${'command'.padEnd(46)} ${'rows'.padStart(14)} ${'median'.padStart(11)} ${'min'.padStart(11)} ${'vs sqlite3'.padStart(11)}`);
for (const r of results) {
  const ratio = r.base ? `${(r.t.median / r.base.median).toFixed(2)}×` : '';
  console.log(`${r.name.padEnd(46)} ${r.note.padStart(14)} ${f(r.t.median).padStart(11)} ${f(r.t.min).padStart(11)} ${ratio.padStart(11)}`);
}
console.log('');
for (const r of results.filter((x) => x.target)) {
  if (!r.base) {
    console.log(`target: ${r.name} within ${TARGET}× sqlite3 — not measured (no sqlite3)`);
    continue;
  }
  const ratio = r.t.median / r.base.median;
  console.log(`target: ${r.name} (${r.note}) within ${TARGET}× sqlite3: ${ratio.toFixed(2)}× ${ratio <= TARGET ? 'MET' : 'MISSED'}`);
}
const bare = results.find((r) => r.bare);
if (bare?.base) console.log(`  (a Node process that does nothing, node -e '', already takes ${(bare.t.median / bare.base.median).toFixed(2)}× the sqlite3 shell's whole run at LIMIT 1000)`);
console.log(`ship --from verified after its first run: ${shopkeepState.shipped.toLocaleString('en')} orders now shipped, db check ${shopkeepState.dbCheck}` +
  (floorState ? `; the sqlite3 floor writes the same rows (shipments, lines, movements, events, on-hand, reserved), db check ${floorState.dbCheck}` : ''));
console.log(`\nsqlite3 list SQL (sqlite3 DB "…"; LIMIT 1000 for the default):\n${listSql(100_000)}`);
console.log(`\nsqlite3 ship floor (sqlite3 COPY.db ".read FLOOR.sql"; "now" pinned; SHIP.csv = the 10,000 rows order,carrier,tracking):\n${floorScript('SHIP.csv', Date.parse(SHIP_AT))}`);
if (process.argv.includes('--clean')) rmSync(db, { force: true });
