import type { Statement } from 'better-sqlite3';
import { statement, type Db } from '../open.js';

const CHUNK = 64;

/**
 * A value every row of an insert shares, written into the SQL instead of bound 64 times a statement: binding is
 * about half of what a bulk insert costs (better-sqlite3 copies each string twice on the way in). Only values whose
 * text form means exactly what binding them would: NULL; a whole number as a REAL literal (better-sqlite3 binds
 * every number as a double, and SQLite converts a REAL literal as it converts a bound double); a string of up to 256
 * characters quoted SQL's way (a file name on every event of an import). Anything else is bound.
 */
function literal(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return Number.isSafeInteger(value) ? `${value}.0` : undefined;
  if (typeof value === 'string' && value.length <= 256 && !value.includes('\0')) return `'${value.replaceAll("'", "''")}'`;
  return undefined;
}

/** For each column, its literal when every row holds that same value, else undefined (bound). */
function sharedValues(rows: readonly (readonly unknown[])[], width: number): (string | undefined)[] {
  const first = rows[0]!;
  const shared: (string | undefined)[] = [];
  for (let c = 0; c < width; c++) {
    const value = first[c];
    const text = literal(value);
    let same = text !== undefined;
    for (let r = 1; same && r < rows.length; r++) same = rows[r]![c] === value;
    shared.push(same ? text : undefined);
  }
  return shared;
}

/** Prepared inserts by SQL text; few shapes recur (which columns a batch shares), so a small cache, oldest out. */
const MAX_STATEMENTS = 64;
const prepared = new WeakMap<Db, Map<string, Statement>>();

function insertStatement(db: Db, table: string, columns: readonly string[], shared: readonly (string | undefined)[], rows: number): Statement {
  const row = `(${shared.map((s) => s ?? '?').join(', ')})`;
  const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => row).join(', ')}`;
  let cache = prepared.get(db);
  if (!cache) prepared.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
    cache.set(sql, stmt);
  }
  return stmt;
}

/**
 * The id the next row of `table` gets: one past the largest (what SQLite itself gives a table without
 * AUTOINCREMENT). Inside the import's write transaction nobody else inserts, so rows given ids from here on keep
 * exactly the ids SQLite would have chosen, and the caller knows them without asking for them back.
 */
export function nextId(db: Db, table: string): number {
  return statement(db, `SELECT coalesce(max(id), 0) + 1 FROM ${table}`).pluck().get() as number;
}

/**
 * Rows into `table`, 64 to a statement (one call into SQLite per 64 rows instead of per row), the rest one by
 * one, with the values all rows share written into the SQL. `table` and `columns` are the caller's constants,
 * never input. The bound values of 64 rows go into one array reused for every statement (slicing and flattening
 * them cost more than the binding), spread into arguments: better-sqlite3 reads an array argument element by
 * element through V8's API, which made a whole insert a third slower.
 */
export function insertRows(db: Db, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): void {
  if (rows.length === 0) return;
  const width = columns.length;
  // Fewer rows than a statement's worth are all bound: shared values would make one-off SQL for each small batch.
  const shared = rows.length >= CHUNK ? sharedValues(rows, width) : new Array<undefined>(width).fill(undefined);
  const bound = shared.flatMap((s, c) => (s === undefined ? [c] : []));
  let i = 0;
  if (rows.length >= CHUNK) {
    const stmt = insertStatement(db, table, columns, shared, CHUNK);
    const params: unknown[] = new Array(CHUNK * bound.length);
    for (; i + CHUNK <= rows.length; i += CHUNK) {
      for (let r = 0, k = 0; r < CHUNK; r++) {
        const row = rows[i + r]!;
        for (const c of bound) params[k++] = row[c];
      }
      stmt.run(...params);
    }
  }
  if (i === rows.length) return;
  const single = insertStatement(db, table, columns, shared, 1);
  for (; i < rows.length; i++) {
    const row = rows[i]!;
    single.run(...bound.map((c) => row[c]));
  }
}
