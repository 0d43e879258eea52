import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { withDb } from '../helpers/cli.js';
import { NOW } from '../helpers/db.js';

function setUp() {
  const sk = withDb();
  const db = openDatabase(sk.db);
  try {
    addShop(db, { name: 'Tea House', platform: 'taobao' }, NOW);
  } finally {
    db.close();
  }
  return sk;
}

describe('shopkeep traffic', () => {
  it('adds a day, says when it replaces one, and lists it', async () => {
    const sk = setUp();
    const add = await sk.run(['traffic', 'add', '--date', '2026-11-24', '--visitors', '300', '--page-views', '900', '--bounce-rate', '40%', '--avg-time', '1m30s']);
    expect(add).toMatchObject({ code: 0 });
    expect(add.stderr).toContain('Recorded traffic for Tea House on 2026-11-24.');
    const again = await sk.run(['traffic', 'add', '--date', '2026-11-24', '--visitors', '310', '--page-views', '900']);
    expect(again.stderr).toContain('Replaced the traffic already recorded');
    const list = await sk.run(['traffic', 'list', '--json']);
    expect(JSON.parse(list.stdout)).toEqual({ traffic: [expect.objectContaining({ shop: 'Tea House', day: '2026-11-24', visitors: 310, bounceRate: null })] });
    const zh = await sk.run(['--lang', 'zh-CN', 'traffic', 'list'], { tty: true });
    expect(zh.stdout).toContain('访客数');
  });

  it('a missing flag is exit 2 off a terminal; a bad value is exit 2 naming the flag', async () => {
    const sk = setUp();
    const missing = await sk.run(['traffic', 'add', '--date', '2026-11-24', '--visitors', '3']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--page-views');
    const bad = await sk.run(['traffic', 'add', '--date', '2026-11-24', '--visitors', 'many', '--page-views', '3']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--visitors');
  });

  it('imports a file all-or-nothing: exit 5 with line numbers, nothing written', async () => {
    const sk = setUp();
    writeFileSync(join(sk.dir, 'bad.csv'), 'day,visitors,page_views\n2026-11-23,100,300\n2026-11-24,abc,1\n');
    const bad = await sk.run(['traffic', 'import', 'bad.csv']);
    expect(bad.code).toBe(5);
    expect(bad.stderr).toContain('line 3');
    expect(JSON.parse((await sk.run(['traffic', 'list', '--json'])).stdout)).toEqual({ traffic: [] });
    const good = await sk.run(['traffic', 'import', '-', '--json'], { stdin: '统计日期,访客数,浏览量\n2026-11-23,100,300\n' });
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ layout: 'sycm', new: 1 });
  });
});

describe('shopkeep ads', () => {
  it('adds campaign days and lists a summary with ROAS; zero denominators show — and null', async () => {
    const sk = setUp();
    const add = await sk.run(['ads', 'add', '--date', '2026-11-24', '--channel', '直通车', '--campaign', '龙井', '--spend', '120.50', '--impressions', '8000', '--clicks', '160', '--orders', '3', '--revenue', '980']);
    expect(add.code).toBe(0);
    expect(add.stderr).toContain('Recorded 直通车 (Zhitongche) campaign "龙井"');
    const spendOnly = await sk.run(['ads', 'add', '--date', '2026-11-24', '--channel', 'wanxiangtai', '--campaign', '拉新', '--spend', '0']);
    // Figures not given are unknown: shown as —, never "null" or 0.
    expect(spendOnly.stdout).toMatch(/Impressions\s+—/);
    expect(spendOnly.stdout).toMatch(/Revenue\s+—/);
    expect(spendOnly.stdout).not.toContain('null');
    const json = JSON.parse((await sk.run(['ads', 'list', '--json'])).stdout);
    expect(json.campaigns).toEqual([
      expect.objectContaining({ channel: 'wanxiangtai', campaign: '拉新', spend: '0.00', ctr: null, cpc: null, roas: null }),
      expect.objectContaining({ channel: 'ztc', campaign: '龙井', spend: '120.50', ctr: 0.02, cpc: '0.75', revenue: '980.00', roas: 8.13 }),
    ]);
    expect(json.totals).toEqual([expect.objectContaining({ currency: 'CNY', spend: '120.50' })]);
    const table = await sk.run(['ads', 'list'], { tty: true });
    expect(table.stdout).toContain('—');
    expect(table.stdout).toContain('8.13');
    const plain = await sk.run(['ads', 'list', '--channel', 'ztc']);
    expect(plain.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('imports a CSV from stdin, and refuses a bad channel with exit 5', async () => {
    const sk = setUp();
    const ok = await sk.run(['ads', 'import', '-'], { stdin: 'day,channel,campaign,spend\n2026-11-23,Google Ads,Search,10\n' });
    expect(ok.code).toBe(0);
    const bad = await sk.run(['ads', 'import', '-'], { stdin: 'day,channel,campaign,spend\n2026-11-23,tiktok,X,10\n' });
    expect(bad.code).toBe(5);
    expect(bad.stderr).toContain('line 2');
    expect(JSON.parse((await sk.run(['ads', 'list', '--json'])).stdout).campaigns).toHaveLength(1);
  });
});
