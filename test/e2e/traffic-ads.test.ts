import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { spawnShopkeep } from '../helpers/bin.js';
import { tempDir } from '../helpers/cli.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/traffic/${name}`, import.meta.url));

/** The reviewer's set-up: a CNY Taobao shop (the default) and a USD Shopify one, at a fixed "now". */
function shops() {
  const dir = tempDir();
  const db = join(dir, 'shop.db');
  const sk = (...args: string[]) => spawnShopkeep(['--db', db, ...args], { cwd: dir, env: { SHOPKEEP_NOW: '2026-11-12T06:00:00Z' } });
  for (const args of [
    ['init', '--shop', '茶舍', '--platform', 'taobao', '--no-input'],
    ['shop', 'add', 'US Store', '--platform', 'shopify', '--currency', 'USD', '--timezone', 'America/New_York'],
  ]) {
    const r = sk(...args);
    if (r.code !== 0) throw new Error(`shopkeep ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  }
  const campaigns = () => JSON.parse(sk('ads', 'list', '--json').stdout).campaigns as { shop: string; campaign: string; spend: string; revenue: string | null }[];
  return { dir, sk, campaigns };
}

describe('ads money written in another currency', () => {
  it('ads add refuses it (exit 2) in both languages, naming the amount and the shop\'s currency, with a hint', () => {
    const { sk, campaigns } = shops();
    for (const spend of ['$120', 'USD 120', '€5', '£9', 'HK$120']) {
      const r = sk('ads', 'add', '--date', '2026-11-10', '--channel', '直通车', '--campaign', 'A', '--spend', spend);
      expect([spend, r.code]).toEqual([spend, 2]);
      expect(r.stderr).toContain(`--spend: "${spend}" names another currency, but shop "茶舍" records its amounts in CNY`);
      expect(r.stderr).toMatch(/^Hint: write the amount in CNY/m);
    }
    const zh = sk('--lang', 'zh-CN', 'ads', 'add', '--shop', 'US Store', '--date', '2026-11-10', '--channel', 'google', '--campaign', 'A', '--spend', '1', '--revenue', '¥30');
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('--revenue：“¥30”标明的是其他币种，而店铺“US Store”的金额按 USD 记录');
    expect(zh.stderr).toMatch(/^提示：请按 USD 填写金额/m);
    expect(campaigns()).toEqual([]);
  });

  it('takes a symbol that fits the shop\'s currency', () => {
    const { sk, campaigns } = shops();
    expect(sk('ads', 'add', '--date', '2026-11-10', '--channel', 'ztc', '--campaign', 'A', '--spend', '¥120', '--revenue', '300元').code).toBe(0);
    expect(sk('ads', 'add', '--shop', 'US Store', '--date', '2026-11-10', '--channel', 'google', '--campaign', 'B', '--spend', 'US$12', '--revenue', '$30').code).toBe(0);
    expect(campaigns().map((c) => [c.campaign, c.spend, c.revenue]).sort()).toEqual([['A', '120.00', '300.00'], ['B', '12.00', '30.00']]);
  });

  it('ads import rejects the file over such a cell (exit 5), listing its line', () => {
    const { sk, campaigns } = shops();
    const r = sk('ads', 'import', fixture('ads-other-currency.csv'));
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('line 2: spend: "$120" names another currency, but shop "茶舍" records its amounts in CNY');
    expect(r.stderr).toContain('line 3: revenue: "USD 300" names another currency');
    expect(campaigns()).toEqual([]);
  });
});

describe('生意参谋 traffic exports with a title line', () => {
  it('imports a TAB-separated GB18030 export and one whose title mentions 访客数', () => {
    const { sk } = shops();
    for (const file of ['sycm-overview-title-tab.csv', 'sycm-visitors-title-comma.csv']) {
      const r = sk('traffic', 'import', fixture(file), '--json');
      expect([file, r.code, r.stderr]).toEqual([file, 0, expect.stringContaining('2 row(s)')]);
      expect(JSON.parse(r.stdout)).toMatchObject({ layout: 'sycm', encoding: 'gb18030', rows: 2 });
    }
    expect(JSON.parse(sk('traffic', 'list', '--json').stdout).traffic.map((t: { day: string; visitors: number }) => [t.day, t.visitors])).toEqual([
      ['2026-11-04', 1234],
      ['2026-11-05', 1300],
    ]);
  });

  it('names the file\'s own columns in errors, and hints what to do about a missing one', () => {
    const { sk } = shops();
    const missing = sk('traffic', 'import', fixture('sycm-no-page-views.csv'));
    expect(missing.code).toBe(5);
    expect(missing.stderr).toContain('missing column(s): 浏览量');
    expect(missing.stderr).toMatch(/^Hint: .*docs\/traffic-ads\.md/m);
    expect(sk('--lang', 'zh-CN', 'traffic', 'import', fixture('sycm-no-page-views.csv')).stderr).toMatch(/缺少列：浏览量\n提示：/);
    const bad = sk('traffic', 'import', fixture('sycm-bad-cells.csv'));
    expect(bad.code).toBe(5);
    expect(bad.stderr).toContain('line 2: 跳失率: "450%" is not a rate');
    expect(bad.stderr).toContain('line 3: 访客数: the cell is "-" (no figure), but this column needs a value on every row');
    expect(bad.stderr).toContain('line 4: 访客数: the cell is empty');
  });
});

describe('ads import reads blank rows and "-" as traffic import does', () => {
  it('skips Excel\'s empty rows, takes "-" as not given, and refuses a required "-" plainly', () => {
    const { sk } = shops();
    const ok = sk('ads', 'import', fixture('ads-blank-rows-dashes.csv'), '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ rows: 2, new: 2 });
    const bad = sk('ads', 'import', fixture('ads-spend-dash.csv'));
    expect(bad.code).toBe(5);
    expect(bad.stderr).toContain('line 2: 花费: the cell is "-" (no figure)');
  });
});

describe('channel names', () => {
  it('report ads names channels as ads list does, in every format; JSON keeps the code', () => {
    const { sk, dir } = shops();
    expect(sk('ads', 'add', '--date', '2026-11-10', '--channel', 'Duoduo Search', '--campaign', 'S', '--spend', '10').code).toBe(0);
    expect(sk('ads', 'add', '--date', '2026-11-10', '--channel', '多多搜索 (Duoduo Search)', '--campaign', 'T', '--spend', '10').code).toBe(0);
    expect(sk('ads', 'add', '--date', '2026-11-10', '--channel', 'zhitongche', '--campaign', 'Z', '--spend', '10').code).toBe(0);
    expect(sk('ads', 'add', '--date', '2026-11-10', '--channel', '万相台 (wanxiangtai)', '--campaign', 'W', '--spend', '10').code).toBe(0);
    const period = ['--from', '2026-11-10', '--to', '2026-11-10'];
    const plain = sk('report', 'ads', ...period).stdout;
    expect(plain).toContain('多多搜索 (Duoduo Search)\tS');
    expect(plain).toContain('直通车 (Zhitongche)\tZ');
    expect(plain).toContain('万相台 (Wanxiangtai)\tW');
    expect(plain).not.toMatch(/\t(ddss|ztc|wanxiangtai)\t/);
    expect(sk('--lang', 'zh-CN', 'report', 'ads', ...period).stdout).toContain('多多搜索\tS');
    expect(sk('report', 'ads', ...period, '--format', 'md').stdout).toContain('| 直通车 (Zhitongche) | Z |');
    expect(sk('report', 'ads', ...period, '-o', 'ads.csv').code).toBe(0);
    expect(readFileSync(join(dir, 'ads.csv'), 'utf8')).toContain('多多搜索 (Duoduo Search),S');
    expect(sk('report', 'ads', ...period, '-o', 'ads.html').code).toBe(0);
    expect(readFileSync(join(dir, 'ads.html'), 'utf8')).toContain('万相台 (Wanxiangtai)');
    const json = JSON.parse(sk('report', 'ads', ...period, '--json').stdout);
    expect(json.ads.map((a: { channel: string }) => a.channel).sort()).toEqual(['ddss', 'ddss', 'wanxiangtai', 'ztc']);
  });
});
