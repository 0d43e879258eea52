import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { spawnShopkeep } from '../helpers/bin.js';
import { tempDir } from '../helpers/cli.js';
import { NOW } from '../helpers/db.js';
import { seedKpi } from '../unit/kpi-fixture.js';

function database(seed: (db: ReturnType<typeof openDatabase>) => void) {
  const dir = tempDir();
  const path = join(dir, 'shop.db');
  const db = openDatabase(path);
  try {
    seed(db);
  } finally {
    db.close();
  }
  return { dir, path };
}

describe('report daily on the built binary, as cron runs it (no TTY, stdin closed)', () => {
  it("writes yesterday in the shop's zone to a dated file, and the same file again on a second run", () => {
    const { dir, path } = database(seedKpi);
    // 00:30 on the 21st in Beijing is still the 20th in UTC: yesterday is the 20th.
    const env = { SHOPKEEP_NOW: '2026-11-20T16:30:00Z' };
    const first = spawnShopkeep(['--db', path, 'report', 'daily', '--out-dir', 'out', '--format', 'md'], { cwd: dir, env });
    expect(first).toMatchObject({ code: 0, signal: null, stdout: '' });
    const file = join(dir, 'out', 'kpi-2026-11-20.md');
    expect(first.stderr.trim()).toBe(`wrote ${file}`);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# KPI report 2026-11-20');
    expect(text).toContain('| GMV (paid amount) | ¥55.50 | ¥10.00 | +455.0% |');
    const mtime = statSync(file).mtimeMs;
    const second = spawnShopkeep(['--db', path, 'report', 'daily', '--out-dir', 'out', '--format', 'md', '--quiet'], { cwd: dir, env });
    expect(second).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(readdirSync(join(dir, 'out'))).toEqual(['kpi-2026-11-20.md']);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(statSync(file).mtimeMs).toBeGreaterThanOrEqual(mtime);
  });

  it('with shops in Beijing and Los Angeles, reports the last day that has ended in both zones', () => {
    const { dir, path } = database((db) => {
      seedKpi(db);
      addShop(db, { name: 'LA Tea', platform: 'shopify', currency: 'USD', timezone: 'America/Los_Angeles' }, NOW);
    });
    // 06:15 on the 21st in Beijing is 14:15 on the 20th in Los Angeles: the 20th has not ended there.
    const env = { SHOPKEEP_NOW: '2026-11-20T22:15:00Z' };
    const early = spawnShopkeep(['--db', path, '--json', 'report', 'daily', '--out-dir', 'out'], { cwd: dir, env });
    expect(early.code).toBe(0);
    expect(early.stderr).toContain('reporting 2026-11-19');
    const report = JSON.parse(readFileSync(join(dir, 'out', 'kpi-2026-11-19.json'), 'utf8'));
    expect(report.period).toMatchObject({ from: '2026-11-19', to: '2026-11-19' });
    const quiet = spawnShopkeep(['--db', path, '--json', 'report', 'daily', '--out-dir', 'out', '--quiet'], { cwd: dir, env });
    expect(quiet).toMatchObject({ code: 0, stdout: '', stderr: '' });
    // 08:30 UTC on the 21st: past midnight in both zones, the 20th it is.
    const later = spawnShopkeep(['--db', path, '--json', 'report', 'daily', '--out-dir', 'out', '--quiet'], { cwd: dir, env: { SHOPKEEP_NOW: '2026-11-21T08:30:00Z' } });
    expect(later).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['kpi-2026-11-19.json', 'kpi-2026-11-20.json']);
    // --shop named in other letters is still that shop, in its zone: at 02:00 UTC on the 21st (UTC's yesterday is the
    // 20th) Los Angeles has not ended the 20th.
    const named = spawnShopkeep(['--db', path, '--json', 'report', 'daily', '--shop', 'la tea', '--out-dir', 'la', '--quiet'], { cwd: dir, env: { SHOPKEEP_NOW: '2026-11-21T02:00:00Z' } });
    expect(named).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(join(dir, 'la'))).toEqual(['kpi-2026-11-19.json']);
    expect(JSON.parse(readFileSync(join(dir, 'la', 'kpi-2026-11-19.json'), 'utf8')).shops.map((x: { shop: string }) => x.shop)).toEqual(['LA Tea']);
    const missing = spawnShopkeep(['--db', path, 'report', 'daily', '--shop', 'LA Te', '--out-dir', 'none'], { cwd: dir, env });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('LA Tea');
    expect(existsSync(join(dir, 'none'))).toBe(false);
  });

  it('exits 0 on a day without orders, html by default in ./reports, on the real clock', () => {
    const { dir, path } = database((db) => addShop(db, { name: 'Quiet Shop', platform: 'taobao' }, NOW));
    const r = spawnShopkeep(['--db', path, 'report', 'daily'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, signal: null, stdout: '' });
    const bjToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    const yesterday = new Date(Date.parse(`${bjToday}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const file = join(dir, 'reports', `kpi-${yesterday}.html`);
    expect(existsSync(file)).toBe(true);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('Quiet Shop');
    expect(html).not.toMatch(/NaN|Infinity/);
  });

  it('writes JSON, and refuses csv with exit 2 before writing anything', () => {
    const { dir, path } = database(seedKpi);
    const env = { SHOPKEEP_NOW: '2026-11-21T08:00:00Z' };
    const json = spawnShopkeep(['--db', path, '--json', 'report', 'daily', '--out-dir', join(dir, 'j')], { env });
    expect(json.code).toBe(0);
    const data = JSON.parse(readFileSync(join(dir, 'j', 'kpi-2026-11-20.json'), 'utf8'));
    expect(data.shops[0].metrics.gmv.value).toBe('55.50');
    expect(data.shops[0].metrics.roas.previous).toBeNull();
    const csv = spawnShopkeep(['--db', path, 'report', 'daily', '--format', 'csv', '--out-dir', join(dir, 'c')], { env });
    expect(csv.code).toBe(2);
    expect(existsSync(join(dir, 'c'))).toBe(false);
  });

  it('says so when the database is missing (a mistyped --db in a crontab) and creates nothing', () => {
    const dir = tempDir();
    const missing = join(dir, 'typo.db');
    const r = spawnShopkeep(['--db', missing, 'report', 'daily', '--out-dir', 'out'], { cwd: dir, env: { SHOPKEEP_NOW: '2026-11-20T16:30:00Z' } });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`there is no database at ${missing}`);
    expect(r.stderr).toContain('Hint:');
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
    expect(spawnShopkeep(['--db', missing, 'report', 'kpi'], { cwd: dir }).code).toBe(3);
    expect(existsSync(missing)).toBe(false);
  });

  it('refuses an output directory that cannot be made with exit 2, writing nothing', () => {
    const { dir, path } = database(seedKpi);
    writeFileSync(join(dir, 'afile'), 'x');
    const r = spawnShopkeep(['--db', path, 'report', 'daily', '--out-dir', 'afile/sub'], { cwd: dir, env: { SHOPKEEP_NOW: '2026-11-20T16:30:00Z' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write ${join(dir, 'afile', 'sub')}: its directory does not exist`);
    expect(r.stderr).not.toContain('unexpected');
  });
});
