import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { addProduct } from '../../src/domain/catalog/products.js';
import { receiveStock } from '../../src/domain/inventory/stock.js';
import { addOrder } from '../../src/domain/orders/create.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { BIN } from '../helpers/bin.js';
import { tempDir } from '../helpers/cli.js';
import { NOW } from '../helpers/db.js';

/**
 * A module-load hook that writes the source files each loaded bundle chunk holds (esbuild keeps a `// src/…` line
 * before each) to a log: which of our modules a command loads, whatever the chunk names.
 */
const HOOK = `
import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function load(url, context, next) {
  const result = await next(url, context);
  if (url.startsWith('file:') && result.source) {
    const sources = String(result.source).match(/^\\/\\/ src\\/\\S+/gm) ?? [];
    appendFileSync(log, sources.map((line) => line.slice(3) + '\\n').join(''));
  }
  return result;
}`;

const DAY = 86_400_000;

/**
 * Wraps the ways into ICU that cost start-up (its first formatter or collator takes 13–25 ms): each one used is
 * logged as "ICU <name>". A report computes zone offsets without them (src/domain/zone-clock.ts).
 */
const ICU_WATCH = `
for (const name of ['DateTimeFormat', 'NumberFormat', 'Collator', 'PluralRules', 'RelativeTimeFormat', 'ListFormat', 'Segmenter']) {
  const Real = Intl[name];
  Intl[name] = new Proxy(Real, {
    construct(target, args, next) { appendFileSync(log, 'ICU Intl.' + name + '\\n'); return Reflect.construct(target, args, next); },
    apply(target, self, args) { appendFileSync(log, 'ICU Intl.' + name + '\\n'); return Reflect.apply(target, self, args); },
  });
}
for (const [proto, names] of [[String.prototype, ['localeCompare']], [Number.prototype, ['toLocaleString']], [Date.prototype, ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']]]) {
  for (const name of names) {
    const real = proto[name];
    proto[name] = function (...args) { appendFileSync(log, 'ICU ' + name + '\\n'); return real.apply(this, args); };
  }
}`;

/** Runs the built binary on a database with one shop: what it printed, the src/ files it loaded and the ICU services it woke. */
function run(args: string[], more?: (d: ReturnType<typeof openDatabase>) => void): { stdout: string; files: string[]; icu: string[] } {
  const dir = tempDir();
  const db = join(dir, 'shop.db');
  const d = openDatabase(db);
  try {
    addShop(d, { name: 'Tea House', platform: 'taobao' }, NOW);
    // Two SKUs selling alike (a tie to break by code) and a third on the shelf unsold (a slow mover).
    for (const code of ['TEA-B', 'TEA-A', 'POT-C']) {
      addProduct(d, { title: code, sku: { code, price: '10.00', cost: '4.00' } }, NOW);
      receiveStock(d, { sku: code, quantity: 5 }, NOW - 60 * DAY);
    }
    for (const code of ['TEA-B', 'TEA-A']) {
      addOrder(d, { buyer: { name: '王芳', phone: '13812345678' }, address: {}, items: [{ sku: code, quantity: 1 }], paid: true, placedAt: NOW - 3 * DAY }, NOW);
    }
    more?.(d);
  } finally {
    d.close();
  }
  const log = join(dir, 'modules.log');
  const preload = `import { register } from 'node:module'; import { appendFileSync } from 'node:fs'; const log = ${JSON.stringify(log)};
    register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOK)}`)}, { data: { log } }); ${ICU_WATCH}`;
  const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(preload)}`, BIN, '--db', db, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', LANG: 'C', SHOPKEEP_NOW: new Date(NOW).toISOString() },
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(r.status, r.stderr).toBe(0);
  const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return { stdout: r.stdout, files: lines.filter((l) => l.startsWith('src/')), icu: [...new Set(lines.filter((l) => l.startsWith('ICU ')))] };
}

const modulesLoaded = (args: string[]) => run(args).files;

const chinese = (files: string[]) => files.filter((f) => f.includes('zh-CN'));

describe('start-up: a command loads the code it runs, in the language it speaks', () => {
  it('report products in English: no Chinese strings, none of the KPI report or the services it reads', () => {
    const files = modulesLoaded(['report', 'products', '--json']);
    expect(files).toContain('src/domain/reports/products.ts');
    expect(files).toContain('src/i18n/messages/reports.ts');
    expect(chinese(files)).toEqual([]);
    for (const absent of ['src/domain/reports/kpi.ts', 'src/domain/service/returns.ts', 'src/domain/service/tickets.ts', 'src/cli/render/table.ts']) {
      expect(files).not.toContain(absent);
    }
  });

  it('report kpi in Chinese loads the Chinese strings, and not the sibling reports', () => {
    const files = modulesLoaded(['--lang', 'zh-CN', 'report', 'kpi', '--json']);
    expect(files).toContain('src/domain/reports/kpi.ts');
    expect(chinese(files)).toContain('src/i18n/messages/reports.zh-CN.ts');
    expect(files).not.toContain('src/domain/reports/products.ts');
    expect(files).not.toContain('src/cli/views/reports.ts');
    // The figures it reads from the services, without the services (orders, stock, replies, the catalogue).
    expect(files).toEqual(expect.arrayContaining(['src/domain/service/returns-opened.ts', 'src/domain/service/rating-summary.ts']));
    for (const absent of ['src/domain/service/returns.ts', 'src/domain/service/reviews.ts', 'src/domain/orders/transitions.ts', 'src/domain/inventory/ledger.ts']) {
      expect(files).not.toContain(absent);
    }
  });

  it('the reports wake no ICU formatter or collator (each costs 13–25 ms): zone times and code order without them', () => {
    const products = run(['report', 'products', '--json']);
    expect(JSON.parse(products.stdout).bestsellers.map((s: { sku: string }) => s.sku)).toEqual(['TEA-A', 'TEA-B']); // a tie, broken by code
    expect(JSON.parse(products.stdout).slow.skus.map((s: { sku: string }) => s.sku)).toEqual(['POT-C']);
    expect(products.icu).toEqual([]);
    for (const args of [['report', 'kpi', '--json'], ['report', 'kpi', '--period', 'month'], ['report', 'products']]) expect(run(args).icu).toEqual([]);
    // A second shop, in dollars, with sales on other days and ads in both currencies: the sibling reports have rows to order.
    const secondShop = (d: ReturnType<typeof openDatabase>) => {
      addShop(d, { name: 'Etsy Tea', platform: 'etsy', currency: 'USD', timezone: 'America/New_York' }, NOW);
      addOrder(d, { shop: 'Etsy Tea', buyer: { name: 'Ann', email: 'ann@x.test' }, address: {}, items: [{ sku: 'TEA-A', quantity: 1, unitPrice: '3.00' }], paid: true, placedAt: NOW - 5 * DAY }, NOW);
      const ad = d.prepare("INSERT INTO ad_daily (shop_id, day, channel, campaign, currency, spend) VALUES (?, ?, 'other', 'x', ?, 100)");
      ad.run(1, '2026-11-10', 'CNY');
      ad.run(2, '2026-11-10', 'USD');
    };
    for (const args of [['report', 'sales', '--json'], ['report', 'sales', '--by', 'week'], ['report', 'customers'], ['report', 'inventory'], ['report', 'ads']]) {
      expect(run(args, secondShop).icu, args.join(' ')).toEqual([]);
    }
  });
});
