import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BIN, binaryShop, spawnShopkeep } from '../helpers/bin.js';
import { shopifyCsv, shopifyOrder } from '../helpers/shopify-csv.js';

/** Rows in `table`, from `db info` (0 when it prints nothing). */
const count = (db: string, table: string) => {
  const out = spawnShopkeep(['--db', db, 'db', 'info', '--json']).stdout;
  return out ? Number(JSON.parse(out).rows[table]) : 0;
};

/** The database's indexes, as SQLite lists them. */
const indexes = (db: string) => {
  const d = new Database(db);
  try {
    return d.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all();
  } finally {
    d.close();
  }
};

describe('order import on the built binary', () => {
  it('of two files, the second bad: reports the first, imported in its own transaction by the writer thread, then exit 5', () => {
    const { dir, sk } = binaryShop();
    writeFileSync(join(dir, 'good.csv'), shopifyCsv(shopifyOrder('#1', { financial: 'paid', total: '10.00', lines: [['TEA', 1, '10.00']] })));
    writeFileSync(join(dir, 'bad.csv'), shopifyCsv(shopifyOrder('#2', { financial: 'paid', total: '12,34,5', lines: [['TEA', 1, '10.00']] })));
    const r = sk('--json', 'order', 'import', 'good.csv', 'bad.csv');
    expect(r.code).toBe(5);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: 'good.csv', orders: { new: 1 } });
    expect(r.stderr).toContain('bad.csv: 1 bad row(s); nothing was imported');
    expect(JSON.parse(sk('--json', 'import', 'history').stdout).imports).toHaveLength(1);
  });

  it('imports, says so in JSON, re-imports as unchanged, and records the history', () => {
    const { dir, db, sk } = binaryShop();
    const path = join(dir, 'orders_export.csv');
    writeFileSync(path, shopifyCsv([...shopifyOrder('#1', { financial: 'paid', total: '20.00', lines: [['TEA', 2, '10.00']] }), ...shopifyOrder('#2', { financial: 'paid', fulfillment: 'fulfilled', total: '10.00', lines: [['TEA', 1, '10.00']] })]));
    const first = sk('order', 'import', path, '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ file: 'orders_export.csv', profile: 'shopify', orders: { new: 2, updated: 0, unchanged: 0 }, lines: 2, rejected: 0, dryRun: false });
    expect(first.stderr).toContain('shopify (12 of 12 known columns)');
    const again = sk('order', 'import', path, '--json');
    expect(JSON.parse(again.stdout).orders).toEqual({ new: 0, updated: 0, unchanged: 2 });
    expect(again.stderr).toContain('nothing changed');
    const history = JSON.parse(sk('import', 'history', '--json').stdout).imports;
    expect(history).toHaveLength(2);
    expect(history[0].files[0]).toMatchObject({ name: 'orders_export.csv', profile: 'shopify', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.parse(sk('stock', 'list', '--json').stdout).stock[0]).toMatchObject({ onHand: 99999, reserved: 2 });
  });

  it('--skip-bad imports the good rows, writes the rejects with line and reason, and exits 5', () => {
    const { dir, sk } = binaryShop();
    const path = join(dir, 'mixed.csv');
    const hostile = { ...shopifyOrder('#2', { financial: 'paid', total: '1,2,3', lines: [['TEA', 1, '10.00']] })[0]!, Email: '=HYPERLINK("http://evil.example")' };
    writeFileSync(path, shopifyCsv([...shopifyOrder('#1', { financial: 'paid', total: '20.00', lines: [['TEA', 2, '10.00']] }), hostile]));
    const strict = sk('order', 'import', path);
    expect(strict.code).toBe(5);
    expect(strict.stderr).toContain('line 3');
    const r = sk('order', 'import', path, '--skip-bad', '--rejects', join(dir, 'bad.csv'), '--json');
    expect(r.code).toBe(5);
    expect(JSON.parse(r.stdout)).toMatchObject({ orders: { new: 1 }, rejected: 1 });
    const rejects = readFileSync(join(dir, 'bad.csv'), 'utf8');
    expect(rejects).toContain('mixed.csv,3,');
    expect(rejects).toContain('total');
    // Formula-safe: the bad row's cells as written, a formula made text.
    expect(rejects).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(rejects).not.toMatch(/,"?=HYPERLINK/);
  });

  it('survives kill -9 mid-import: the database is as it was, and the re-run imports exactly once', async () => {
    const { dir, db, sk } = binaryShop();
    const rows = Array.from({ length: 15_000 }, (_, i) => shopifyOrder(`#${100000 + i}`, { financial: 'paid', fulfillment: i % 2 ? 'fulfilled' : 'unfulfilled', total: '10.00', lines: [['TEA', 1, '10.00']] })).flat();
    const path = join(dir, 'big.csv');
    writeFileSync(path, shopifyCsv(rows));
    const before = JSON.parse(sk('db', 'info', '--json').stdout).rows;
    const indexesBefore = indexes(db);
    // A dry run does all the work and rolls back: half its time is the middle of the real import.
    const started = Date.now();
    expect(sk('order', 'import', path, '--dry-run').code).toBe(0);
    const half = (Date.now() - started) / 2;
    const child = spawn(process.execPath, [BIN, '--db', db, 'order', 'import', path], { stdio: 'ignore' });
    await new Promise((resolve) => setTimeout(resolve, half));
    const killedMidway = child.exitCode === null;
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('close', resolve));
    expect(killedMidway).toBe(true);
    expect(sk('db', 'check').code).toBe(0);
    expect(JSON.parse(sk('db', 'info', '--json').stdout).rows).toEqual(before);
    // A first import this big is a bulk load: the indexes it set aside before the kill are all there.
    expect(indexes(db)).toEqual(indexesBefore);
    const r = sk('order', 'import', path, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ orders: { new: 15_000, updated: 0, unchanged: 0 }, bulkLoad: true });
    expect(indexes(db)).toEqual(indexesBefore);
    expect(JSON.parse(sk('stock', 'list', '--json').stdout).stock[0]).toMatchObject({ onHand: 92_500, reserved: 7_500 });
    expect(count(db, 'sales_order')).toBe(15_000);
  }, 120_000);
});
