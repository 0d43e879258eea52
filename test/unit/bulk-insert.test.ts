import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { insertRows, nextId } from '../../src/db/queries/bulk.js';

const COLUMNS = ['i', 'n', 't', 'r', 'a', 'l', 'x', 'u'] as const;
const TABLE = (name: string, strict: boolean) =>
  `CREATE TABLE ${name} (id INTEGER PRIMARY KEY, i INTEGER, n ${strict ? 'INT' : 'NUMERIC'}, t TEXT, r REAL, a ANY, l ${strict ? 'ANY' : ''}, x TEXT, u ${strict ? 'ANY' : ''})${strict ? ' STRICT' : ''}`;

/** Every value kind a row may hold, each shared by all rows of one insert (so it may go into the SQL as a literal). */
const SHARED: unknown[][] = [
  // i INTEGER, n INT (NUMERIC), t TEXT, r REAL, a ANY, l ANY, x TEXT, u ANY: values each column takes in a STRICT table
  [null, null, null, null, null, null, null, null],
  [0, -0, 0, 0, 0, -0, '0', undefined],
  [5, 5, 5, 5, 5, 5, '5', 5],
  [1795132800000, 2 ** 53 + 2, 1795132800000, 1795132800000, 2 ** 53 + 2, -7, 'x', 1795132800000],
  [7n, 2n ** 62n, 2.5, 0.1, 1 / 3, -0.25, 'y', 12.5],
  [-1, 3, '5', 4.75, '05', ' 5', '5.0', 'paid'],
  [1, 2, "O'Brien", 1.5, "it''s", "'; DROP TABLE t; --", 'a'.repeat(256), 'a'.repeat(257)],
  [3, 4, '龙井 明前', 2.5, '𠮷', '"quoted"', '?', '@name'],
  [5, 6, ':name', 3.5, '$name', '\n\t', 'NULL', 'x\u0000y'],
  [7, 8, '', 4.5, Buffer.from('blob'), 'null', '0x10', '1e3'],
];

const readBack = (db: Database.Database, table: string) =>
  db.prepare(`SELECT ${COLUMNS.map((c) => `typeof(${c}), quote(${c})`).join(', ')} FROM ${table} ORDER BY id`).raw().all();

describe('insertRows', () => {
  for (const strict of [true, false]) {
    it(`stores exactly what binding each value stores, shared or not (${strict ? 'STRICT' : 'plain'} table, 64-row statements and single rows)`, () => {
      const db = new Database(':memory:');
      db.exec(TABLE('bulk', strict));
      db.exec(TABLE('bound', strict));
      const one = db.prepare(`INSERT INTO bound (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`);
      for (const values of SHARED) {
        // 130 rows sharing every value: two statements of 64 and two single rows, the values written into the SQL.
        const shared = Array.from({ length: 130 }, () => values);
        // The same values on some rows only, so they are bound.
        const mixed = Array.from({ length: 70 }, (_, k) => (k % 3 === 0 ? values : SHARED[0]!));
        // A batch smaller than one statement: bound as it is.
        const small = Array.from({ length: 10 }, () => values);
        for (const rows of [shared, mixed, small]) {
          insertRows(db, 'bulk', COLUMNS, rows);
          for (const row of rows) one.run(row);
        }
      }
      const stored = readBack(db, 'bulk');
      expect(stored).toEqual(readBack(db, 'bound'));
      expect(stored).toHaveLength(SHARED.length * 210);
      // A few readings that a wrong literal would change.
      const row = (k: number) => stored[k * 210] as unknown[];
      expect(row(2).slice(0, 8)).toEqual(['integer', '5', 'integer', '5', 'text', "'5.0'", 'real', '5.0']);
      expect(row(6).slice(0, 8)).toEqual(['integer', '1', 'integer', '2', 'text', "'O''Brien'", 'real', '1.5']);
      expect(row(6)[9]).toBe("'it''''s'");
    });
  }

  it('writes nothing for no rows, and a statement per 64 rows reused across calls', () => {
    const db = new Database(':memory:');
    db.exec(TABLE('bulk', true));
    insertRows(db, 'bulk', COLUMNS, []);
    expect(db.prepare('SELECT count(*) FROM bulk').pluck().get()).toBe(0);
    for (let k = 0; k < 3; k++) insertRows(db, 'bulk', COLUMNS, Array.from({ length: 64 }, (_, r) => [r, k, 'a', 1.5, null, null, 's', k]));
    expect(db.prepare('SELECT count(*), sum(i), sum(u) FROM bulk').raw().get()).toEqual([192, 3 * 2016, 64 * 3]);
  });
});

describe('nextId', () => {
  it('is the id SQLite gives the next row it numbers itself: empty table, after inserts, after the last row is deleted', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const check = () => {
      const expected = nextId(db, 't');
      expect(Number(insert.run('x').lastInsertRowid)).toBe(expected);
    };
    check();
    check();
    db.exec('INSERT INTO t (id, v) VALUES (100, 1)');
    check();
    db.exec('DELETE FROM t WHERE id = (SELECT max(id) FROM t)');
    check();
  });
});
