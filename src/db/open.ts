import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import type { Database, Statement } from 'better-sqlite3';
import { databaseError } from '../domain/errors.js';
import { assertNotNewer, migrate } from './migrate.js';

export type Db = Database;

const BUSY_TIMEOUT_MS = 5_000;

type Sqlite = typeof import('better-sqlite3');

let sqlite: { Sqlite: Sqlite; addon: string | undefined } | undefined;

/**
 * Loaded on first open, so `--help` and usage errors never pay for the native module. better-sqlite3 finds its
 * addon through the `bindings` package, which walks the stack and probes a dozen paths (~5 ms of every start):
 * the addon's usual place is named directly, the package's own search kept for anywhere else.
 */
function loadSqlite(): { Sqlite: Sqlite; addon: string | undefined } {
  if (sqlite) return sqlite;
  const require = createRequire(import.meta.url);
  let addon: string | undefined;
  try {
    addon = require.resolve('better-sqlite3/build/Release/better_sqlite3.node');
  } catch {
    addon = undefined;
  }
  sqlite = { Sqlite: require('better-sqlite3') as Sqlite, addon };
  return sqlite;
}

/**
 * Opens (creating when missing) the shop database: directory 0700, file 0600 whatever the umask,
 * since it holds buyers' personal data. A newer schema is refused before any pragma writes to it.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:' && !existsSync(path)) {
    const dir = dirname(path);
    if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
    closeSync(openSync(path, 'a', 0o600));
    chmodSync(path, 0o600);
  }
  let db: Db;
  try {
    const { Sqlite, addon } = loadSqlite();
    db = new Sqlite(path, { timeout: BUSY_TIMEOUT_MS, ...(addon !== undefined && { nativeBinding: addon }) });
  } catch (error) {
    throw databaseError('db.unusable', { path, reason: (error as Error).message }, { key: 'db.unusable.hint' });
  }
  try {
    assertNotNewer(db, path);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('temp_store = MEMORY');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** A fresh migrated in-memory database (tests, dry runs). */
export function openMemoryDatabase(): Db {
  return openDatabase(':memory:');
}

const statements = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement, compiled once per connection: preparing costs more than running most of ours. */
export function statement(db: Db, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

/** Runs `work` in one immediate write transaction: all of it lands, or none. */
export function writeTransaction<T>(db: Db, work: () => T): T {
  return db.transaction(work).immediate();
}
