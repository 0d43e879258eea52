// Start-up benchmark (issue: foundation). Whole-process wall time of `shopkeep --help` and of
// `shopkeep product list --json` on a 10,000-SKU database, beside bare `node -e ''`, in one run.
// Usage: npm run build && node bench/startup/run.js [runs]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'shopkeep.js');
const dataDir = join(root, 'bench', '.data');
const db = join(dataDir, 'startup-10k.db');
const runs = Number(process.argv[2] ?? 30);
const SKUS = 10_000;

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

function time(args) {
  const samples = [];
  for (let i = 0; i < runs + 3; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    if (i >= 3) samples.push(ms); // the first runs warm the file cache
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], min: samples[0] };
}

buildDatabase();
const bare = time(['-e', '']);
const help = time([bin, '--help']);
const list = time([bin, '--db', db, 'product', 'list', '--json']);
const row = (name, t, target) =>
  `${name.padEnd(44)} ${t.median.toFixed(1).padStart(8)} ms ${t.min.toFixed(1).padStart(8)} ms ${(t.median / bare.median).toFixed(2).padStart(7)}×${target ? `   (target ≤ ${target}×)` : ''}`;
console.log(`node ${process.version}, ${runs} runs each, ${SKUS} SKUs`);
console.log(`${'command'.padEnd(44)} ${'median'.padStart(11)} ${'min'.padStart(11)} ${'vs node'.padStart(8)}`);
console.log(row("node -e ''", bare));
console.log(row('shopkeep --help', help, 1.6));
console.log(row('shopkeep product list --json (10k SKUs)', list, 3));
if (process.argv.includes('--clean')) rmSync(dataDir, { recursive: true, force: true });
