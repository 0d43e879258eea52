import { describe, expect, it } from 'vitest';
import { addProduct } from '../../src/domain/catalog/products.js';
import { DEFERRABLE, DeferredIndexes } from '../../src/domain/imports/deferred-indexes.js';
import { importOrderFiles } from '../../src/domain/imports/run.js';
import { addShop } from '../../src/domain/shops/shops.js';
import type { Db } from '../../src/db/open.js';
import { memoryDb, NOW } from '../helpers/db.js';
import { shopifyCsv, shopifyOrder } from '../helpers/shopify-csv.js';

// A small rule, so a file of a few hundred orders counts as a bulk load.
const rule = { minOrders: 50 };
const options = { dryRun: false, skipBad: false, bulkRule: rule };
const FULFILMENT = ['fulfilled', 'unfulfilled', 'partial'];

function shopDb(): Db {
  const db = memoryDb();
  addShop(db, { name: 'US', platform: 'shopify', currency: 'CNY', timezone: 'Asia/Shanghai' }, NOW);
  addProduct(db, { title: 'Tea', sku: { code: 'TEA', price: '10' } }, NOW);
  return db;
}

/** Orders `from`… of two lines each, a third shipped, every seventh cancelled (unless `set` says otherwise). */
function rows(count: number, from = 0, set: { financial?: string; fulfillment?: string } = {}): Record<string, string>[] {
  return Array.from({ length: count }, (_, n) => {
    const i = from + n;
    const fulfillment = set.fulfillment ?? FULFILMENT[i % 3]!;
    return shopifyOrder(`#${1000 + i}`, {
      financial: set.financial ?? (i % 7 === 0 ? 'voided' : 'paid'),
      fulfillment,
      total: '30.00',
      email: `buyer${i % 40}@example.com`,
      lines: [['TEA', 2, '10.00'], [`CUSTOM-${i % 5}`, 1, '10.00']],
    }).map((row): Record<string, string> => (row['Lineitem sku'] === 'TEA' && fulfillment === 'partial' ? { ...row, 'Lineitem fulfillment status': 'fulfilled' } : row));
  }).flat();
}

const file = (name: string, list: Record<string, string>[]) => ({ name, bytes: shopifyCsv(list) });
const indexes = (db: Db) => db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all();
const dump = (db: Db) =>
  ['sales_order', 'order_line', 'stock_movement', 'order_event', 'shipment', 'shipment_line', 'customer', 'sku'].map((table) =>
    db.prepare(`SELECT * FROM ${table}`).all().map((row) => JSON.stringify(row)).sort(),
  );
const BIG_TABLE_SCAN = /\bSCAN (sales_order|order_line|stock_movement|order_event|shipment|shipment_line|customer)\b(?! USING)/;

/** The query plan of a statement, its parameters bound to null. */
function planOf(db: Db, text: string): string[] {
  const named = Object.fromEntries([...text.matchAll(/[@:$]([A-Za-z_]\w*)/g)].map((m) => [m[1], null]));
  const positional = (text.match(/\?/g) ?? []).map(() => null);
  const params = Object.keys(named).length > 0 ? [...positional, named] : positional;
  return (db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[]).map((p) => p.detail);
}

describe('a bulk load', () => {
  it('sets the report indexes aside for a big first import and builds them again: the same rows and schema as without', () => {
    const bulk = shopDb();
    const plain = shopDb();
    const before = indexes(bulk);
    const [withBulk] = importOrderFiles(bulk, [file('orders.csv', rows(300))], options, NOW);
    const [without] = importOrderFiles(plain, [file('orders.csv', rows(300))], { ...options, bulkRule: { minOrders: Infinity } }, NOW);
    expect(withBulk!.bulkLoad).toBe(true);
    expect(without!.bulkLoad).toBe(false);
    expect(withBulk!.orders).toEqual({ new: 300, updated: 0, unchanged: 0 });
    expect(indexes(bulk)).toEqual(before);
    expect(bulk.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(dump(bulk)).toEqual(dump(plain));
  });

  it('is not one for an import into a shop that holds as many orders already, nor for a re-import', () => {
    const db = shopDb();
    expect(importOrderFiles(db, [file('first.csv', rows(300))], options, NOW)[0]!.bulkLoad).toBe(true);
    const more = importOrderFiles(db, [file('more.csv', rows(200, 300))], options, NOW)[0]!;
    expect(more.orders.new).toBe(200);
    expect(more.bulkLoad).toBe(false);
    const again = importOrderFiles(db, [file('first.csv', rows(300))], options, NOW)[0]!;
    expect(again.orders.unchanged).toBe(300);
    expect(again.bulkLoad).toBe(false);
  });

  it('rolls back with a dry run, indexes included', () => {
    const db = shopDb();
    const before = indexes(db);
    const [result] = importOrderFiles(db, [file('orders.csv', rows(300))], { ...options, dryRun: true }, NOW);
    expect(result).toMatchObject({ dryRun: true, bulkLoad: true, orders: { new: 300 } });
    expect(indexes(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM sales_order').pluck().get()).toBe(0);
  });

  it('leaves the indexes and the data as they were when the import fails', () => {
    const db = shopDb();
    const before = indexes(db);
    const bad = rows(300);
    bad[bad.length - 2] = { ...bad[bad.length - 2]!, Total: '12,34,5' };
    expect(() => importOrderFiles(db, [file('bad.csv', bad)], options, NOW)).toThrow();
    expect(indexes(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM sales_order').pluck().get()).toBe(0);
  });

  it('makes no statement the import runs scan a big table it searched before (new orders, and changed ones after)', () => {
    const db = shopDb();
    importOrderFiles(db, [file('early.csv', rows(5))], options, NOW);
    const sql = new Set<string>();
    const prepare = db.prepare.bind(db);
    db.prepare = ((text: string) => (sql.add(text), prepare(text))) as typeof db.prepare;
    // Two of the five known orders come last, one refunded and one shipped: the update paths run after the decision.
    const known = [...rows(1, 1, { financial: 'refunded' }), ...rows(1, 4, { fulfillment: 'fulfilled' })];
    const [result] = importOrderFiles(db, [file('big.csv', [...rows(300, 5), ...known])], options, NOW);
    expect(result!.bulkLoad).toBe(true);
    expect(result!.orders.updated).toBe(2);
    db.prepare = prepare;
    const scans = (text: string) => planOf(db, text).filter((detail) => BIG_TABLE_SCAN.test(detail));
    const before = [...sql].map(scans);
    expect(new DeferredIndexes().drop(db)).toEqual([...DEFERRABLE].sort()); // every name is one the schema has
    const after = [...sql].map(scans);
    expect(sql.size).toBeGreaterThan(10);
    expect(after.map((list, i) => list.filter((scan) => !before[i]!.includes(scan)).map((scan) => `${scan} ← ${[...sql][i]!.slice(0, 80)}`)).flat()).toEqual([]);
  });
});

describe('building the set-aside indexes again', () => {
  const ORDERS = 50_000;
  const TEMP_FILE = 1;
  const TEMP_MEMORY = 2;

  /** A shop of 50,000 orders: more index keys than SQLite's sorter holds in memory with a 10-page cache. */
  function bigShop(): Db {
    const db = shopDb();
    db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ORDERS})
      INSERT INTO sales_order (shop_id, platform_order_id, status, currency, total, placed_at, paid_at, updated_at)
      SELECT 1, printf('P%024d', (i * 7919) % ${ORDERS}), 'paid', 'CNY', i, ${NOW} - i * 1000, ${NOW} - i * 900, ${NOW} FROM n`);
    db.pragma('cache_size = 10');
    return db;
  }

  /** Rebuilds inside a transaction, as an import does; returns the temp_store setting each CREATE INDEX ran under. */
  function rebuild(db: Db): number[] {
    const settings: number[] = [];
    const exec = db.exec.bind(db);
    db.exec = ((sql: string) => {
      if (sql.startsWith('CREATE INDEX')) settings.push(db.pragma('temp_store', { simple: true }) as number);
      return exec(sql);
    }) as typeof db.exec;
    const deferred = new DeferredIndexes();
    db.transaction(() => {
      deferred.drop(db);
      deferred.restore(db);
    })();
    db.exec = exec;
    return settings;
  }

  it('sorts through temporary files, then puts the connection’s own setting back', () => {
    const db = bigShop();
    const before = indexes(db);
    expect(db.pragma('temp_store', { simple: true })).toBe(TEMP_MEMORY);
    const settings = rebuild(db);
    expect(settings).toHaveLength(DEFERRABLE.length);
    expect(new Set(settings)).toEqual(new Set([TEMP_FILE]));
    expect(db.pragma('temp_store', { simple: true })).toBe(TEMP_MEMORY);
    expect(indexes(db)).toEqual(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('sorts in memory where no temporary file can be made, within the same transaction', () => {
    const db = bigShop();
    // /proc passes SQLite's checks of a temporary directory, but no file can be created in it.
    db.pragma("temp_store_directory = '/proc'");
    const probe = db.transaction(() => {
      db.pragma(`temp_store = ${TEMP_FILE}`);
      db.exec('CREATE INDEX probe ON sales_order (platform_order_id, total)');
    });
    expect(probe).toThrow(expect.objectContaining({ code: 'SQLITE_CANTOPEN' }));
    db.pragma(`temp_store = ${TEMP_MEMORY}`);
    const before = indexes(db);
    const settings = rebuild(db);
    // Indexes built under FILE until the first one that had to spill failed; it ran again under MEMORY, as did the rest.
    const retried = settings.indexOf(TEMP_MEMORY);
    expect(retried).toBeGreaterThan(0);
    expect(settings).toEqual([...Array(retried).fill(TEMP_FILE), ...Array(DEFERRABLE.length + 1 - retried).fill(TEMP_MEMORY)]);
    expect(db.pragma('temp_store', { simple: true })).toBe(TEMP_MEMORY);
    expect(indexes(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM sales_order').pluck().get()).toBe(ORDERS);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('buyers within one import', () => {
  it('never takes a masked email or phone for the same buyer: each such order gets a customer of its own', () => {
    const db = shopDb();
    const masked = ['#M1', '#M2', '#M3'].flatMap((name) => shopifyOrder(name, { financial: 'paid', total: '10.00', email: 'a***@example.com', lines: [['TEA', 1, '10.00']] }));
    const known = ['#K1', '#K2'].flatMap((name) => shopifyOrder(name, { financial: 'paid', total: '10.00', email: 'ann@example.com', lines: [['TEA', 1, '10.00']] }));
    importOrderFiles(db, [file('orders.csv', [...masked, ...known])], options, NOW);
    const customerOf = (id: string) => db.prepare('SELECT customer_id FROM sales_order WHERE platform_order_id = ?').pluck().get(id) as number;
    expect(new Set(['#M1', '#M2', '#M3'].map(customerOf)).size).toBe(3);
    expect(customerOf('#K1')).toBe(customerOf('#K2'));
    expect(db.prepare("SELECT email FROM customer WHERE email LIKE 'a*%'").pluck().all()).toEqual(['a***@example.com', 'a***@example.com', 'a***@example.com']);
  });
});

describe('a bulk load on a connection with temporary tables', () => {
  it('builds the indexes under the setting it has (SQLite will not change it inside a transaction then)', () => {
    const db = shopDb();
    db.exec('CREATE TEMP TABLE scratch (a)');
    const before = indexes(db);
    const [result] = importOrderFiles(db, [file('orders.csv', rows(300))], options, NOW);
    expect(result).toMatchObject({ bulkLoad: true, orders: { new: 300 } });
    expect(indexes(db)).toEqual(before);
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
