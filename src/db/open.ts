import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Sqlite, { type Database, type Statement } from 'better-sqlite3';
import { databaseError } from '../domain/errors.js';
import { assertNotNewer, migrate } from './migrate.js';

export type Db = Database;

const BUSY_TIMEOUT_MS = 5_000;

let addon: object | null | undefined;

/**
 * better-sqlite3's JavaScript is bundled with shopkeep; its native addon is loaded on first open, so `--help` and
 * usage errors never pay for it. The addon is opened where npm puts it; better-sqlite3's own search (the
 * `bindings` package: a stack walk and a dozen probed paths, ~5 ms) is kept for anywhere else.
 */
function loadAddon(): object | null {
  if (addon !== undefined) return addon;
  addon = null;
  try {
    const path = fileURLToPath(import.meta.resolve('better-sqlite3/build/Release/better_sqlite3.node'));
    if (existsSync(path)) {
      const module = { exports: {} };
      process.dlopen(module, path);
      addon = module.exports;
    }
  } catch {
    // import.meta.resolve is missing (Node < 20.6, the test runner) or the package is elsewhere: better-sqlite3 looks.
  }
  return addon;
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
    // better-sqlite3 takes the loaded addon itself as nativeBinding; its types (v9) only know a path.
    const nativeBinding = loadAddon();
    const options: Record<string, unknown> = { timeout: BUSY_TIMEOUT_MS, ...(nativeBinding !== null && { nativeBinding }) };
    db = new Sqlite(path, options as Sqlite.Options);
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
