import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withDb } from '../helpers/cli.js';
import { shopifyCsv, shopifyOrder } from '../helpers/shopify-csv.js';

// Issue point: a progress bar on stderr on a terminal; only the summary in a pipe; nothing with --quiet.
async function shopWithFile() {
  const s = withDb();
  expect((await s.run(['shop', 'add', 'US', '--platform', 'shopify', '--currency', 'CNY', '--timezone', 'Asia/Shanghai'])).code).toBe(0);
  const rows = Array.from({ length: 6000 }, (_, i) => shopifyOrder(`#${i}`, { financial: 'paid', total: '10.00', lines: [['TEA', 1, '10.00']] })).flat();
  writeFileSync(join(s.dir, 'orders_export.csv'), shopifyCsv(rows));
  return s;
}

describe('order import progress', () => {
  it('draws a bar with the orders done, their rate, megabytes and time left on a terminal', async () => {
    const s = await shopWithFile();
    const r = await s.run(['order', 'import', 'orders_export.csv'], { tty: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/importing.*\[.*\] \d+% · [\d,]+ orders · [\d,]+\/s · \d+\/\d+ MB · ETA/);
    const counts = [...r.stderr.matchAll(/· ([\d,]+) orders ·/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
    expect(Math.max(...counts)).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBeLessThanOrEqual(6000);
    expect(r.stderr).toContain('6000 new');
  });

  it('prints only the summary in a pipe, and nothing at all with --quiet', async () => {
    const s = await shopWithFile();
    const piped = await s.run(['order', 'import', 'orders_export.csv']);
    expect(piped.stderr).not.toContain('MB');
    expect(piped.stderr).toContain('6000 new');
    const quiet = await s.run(['--quiet', 'order', 'import', 'orders_export.csv'], { tty: true });
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
  });
});

describe('order import of something that is not a readable file', () => {
  it('names a directory as such (exit 2), and a missing file as missing (exit 3), with nothing written', async () => {
    const s = withDb();
    expect((await s.run(['shop', 'add', 'US', '--platform', 'shopify', '--currency', 'USD', '--timezone', 'America/New_York'])).code).toBe(0);
    mkdirSync(join(s.dir, 'exports'));
    const dir = await s.run(['order', 'import', 'exports']);
    expect(dir.code).toBe(2);
    expect(dir.stderr).toContain('exports is a directory: name a file');
    expect(dir.stderr).not.toMatch(/unexpected|EISDIR/);
    const missing = await s.run(['order', 'import', 'nothere.csv']);
    expect(missing.code).toBe(3);
    const product = await s.run(['product', 'import', 'exports']);
    expect(product.code).toBe(2);
    expect(product.stderr).toContain('exports is a directory');
    expect(JSON.parse((await s.run(['--json', 'import', 'history'])).stdout)).toEqual({ imports: [] });
  });
});

describe('order import of several files, a later one bad', () => {
  it('reports the files imported before it (each its own transaction), then the bad one, exit 5', async () => {
    const s = withDb();
    expect((await s.run(['shop', 'add', 'US', '--platform', 'shopify', '--currency', 'CNY', '--timezone', 'Asia/Shanghai'])).code).toBe(0);
    writeFileSync(join(s.dir, 'good.csv'), shopifyCsv(shopifyOrder('#1', { financial: 'paid', total: '10.00', lines: [['TEA', 1, '10.00']] })));
    writeFileSync(join(s.dir, 'bad.csv'), shopifyCsv(shopifyOrder('#2', { financial: 'paid', total: '12,34,5', lines: [['TEA', 1, '10.00']] })));
    const r = await s.run(['--json', 'order', 'import', 'good.csv', 'bad.csv']);
    expect(r.code).toBe(5);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ file: 'good.csv', orders: { new: 1, updated: 0, unchanged: 0 } })]);
    expect(r.stderr).toContain('good.csv: orders 1 new');
    expect(r.stderr).toContain('bad.csv: 1 bad row(s); nothing was imported');
    const history = JSON.parse((await s.run(['--json', 'import', 'history'])).stdout);
    expect(history.imports.map((i: { files: { name: string }[] }) => i.files[0]!.name)).toEqual(['good.csv']);
  });
});

describe('order import of files with nothing in them', () => {
  it('says an empty file is empty (exit 5), a header without rows has no orders, and a dry run would import the good rows', async () => {
    const s = withDb();
    expect((await s.run(['shop', 'add', 'US', '--platform', 'shopify', '--currency', 'CNY', '--timezone', 'Asia/Shanghai'])).code).toBe(0);
    writeFileSync(join(s.dir, 'empty.csv'), '\uFEFF\r\n');
    const empty = await s.run(['order', 'import', 'empty.csv']);
    expect(empty.code).toBe(5);
    expect(empty.stderr).toContain('empty.csv is empty: not even a header row');
    const csv = shopifyCsv([...shopifyOrder('#1', { financial: 'paid', total: '10.00', lines: [['TEA', 1, '10.00']] }), ...shopifyOrder('#2', { financial: 'paid', total: '1,2,3', lines: [['TEA', 1, '10.00']] })]);
    writeFileSync(join(s.dir, 'header.csv'), csv.toString('utf8').split('\n')[0]!);
    const header = await s.run(['order', 'import', 'header.csv']);
    expect(header.code).toBe(0);
    expect(header.stderr).toContain('header.csv: a header and no orders; nothing to import');
    writeFileSync(join(s.dir, 'some-bad.csv'), csv);
    const dry = await s.run(['order', 'import', 'some-bad.csv', '--dry-run', '--skip-bad']);
    expect(dry.code).toBe(5);
    expect(dry.stderr).toContain('1 bad row(s) written to some-bad.csv.rejects.csv; the good rows would be imported');
    expect(dry.stderr).toContain('dry run: nothing was written');
  });
});

describe('order import --dry-run', () => {
  it('names what would change: orders it would add, and each status it would move', async () => {
    const s = withDb();
    expect((await s.run(['shop', 'add', 'US', '--platform', 'shopify', '--currency', 'CNY', '--timezone', 'Asia/Shanghai'])).code).toBe(0);
    const order = (name: string, fulfillment = 'unfulfilled', total = '10.00') => shopifyOrder(name, { financial: 'paid', fulfillment, total, lines: [['TEA', 1, '10.00']] });
    writeFileSync(join(s.dir, 'day1.csv'), shopifyCsv([...order('#1'), ...order('#2')]));
    expect((await s.run(['order', 'import', 'day1.csv'])).code).toBe(0);
    writeFileSync(join(s.dir, 'day2.csv'), shopifyCsv([...order('#1'), ...order('#2', 'fulfilled'), ...order('#3')]));
    const dry = await s.run(['order', 'import', 'day2.csv', '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({
      dryRun: true,
      orders: { new: 1, updated: 1, unchanged: 1 },
      changes: [
        { order: '#2', outcome: 'updated', previous: 'paid', status: 'shipped' },
        { order: '#3', outcome: 'new', previous: null, status: 'paid' },
      ],
    });
    expect(dry.stderr).toContain('would change #2: paid → shipped');
    expect(dry.stderr).toContain('would add #3 (paid)');
    const zh = await s.run(['--lang', 'zh-CN', 'order', 'import', 'day2.csv', '--dry-run']);
    expect(zh.stderr).toContain('将更新 #2：已付款 → 已发货');
    const after = JSON.parse((await s.run(['--json', 'order', 'list'])).stdout);
    expect(JSON.stringify(after)).not.toContain('#3');
  });
});
