import { stringify } from 'csv-stringify/sync';
import type { Cell, TableBlock } from './view.js';

const FORMULA_START = /^[=+\-@\t\r]/;
/** A signed decimal, a signed percentage or a negative whole number: a spreadsheet reads it as a number and runs nothing. */
const SIGNED_NUMBER = /^(?:[+-]?\d+(?:\.\d+)?%|[+-]?\d+\.\d+|-\d+)$/;

/**
 * A spreadsheet opens a cell that begins with = + - @ TAB or CR as a formula; a leading apostrophe
 * keeps it text (OWASP CSV injection advice). Plain numbers stay numbers, signed ones too (a report's
 * change column: -1.55, +9.8%); a whole number with a plus (a phone number, +8613…) keeps its apostrophe
 * so that a spreadsheet keeps it as written.
 */
export function formulaSafe(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  return FORMULA_START.test(cell) && !SIGNED_NUMBER.test(cell) ? `'${cell}` : cell;
}

export function renderCsv(table: Pick<TableBlock, 'columns' | 'rows'>, bom = false): string {
  const records = [table.columns.map((c) => c.key), ...table.rows.map((row) => table.columns.map((c) => formulaSafe(row[c.key] ?? null)))];
  return (bom ? '\uFEFF' : '') + stringify(records, { record_delimiter: 'windows' });
}
