import { parse } from 'csv-parse/sync';
import type { MessageKey } from '../../i18n/en.js';
import { invalidData } from '../errors.js';

export interface CsvRecord {
  /** The file line the record starts on (1-based), for messages. */
  line: number;
  cells: string[];
}

const MAX_CELL = 64 * 1024;

/** Comma unless the header line is tab-separated. */
export function sniffDelimiter(text: string): ',' | '\t' {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return (header.match(/\t/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? '\t' : ',';
}

/**
 * Parses CSV text (quoted newlines, CRLF, comma or TAB). A malformed record is exit 5 naming its line. A caller that
 * found the header below a title line passes the delimiter judged from that header.
 */
export function parseCsv(text: string, file: string, delimiter: ',' | '\t' = sniffDelimiter(text)): CsvRecord[] {
  const bytes = Buffer.from(text, 'utf8');
  let rows: { record: string[]; info: { bytes: number } }[];
  try {
    rows = parse(bytes, { delimiter, info: true, skip_empty_lines: true, max_record_size: MAX_CELL }) as unknown as typeof rows;
  } catch (error) {
    const e = error as { code?: string; lines?: number };
    throw invalidData(CSV_ERRORS[e.code ?? ''] ?? 'csv.malformed', { file, line: e.lines ?? 0 });
  }
  return withStartLines(bytes, rows);
}

/** csv-parse reports where a record ends (in bytes); people want the line it starts on, past any blank lines. */
function withStartLines(bytes: Buffer, rows: { record: string[]; info: { bytes: number } }[]): CsvRecord[] {
  const LF = 0x0a;
  const CR = 0x0d;
  let offset = 0;
  let line = 1;
  return rows.map((row) => {
    while (bytes[offset] === LF || (bytes[offset] === CR && bytes[offset + 1] === LF)) {
      offset += bytes[offset] === CR ? 2 : 1;
      line++;
    }
    const start = line;
    for (; offset < row.info.bytes; offset++) if (bytes[offset] === LF) line++;
    return { line: start, cells: row.record };
  });
}

const CSV_ERRORS: Record<string, MessageKey> = {
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'csv.wrongCellCount',
  CSV_QUOTE_NOT_CLOSED: 'csv.unclosedQuote',
  CSV_MAX_RECORD_SIZE: 'csv.recordTooLarge',
  CSV_INVALID_CLOSING_QUOTE: 'csv.badQuote',
  INVALID_OPENING_QUOTE: 'csv.badQuote',
};

/** Header cells as keys: trimmed, checked for duplicates; unknown names are refused so a typo never drops data silently. */
export function headerIndex<K extends string>(header: string[], known: readonly K[], requiredColumns: readonly K[], file: string): Map<K, number> {
  const index = new Map<K, number>();
  header.forEach((raw, i) => {
    const name = raw.replace(/^\uFEFF/, '').trim().toLowerCase();
    if (!(known as readonly string[]).includes(name)) throw invalidData('csv.unknownColumn', { file, column: raw, known: known.join(', ') });
    if (index.has(name as K)) throw invalidData('csv.duplicateColumn', { file, column: name });
    index.set(name as K, i);
  });
  const missing = requiredColumns.filter((c) => !index.has(c));
  if (missing.length > 0) throw invalidData('csv.missingColumns', { file, columns: missing.join(', ') });
  return index;
}
