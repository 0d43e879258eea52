import { statement, type Db } from '../open.js';

const CHUNK = 64;
const sqlCache = new Map<string, string>();

function insertSql(table: string, columns: readonly string[], rows: number, returning: string | undefined): string {
  const key = `${table}\u0000${rows}\u0000${returning}`;
  let sql = sqlCache.get(key);
  if (sql === undefined) {
    const row = `(${columns.map(() => '?').join(', ')})`;
    sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => row).join(', ')}${returning ? ` RETURNING ${returning}` : ''}`;
    sqlCache.set(key, sql);
  }
  return sql;
}

/**
 * Rows into `table`, 64 to a statement (one call into SQLite per 64 rows instead of per row), the rest one by
 * one so only two statements are ever prepared. With `returning`, those columns of every row come back.
 * `table`, `columns` and `returning` are the caller's constants, never input.
 */
export function insertRows(db: Db, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], returning?: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const exec = (sql: string, params: readonly unknown[]) => {
    if (returning) out.push(...(statement(db, sql).all(params) as Record<string, unknown>[]));
    else statement(db, sql).run(params);
  };
  let i = 0;
  for (; i + CHUNK <= rows.length; i += CHUNK) exec(insertSql(table, columns, CHUNK, returning), rows.slice(i, i + CHUNK).flat());
  for (; i < rows.length; i++) exec(insertSql(table, columns, 1, returning), rows[i]!);
  return out;
}
