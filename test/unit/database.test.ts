import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, openMemoryDatabase } from '../../src/db/open.js';
import { assertIncreasing, migrate, schemaVersion } from '../../src/db/migrate.js';
import { latestVersion, migrations } from '../../src/db/migrations/index.js';
import { checkDatabase } from '../../src/domain/admin/database.js';
import { ShopkeepError } from '../../src/domain/errors.js';

const temp = () => mkdtempSync(join(tmpdir(), 'shopkeep-db-'));

describe('database file', () => {
  it('is created 0600 in a 0700 directory, whatever the umask', () => {
    const old = process.umask(0o022);
    try {
      const path = join(temp(), 'nested', 'shop.db');
      openDatabase(path).close();
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(statSync(join(path, '..')).mode & 0o777).toBe(0o700);
    } finally {
      process.umask(old);
    }
  });

  it('uses WAL, foreign keys and a busy timeout', () => {
    const db = openDatabase(join(temp(), 'shop.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    db.close();
  });

  it('refuses a database from a newer shopkeep (exit 7) and leaves its bytes untouched', () => {
    const path = join(temp(), 'newer.db');
    const raw = new Sqlite(path);
    raw.exec('CREATE TABLE future (x INTEGER)');
    raw.pragma(`user_version = ${latestVersion + 1}`);
    raw.close();
    const before = readFileSync(path);
    expect(() => openDatabase(path)).toThrow(expect.objectContaining({ kind: 'database', key: 'db.newer' }));
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database', () => {
    const path = join(temp(), 'junk.db');
    writeFileSync(path, 'this is not sqlite '.repeat(100));
    let error: unknown;
    try {
      openDatabase(path);
    } catch (e) {
      error = e;
    }
    expect((error as { code?: string }).code ?? (error as ShopkeepError).kind).toMatch(/SQLITE_NOTADB|database/);
  });
});

describe('migrations', () => {
  it('are numbered 1..n with no gaps', () => {
    expect(() => assertIncreasing(migrations)).not.toThrow();
    expect(() => assertIncreasing([migrations[0]!, { ...migrations[0]!, version: 3 }])).toThrow();
  });

  it('run all pending steps in one transaction: a failing step leaves the version where it was', () => {
    const db = new Sqlite(':memory:');
    const broken = [...migrations, { version: migrations.length + 1, name: 'broken', sql: 'CREATE TABLE ok_table (x INTEGER); SELECT * FROM missing_table;' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name IN ('shop', 'ok_table')").get()).toEqual({ n: 0 });
  });

  it('are idempotent', () => {
    const db = openMemoryDatabase();
    expect(migrate(db)).toBe(0);
    expect(schemaVersion(db)).toBe(latestVersion);
  });

  it('produce the committed schema (snapshot: a schema change must be a new migration)', async () => {
    const db = openMemoryDatabase();
    const schema = (db.prepare("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY type, name").pluck().all() as string[]).join(';\n\n');
    await expect(`-- user_version ${schemaVersion(db)}\n${schema};\n`).toMatchFileSnapshot('./__snapshots__/schema.sql');
  });
});

describe('db check', () => {
  it('passes on a healthy database and finds a ledger that does not add up', () => {
    const db = openMemoryDatabase();
    expect(checkDatabase(db)).toEqual([]);
    db.prepare("INSERT INTO product (handle, title, created_at, updated_at) VALUES ('p', 'P', 0, 0)").run();
    db.prepare("INSERT INTO sku (product_id, code, currency, price, on_hand, created_at, updated_at) VALUES (1, 'A', 'CNY', 100, 5, 0, 0)").run();
    expect(checkDatabase(db)).toEqual([{ kind: 'ledger', sku: 'A', onHand: 5, ledger: 0 }]);
  });

  it('finds broken foreign keys', () => {
    const db = openMemoryDatabase();
    db.pragma('foreign_keys = OFF');
    db.prepare("INSERT INTO sku (product_id, code, currency, price, created_at, updated_at) VALUES (99, 'A', 'CNY', 100, 0, 0)").run();
    expect(checkDatabase(db)).toEqual([expect.objectContaining({ kind: 'foreign_key', table: 'sku', parent: 'product' })]);
  });

  it('has CHECK constraints that refuse impossible rows', () => {
    const db = openMemoryDatabase();
    expect(() => db.prepare("INSERT INTO shop (name, platform, currency, timezone, created_at) VALUES ('x', 'aliexpress', 'CNY', 'UTC', 0)").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO shop (name, platform, currency, timezone, created_at) VALUES ('x', 'jd', 'cny', 'UTC', 0)").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO product (handle, title, status, created_at, updated_at) VALUES ('p', 'P', 'deleted', 0, 0)").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO product (handle, title, created_at, updated_at) VALUES ('p', 'P', 'later', 0)").run()).toThrow(/cannot store TEXT value in INTEGER column/);
  });
});

describe('version', () => {
  it('matches package.json', async () => {
    const { VERSION } = await import('../../src/cli/program.js');
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(VERSION).toBe(pkg.version);
  });
});

describe('upgrading', () => {
  it('brings a version-1 database with data to the latest schema in one step, keeping its rows', () => {
    const path = join(temp(), 'v1.db');
    const raw = new Sqlite(path);
    raw.exec(migrations[0]!.sql);
    raw.pragma('user_version = 1');
    raw.prepare("INSERT INTO shop (name, platform, currency, timezone, is_default, created_at) VALUES ('Old', 'jd', 'CNY', 'Asia/Shanghai', 1, 0)").run();
    raw.close();
    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(latestVersion);
    expect(db.prepare('SELECT name FROM shop').pluck().all()).toEqual(['Old']);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'sales_order'").pluck().get()).toBe(1);
    db.close();
  });

  it('rekeys Amazon lines stored under their order-item-id by SKU (migration 9), where the SKU is single in its order', () => {
    const path = join(temp(), 'v8.db');
    const raw = new Sqlite(path);
    raw.exec(migrations.slice(0, 8).map((m) => m.sql).join('\n'));
    raw.pragma('user_version = 8');
    raw.exec(`INSERT INTO shop (id, name, platform, currency, timezone, is_default, created_at) VALUES (1, 'AMZ', 'amazon', 'USD', 'UTC', 1, 0), (2, 'TB', 'taobao', 'CNY', 'Asia/Shanghai', 0, 0);
      INSERT INTO sales_order (id, shop_id, platform_order_id, status, currency, total, placed_at, updated_at) VALUES (1, 1, '111-1', 'paid', 'USD', 0, 0, 0), (2, 1, '111-2', 'paid', 'USD', 0, 0, 0), (3, 2, '9', 'paid', 'CNY', 0, 0, 0);
      INSERT INTO order_line (order_id, line_key, seller_sku, listing_id, title, quantity, unit_price) VALUES
        (1, '06512345678901', 'TEA', 'B0TEA', 'Tea', 1, 100), (1, '06512345678902', NULL, 'B0POT', 'Pot', 1, 100),
        (2, '06512345678903', 'MUG', NULL, 'Mug', 1, 100), (2, '06512345678904', 'MUG', NULL, 'Mug', 1, 100),
        (3, '5512', 'TEA', NULL, 'Tea', 1, 100);`);
    raw.close();
    const db = openDatabase(path);
    expect(db.prepare('SELECT order_id, line_key FROM order_line ORDER BY id').raw().all()).toEqual([
      [1, 'TEA'], [1, 'B0POT'], // by SKU, else ASIN
      [2, '06512345678903'], [2, '06512345678904'], // two lines of one SKU: which is which is unknown, so kept
      [3, '5512'], // not Amazon
    ]);
    db.close();
  });

  it('carries refunds over into the refund ledger (migration 11): each return at its refund time, the rest at the order\'s latest time', () => {
    const path = join(temp(), 'v10.db');
    const raw = new Sqlite(path);
    raw.exec(migrations.slice(0, 10).map((m) => m.sql).join('\n'));
    raw.pragma('user_version = 10');
    raw.exec(`INSERT INTO shop (id, name, platform, currency, timezone, is_default, created_at) VALUES (1, 'TB', 'taobao', 'CNY', 'Asia/Shanghai', 1, 0);
      INSERT INTO sales_order (id, shop_id, platform_order_id, status, currency, total, paid, refunded, placed_at, paid_at, shipped_at, cancelled_at, updated_at) VALUES
        (1, 1, 'A', 'shipped', 'CNY', 1000, 1000, 300, 10, 20, 30, NULL, 0),
        (2, 1, 'B', 'cancelled', 'CNY', 500, 500, 500, 10, 20, NULL, 40, 0),
        (3, 1, 'C', 'paid', 'CNY', 700, 700, 0, 10, 20, NULL, NULL, 0),
        (4, 1, 'D', 'cancelled', 'CNY', 400, 400, 0, 10, 20, NULL, 50, 0);
      INSERT INTO return_request (id, order_id, type, status, reason, refund_amount, opened_at, refunded_at, updated_at) VALUES
        (1, 1, 'refund_only', 'refunded', 'x', 200, 25, 26, 26), (2, 3, 'return', 'requested', 'y', 0, 27, NULL, 27);`);
    raw.close();
    const db = openDatabase(path);
    expect(db.prepare('SELECT order_id, at, amount, source, return_id FROM order_refund ORDER BY id').raw().all()).toEqual([
      [1, 26, 200, 'return', 1], // the return, when it was refunded
      [1, 30, 100, 'import', null], // the rest of A's refunded, at its latest time (shipped)
      [2, 40, 500, 'import', null], // B, when it was cancelled
      [4, 50, 400, 'cancel', null], // D was cancelled after payment and kept it: given back when it was cancelled
    ]);
    expect(db.prepare("SELECT refunded FROM sales_order WHERE platform_order_id = 'D'").pluck().get()).toBe(400);
    expect(checkDatabase(db)).toEqual([]);
    db.close();
  });

  it('keeps ad figures as stored (migration 13), but a day that spent money with all four figures 0 — a spend-only ads add — has them unknown', () => {
    const path = join(temp(), 'v12.db');
    const raw = new Sqlite(path);
    raw.exec(migrations.slice(0, 12).map((m) => m.sql).join('\n'));
    raw.pragma('user_version = 12');
    raw.exec(`INSERT INTO shop (id, name, platform, currency, timezone, is_default, created_at) VALUES (1, 'TB', 'taobao', 'CNY', 'Asia/Shanghai', 1, 0);
      INSERT INTO ad_daily (shop_id, day, channel, campaign, currency, spend, impressions, clicks, orders, revenue) VALUES
        (1, '2026-11-20', 'ztc', 'A', 'CNY', 10000, 1000, 50, 2, 30000),
        (1, '2026-11-20', 'wanxiangtai', 'B', 'CNY', 10000, 0, 0, 0, 0),
        (1, '2026-11-20', 'yinli', 'C', 'CNY', 5000, 800, 10, 0, 0),
        (1, '2026-11-20', 'other', 'D', 'CNY', 0, 0, 0, 0, 0);`);
    raw.close();
    const db = openDatabase(path);
    expect(db.prepare('SELECT campaign, impressions, clicks, orders, revenue FROM ad_daily ORDER BY campaign').raw().all()).toEqual([
      ['A', 1000, 50, 2, 30000],
      ['B', null, null, null, null], // spent, reported nothing: unknown
      ['C', 800, 10, 0, 0], // reported impressions and clicks: its 0 sales stand
      ['D', 0, 0, 0, 0], // spent nothing
    ]);
    db.close();
  });
});

