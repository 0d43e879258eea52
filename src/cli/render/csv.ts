import { stringify } from 'csv-stringify/sync';
import type { Cell, TableBlock } from './view.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A spreadsheet opens a cell that begins with = + - @ TAB or CR as a formula; a leading apostrophe
 * keeps it text (OWASP CSV injection advice). Plain numbers stay numbers.
 */
export function formulaSafe(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function renderCsv(table: Pick<TableBlock, 'columns' | 'rows'>, bom = false): string {
  const records = [table.columns.map((c) => c.key), ...table.rows.map((row) => table.columns.map((c) => formulaSafe(row[c.key] ?? null)))];
  return (bom ? '\uFEFF' : '') + stringify(records, { record_delimiter: 'windows' });
}
