import { statement, type Db } from '../open.js';

export function tableNames(db: Db): string[] {
  return statement(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
}

export function rowCount(db: Db, table: string): number {
  return (statement(db, `SELECT count(*) AS n FROM "${table.replace(/"/g, '""')}"`).get() as { n: number }).n;
}

export function integrityProblems(db: Db): string[] {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
}

export function foreignKeyProblems(db: Db): { table: string; rowid: number; parent: string }[] {
  return db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
}

export function journalMode(db: Db): string {
  return db.pragma('journal_mode', { simple: true }) as string;
}
