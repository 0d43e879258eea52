import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './cli.js';

export const BIN = fileURLToPath(new URL('../../bin/shopkeep.js', import.meta.url));

/** Runs the built binary as cron would: no terminal, stdin closed, NO_COLOR=1. */
export function spawnShopkeep(args: string[], options: { env?: Record<string, string>; input?: string; cwd?: string } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', LANG: 'C', ...options.env },
    input: options.input,
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** A database for the binary with a CNY Shopify shop "US" (Asia/Shanghai) and SKU TEA, 100,000 in stock. */
export function binaryShop() {
  const dir = tempDir();
  const db = join(dir, 'shop.db');
  const sk = (...args: string[]) => spawnShopkeep(['--db', db, ...args], { cwd: dir });
  for (const args of [
    ['shop', 'add', 'US', '--platform', 'shopify', '--currency', 'CNY', '--timezone', 'Asia/Shanghai'],
    ['product', 'add', '--title', 'Tea', '--sku', 'TEA', '--price', '10'],
    ['stock', 'receive', 'TEA', '100000'],
  ]) {
    const r = sk(...args);
    if (r.code !== 0) throw new Error(`shopkeep ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  }
  const rows = () => JSON.parse(sk('db', 'info', '--json').stdout).rows;
  return { dir, db, sk, rows };
}
