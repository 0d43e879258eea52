import { readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BIN, spawnShopkeep } from '../helpers/bin.js';
import { tempDir } from '../helpers/cli.js';

describe('the built binary, as cron runs it (no terminal, stdin closed)', () => {
  it('init → product add → stock receive → stock list --json', () => {
    const dir = tempDir();
    const db = join(dir, 'data', 'shop.db');
    const sk = (...args: string[]) => spawnShopkeep(['--db', db, ...args]);
    expect(sk('init', '--shop', '山间茶舍', '--platform', 'taobao')).toMatchObject({ code: 0 });
    expect(sk('product', 'add', '--title', '西湖龙井', '--sku', 'LJ-250', '--price', '368.00', '--cost', '190', '--threshold', '10')).toMatchObject({ code: 0 });
    const received = sk('stock', 'receive', 'LJ-250', '40', '--cost', '190.00', '--ref', 'PO-1');
    expect(received.code).toBe(0);
    expect(received.stderr).toContain('on hand 40');
    const list = sk('stock', 'list', '--json');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual({
      stock: [{ sku: 'LJ-250', productId: 1, title: '西湖龙井', variant: {}, onHand: 40, reserved: 0, available: 40, lowStockThreshold: 10, reorderPoint: null, low: false }],
    });
    expect(statSync(db).mode & 0o777).toBe(0o600);
  });

  it('uses SHOPKEEP_DB, then XDG_DATA_HOME', () => {
    const dir = tempDir();
    expect(spawnShopkeep(['init', '--shop', 'A', '--platform', 'jd'], { env: { SHOPKEEP_DB: join(dir, 'env.db') } }).code).toBe(0);
    expect(statSync(join(dir, 'env.db')).isFile()).toBe(true);
    expect(spawnShopkeep(['init', '--shop', 'A', '--platform', 'jd'], { env: { XDG_DATA_HOME: join(dir, 'xdg') } }).code).toBe(0);
    expect(statSync(join(dir, 'xdg', 'shopkeep', 'shop.db')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'xdg', 'shopkeep')).mode & 0o777).toBe(0o700);
  });

  it('never waits for input when a required value is missing: exit 2 naming the flag', () => {
    const dir = tempDir();
    const r = spawnShopkeep(['--db', join(dir, 's.db'), 'product', 'add', '--title', 'X']);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--sku');
  });

  it('refuses a database from a newer shopkeep with exit 7 and leaves it byte-identical', () => {
    const dir = tempDir();
    const db = join(dir, 'newer.db');
    const raw = new Sqlite(db);
    raw.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);');
    raw.pragma('user_version = 999');
    raw.close();
    const before = readFileSync(db);
    const r = spawnShopkeep(['--db', db, 'product', 'list']);
    expect(r.code).toBe(7);
    expect(r.stderr).toContain('newer shopkeep');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('exits 7 on a file that is not a database, with no stack trace', () => {
    const dir = tempDir();
    const db = join(dir, 'junk.db');
    spawnSync('sh', ['-c', `head -c 4096 /dev/urandom > ${db}`]);
    const r = spawnShopkeep(['--db', db, 'db', 'info']);
    expect(r.code).toBe(7);
    expect(r.stderr).toMatch(/^Error: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('builds the demo shop, refuses to build it twice, and the result checks out', () => {
    const dir = tempDir();
    const first = spawnShopkeep(['demo'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Products\t40 active, 1 archived/);
    const again = spawnShopkeep(['demo'], { cwd: dir });
    expect(again.code).toBe(4);
    expect(again.stderr).toContain('--replace');
    const db = join(dir, 'shopkeep-demo.db');
    expect(spawnShopkeep(['--db', db, 'db', 'check']).code).toBe(0);
    const shops = JSON.parse(spawnShopkeep(['--db', db, 'shop', 'list', '--json']).stdout).shops;
    expect(new Set(shops.map((s: { platform: string }) => s.platform)).size).toBeGreaterThanOrEqual(2);
    const products = JSON.parse(spawnShopkeep(['--db', db, 'product', 'list', '--json']).stdout).products;
    expect(products.length).toBeGreaterThanOrEqual(35);
    expect(products.some((p: { skus: unknown[] }) => p.skus.length > 1)).toBe(true);
    expect(spawnShopkeep(['demo', '--replace'], { cwd: dir }).code).toBe(2);
    expect(spawnShopkeep(['demo', '--replace', '--yes'], { cwd: dir }).code).toBe(0);
  });

  it('exits 0 quietly when the reader of its output goes away (| head)', () => {
    const dir = tempDir();
    const db = join(dir, 's.db');
    spawnShopkeep(['--db', db, 'init', '--shop', 'A', '--platform', 'taobao']);
    const rows = Array.from({ length: 3000 }, (_, i) => `SKU-${i},Product number ${i} with a long enough title to fill the pipe,${i}.00`);
    expect(spawnShopkeep(['--db', db, 'product', 'import', '-'], { input: `sku,title,price\n${rows.join('\n')}\n` }).code).toBe(0);
    const piped = spawnSync('bash', ['-c', `set -o pipefail; node ${BIN} --db ${db} product list --json | head -c 100 >/dev/null`], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(piped.stderr).toBe('');
    expect(piped.status).toBe(0);
  });

  it('reads a product CSV from stdin and exports it back', () => {
    const dir = tempDir();
    const db = join(dir, 's.db');
    spawnShopkeep(['--db', db, 'init', '--shop', 'A', '--platform', 'taobao']);
    const csv = readFileSync(new URL('../fixtures/products/good.csv', import.meta.url), 'utf8');
    const imported = spawnShopkeep(['--db', db, 'product', 'import', '-', '--json'], { input: csv });
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ skus: { new: 3 }, products: { new: 2 } });
    const exported = spawnShopkeep(['--db', db, 'product', 'export', '--excel', '-o', join(dir, 'out.csv')]);
    expect(exported.code).toBe(0);
    expect(readFileSync(join(dir, 'out.csv')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const bad = spawnShopkeep(['--db', db, 'product', 'import', '-'], { input: 'sku,title,price\nX,Y,1.001\n' });
    expect(bad.code).toBe(5);
    expect(bad.stderr).toContain('line 2: price');
  });
});
