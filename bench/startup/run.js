// Start-up benchmark (issue: foundation). Whole-process wall time of `shopkeep --help`, of
// `shopkeep product list --json` on a 10,000-SKU database and of a daily-sized `shopkeep order import` (a Shopify
// export of 300 orders into a fresh copy of a shop of 500 SKUs: the two import threads start for it), beside bare
// `node -e ''`, in one run.
// Usage: npm run build && node bench/startup/run.js [runs]
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogue, productCsv } from '../import/catalogue.js';
import { generateShopify } from '../import/shopify.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'shopkeep.js');
const dataDir = join(root, 'bench', '.data');
const db = join(dataDir, 'startup-10k.db');
const runs = Number(process.argv[2] ?? 30);
const SKUS = 10_000;
const shopDb = join(dataDir, 'startup-import-shop.db');
const importDb = join(dataDir, 'startup-import.db');
const ordersCsv = join(dataDir, 'startup-import-300.csv');
const NOW = '2026-11-20T00:00:00Z';

/** A 10,000-SKU catalogue (2,500 products × 4 sizes), loaded through the CLI itself. */
function buildDatabase() {
  if (existsSync(db)) return;
  mkdirSync(dataDir, { recursive: true });
  const rows = ['handle,title,category,sku,variant,price,cost,low_stock_threshold'];
  for (let i = 0; i < SKUS; i++) {
    const product = Math.floor(i / 4);
    rows.push(`p${product},Product ${product} 商品,Category ${product % 20},SKU-${String(i).padStart(6, '0')},size=${['S', 'M', 'L', 'XL'][i % 4]},${(i % 500) + 9}.90,${(i % 300) + 3}.50,5`);
  }
  const run = (args, input) => {
    const r = spawnSync(process.execPath, [bin, '--db', db, ...args], { input, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  };
  run(['init', '--shop', 'Bench', '--platform', 'taobao']);
  run(['product', 'import', '-', '--quiet'], rows.join('\n'));
}

/** A Shopify shop of 500 SKUs and an export of 300 orders (750 line rows) for it. */
function buildImport() {
  if (existsSync(shopDb) && existsSync(ordersCsv)) return;
  mkdirSync(dataDir, { recursive: true });
  for (const file of [shopDb, `${shopDb}-wal`, `${shopDb}-shm`]) rmSync(file, { force: true });
  const skus = catalogue();
  const run = (args, input) => {
    const r = spawnSync(process.execPath, [bin, '--db', shopDb, ...args], { input, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  };
  run(['shop', 'add', 'Mountain Leaf US', '--platform', 'shopify', '--currency', 'USD', '--timezone', 'America/New_York', '--quiet']);
  run(['product', 'import', '-', '--quiet'], productCsv(skus));
  run(['db', 'check', '--quiet']); // checkpoints the WAL into the file copied before each run
  generateShopify({ lines: 750, file: ordersCsv, skus });
}

const freshImportDb = () => {
  for (const suffix of ['-wal', '-shm']) rmSync(importDb + suffix, { force: true });
  copyFileSync(shopDb, importDb);
};

function time(args, before = () => {}) {
  const samples = [];
  for (let i = 0; i < runs + 3; i++) {
    before();
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1', SHOPKEEP_NOW: NOW } });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    if (i >= 3) samples.push(ms); // the first runs warm the file cache
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], min: samples[0] };
}

buildDatabase();
buildImport();
const bare = time(['-e', '']);
const help = time([bin, '--help']);
const list = time([bin, '--db', db, 'product', 'list', '--json']);
const daily = time([bin, '--db', importDb, '--json', 'order', 'import', ordersCsv], freshImportDb);
const row = (name, t, target) =>
  `${name.padEnd(44)} ${t.median.toFixed(1).padStart(8)} ms ${t.min.toFixed(1).padStart(8)} ms ${(t.median / bare.median).toFixed(2).padStart(7)}×${target ? `   (target ≤ ${target}×)` : ''}`;
console.log(`node ${process.version}, ${runs} runs each, ${SKUS} SKUs`);
console.log(`${'command'.padEnd(44)} ${'median'.padStart(11)} ${'min'.padStart(11)} ${'vs node'.padStart(8)}`);
console.log(row("node -e ''", bare));
console.log(row('shopkeep --help', help, 1.6));
console.log(row('shopkeep product list --json (10k SKUs)', list, 3));
console.log(row('shopkeep order import (300 Shopify orders)', daily));
for (const suffix of ['', '-wal', '-shm']) rmSync(importDb + suffix, { force: true });
if (process.argv.includes('--clean')) rmSync(dataDir, { recursive: true, force: true });
