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
 * `table`, `columns` and `returning` are the caller's constants, never input. The 64 rows' values go into one
 * array reused for every statement (slicing and flattening them cost more than the binding).
 */
export function insertRows(db: Db, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], returning?: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const width = columns.length;
  const exec = (sql: string, params: readonly unknown[]) => {
    if (returning) for (const row of statement(db, sql).all(params) as Record<string, unknown>[]) out.push(row);
    else statement(db, sql).run(params);
  };
  const params: unknown[] = new Array(CHUNK * width);
  let i = 0;
  for (; i + CHUNK <= rows.length; i += CHUNK) {
    for (let r = 0, k = 0; r < CHUNK; r++) {
      const row = rows[i + r]!;
      for (let c = 0; c < width; c++) params[k++] = row[c];
    }
    exec(insertSql(table, columns, CHUNK, returning), params);
  }
  for (; i < rows.length; i++) exec(insertSql(table, columns, 1, returning), rows[i]!);
  return out;
}
