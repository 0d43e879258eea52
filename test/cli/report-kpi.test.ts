import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { displayWidth } from '../../src/domain/text/width.js';
import { withDb } from '../helpers/cli.js';
import { seedKpi } from '../unit/kpi-fixture.js';

function setUp() {
  const ctx = withDb();
  const db = openDatabase(ctx.db);
  try {
    seedKpi(db);
  } finally {
    db.close();
  }
  return ctx;
}

describe('report kpi', () => {
  it('prints a table on a terminal with changes, "—" for divisions by zero, sparklines and what to look at', async () => {
    const { run } = setUp();
    const r = await run(['report', 'kpi', '--date', '2026-11-20'], { tty: true, env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('KPI report 2026-11-20');
    expect(r.stdout).toMatch(/GMV \(paid amount\)\s*│\s*¥55\.50\s*│\s*¥10\.00\s*│\s*\+455\.0%/);
    expect(r.stdout).toMatch(/ROAS\s*│\s*0\.80\s*│\s*—\s*│\s*—/);
    expect(r.stdout).toMatch(/[▁▂▃▄▅▆▇█]{14}/);
    // The trend rows start their marks in one column, in either language, so a day reads down the rows.
    for (const out of [r.stdout, (await run(['--lang', 'zh-CN', 'report', 'kpi', '--date', '2026-11-20'], { tty: true, env: { NO_COLOR: '1' } })).stdout]) {
      const starts = out.split('\n').filter((l) => /[▁▂▃▄▅▆▇█]{14}/.test(l)).map((l) => displayWidth(l.slice(0, l.search(/[▁▂▃▄▅▆▇█]/))));
      expect(starts.length).toBeGreaterThanOrEqual(2);
      expect(new Set(starts).size).toBe(1);
    }
    expect(r.stdout).toContain('What to look at');
    expect(r.stdout).toContain('channel 直通车 (Zhitongche) returns less than it costs — ROAS 0.80 (¥80.00 revenue on ¥100.00 spend)');
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
    expect(r.stderr).toBe('');
  });

  it('prints JSON with null for divisions by zero, and CSV with one row per figure', async () => {
    const { run } = setUp();
    const json = JSON.parse((await run(['report', 'kpi', '--date', '2026-11-20', '--json'])).stdout);
    expect(json.period).toEqual({ kind: 'day', from: '2026-11-20', to: '2026-11-20' });
    expect(json.shops[0].metrics.roas.previous).toBeNull();
    expect(json.shops[0].metrics.netSales.value).toBe('50.50');
    expect(json.attention.find((f: { rule: string }) => f.rule === 'lowRoas').numbers).toEqual({ roas: '0.80', spend: '100.00', revenue: '80.00', currency: 'CNY' });
    const csv = await run(['report', 'kpi', '--date', '2026-11-20', '--format', 'csv']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split(/\r?\n/);
    expect(lines[0]).toBe('shop,metric,value,previous,change');
    expect(lines).toHaveLength(1 + 25);
    // The CSV renderer guards cells starting with + or - against spreadsheet formulas.
    expect(lines).toContain("Tea House,Bounce rate,40.00%,50.00%,'-10.00 pp");
  });

  it('compares a week year on year, in Chinese too', async () => {
    const { run } = setUp();
    const r = await run(['report', 'kpi', '--period', 'week', '--date', '2026-11-20', '--compare', 'yoy', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.period).toEqual({ kind: 'week', from: '2026-11-16', to: '2026-11-22' });
    expect(json.compare).toEqual({ kind: 'yoy', from: '2025-11-16', to: '2025-11-22' });
    const zh = await run(['--lang', 'zh-CN', 'report', 'kpi', '--date', '2026-11-20', '--format', 'plain']);
    expect(zh.stdout).toContain('客单价');
    expect(zh.stdout).toContain('值得关注');
  });

  it('writes md and self-contained html with -o', async () => {
    const { run, dir } = setUp();
    const md = await run(['report', 'kpi', '--date', '2026-11-20', '-o', 'k.md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toBe('');
    expect(readFileSync(join(dir, 'k.md'), 'utf8')).toContain('| Average order value | ¥27.75 |');
    const html = await run(['report', 'kpi', '--date', '2026-11-20', '--format', 'html', '-o', 'k.html']);
    expect(html.code).toBe(0);
    const text = readFileSync(join(dir, 'k.html'), 'utf8');
    expect(text).toMatch(/^<!DOCTYPE html>/);
    expect(text.match(/<svg /g)?.length).toBe(3);
    expect(text).not.toMatch(/<script|<link|src=|href=/i);
  });

  it('explains every figure', async () => {
    const { run } = setUp();
    const r = await run(['report', 'kpi', '--explain', '--json']);
    expect(r.code).toBe(0);
    const defs = JSON.parse(r.stdout).definitions;
    expect(defs).toHaveLength(25);
    expect(defs.find((d: { key: string }) => d.key === 'gmv')).toMatchObject({ convention: 'gross' });
    expect(defs.find((d: { key: string }) => d.key === 'netSales')).toMatchObject({ convention: 'net' });
    // The JSON's convention codes are the ones the docs use: gross, net, count.
    expect(new Set(defs.map((d: { convention: string }) => d.convention))).toEqual(new Set(['gross', 'net', 'count']));
    const md = await run(['--lang', 'zh-CN', 'report', 'kpi', '--explain', '--format', 'md']);
    expect(md.stdout.split('\n')[0]).toBe('# 各指标的算法（日期按各店铺时区的自然日；“—”表示分母为零）');
  });

  it('speaks Chinese all through in Chinese: points and ROAS in words, an HTML document of any report in its language', async () => {
    const { run, dir } = setUp();
    const zh = await run(['--lang', 'zh-CN', 'report', 'kpi', '--date', '2026-11-20', '--format', 'md']);
    expect(zh.stdout).toContain('| 跳失率 | 40.00% | 50.00% | -10.00 个百分点 |');
    expect(zh.stdout).not.toMatch(/ pp\b|ROAS \d/);
    expect(zh.stdout).toContain('投入产出比 0.80');
    const sales = await run(['--lang', 'zh-CN', 'report', 'sales', '--date', '2026-11-20', '--format', 'html', '-o', join(dir, 's.html')]);
    expect(sales.code).toBe(0);
    expect(readFileSync(join(dir, 's.html'), 'utf8')).toContain('<html lang="zh-CN">');
    const help = await run(['report', 'daily', '--help']);
    expect(help.stdout).toContain('directory for the dated file (default: ./reports)\n');
  });

  it('refuses bad flags with exit 2 and an unknown shop with exit 3', async () => {
    const { run } = setUp();
    expect((await run(['report', 'kpi', '--compare', 'lastyear'])).code).toBe(2);
    expect((await run(['report', 'kpi', '--from', '2026-11-01'])).code).toBe(2);
    expect((await run(['report', 'kpi', '--date', '2026-02-30'])).code).toBe(2);
    expect((await run(['report', 'kpi', '--shop', 'Nope'])).code).toBe(3);
  });
});
