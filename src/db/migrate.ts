import type { Database } from 'better-sqlite3';
import { databaseError } from '../domain/errors.js';
import { latestVersion, migrations, type Migration } from './migrations/index.js';

export function assertIncreasing(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuses a database written by a newer shopkeep before anything touches it. */
export function assertNotNewer(db: Database, path: string): void {
  const version = schemaVersion(db);
  if (version > latestVersion) {
    throw databaseError('db.newer', { path, version, supported: latestVersion }, { key: 'db.newer.hint' });
  }
}

/** Runs every pending migration in one immediate transaction that also sets user_version. */
export function migrate(db: Database, list: readonly Migration[] = migrations): number {
  assertIncreasing(list);
  // Most runs find nothing to do: read the version without taking the write lock.
  if (schemaVersion(db) >= (list.at(-1)?.version ?? 0)) return 0;
  const run = db.transaction(() => {
    const current = schemaVersion(db);
    const pending = list.filter((m) => m.version > current);
    for (const m of pending) db.exec(m.sql);
    if (pending.length > 0) db.pragma(`user_version = ${pending.at(-1)!.version}`);
    return pending.length;
  });
  const ran = run.immediate();
  closeTempDatabase(db);
  return ran;
}

/**
 * ALTER TABLE … RENAME opens the connection's temporary database (to look for temp triggers), and while it is open
 * SQLite refuses to change temp_store inside a transaction, which a bulk load's index rebuild does
 * (deferred-indexes.ts). Changing temp_store outside one closes it: away and back to the connection's own setting.
 */
function closeTempDatabase(db: Database): void {
  const own = db.pragma('temp_store', { simple: true }) as number;
  db.pragma(`temp_store = ${own === 1 ? 2 : 1}`);
  db.pragma(`temp_store = ${own}`);
}
