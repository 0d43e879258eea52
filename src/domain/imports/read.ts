import { parse } from 'csv-parse/sync';
import { invalidData, type Detail } from '../errors.js';
import { cleanCell, normalizeHeader } from './clean.js';
import type { Profile, Row } from './types.js';

const MAX_RECORD_BYTES = 1024 * 1024;
const HEADER_SEARCH_ROWS = 10;

export interface RawRecord {
  line: number;
  cells: string[];
}

export interface Detection {
  profile: Profile;
  /** Why it was chosen: how many of its signature columns the header has. */
  matched: number;
  of: number;
  headerIndex: number;
}

/** Comma or TAB, whichever the first lines use more. */
function delimiterOf(text: string): ',' | '\t' {
  const head = text.slice(0, 8192);
  return (head.match(/\t/g)?.length ?? 0) > (head.match(/,/g)?.length ?? 0) ? '\t' : ',';
}

/** Every record with the line it starts on. Malformed CSV (an unclosed quote, a 1 MB record) is exit 5 naming the line. */
export function csvRecords(text: string, file: string): RawRecord[] {
  const bytes = Buffer.from(text, 'utf8');
  let rows: { record: string[]; info: { bytes: number } }[];
  try {
    rows = parse(bytes, { delimiter: delimiterOf(text), info: true, relax_column_count: true, relax_quotes: true, max_record_size: MAX_RECORD_BYTES, skip_empty_lines: false }) as unknown as typeof rows;
  } catch (error) {
    const e = error as { code?: string; lines?: number };
    const key = e.code === 'CSV_MAX_RECORD_SIZE' ? 'import.recordTooLarge' : e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'import.unclosedQuote' : 'import.malformed';
    throw invalidData(key, { file, line: e.lines ?? 0 });
  }
  let offset = 0;
  let line = 1;
  return rows.map((row) => {
    const start = line;
    for (; offset < row.info.bytes; offset++) if (bytes[offset] === 0x0a) line++;
    return { line: start, cells: row.record };
  });
}

/** Scores each profile against the first rows; the best whose required columns are all there wins. */
export function detect(records: RawRecord[], profiles: readonly Profile[]): Detection | { closest: Profile; missing: string[] } {
  let best: Detection | undefined;
  let closest: { profile: Profile; missing: string[]; score: number } | undefined;
  for (let i = 0; i < Math.min(records.length, HEADER_SEARCH_ROWS); i++) {
    const header = new Set(records[i]!.cells.map(normalizeHeader));
    for (const profile of profiles) {
      const matched = profile.signature.filter((c) => header.has(c)).length;
      const missing = profile.required.filter((c) => !header.has(c));
      const score = matched / profile.signature.length;
      if (missing.length === 0 && (!best || score > best.matched / best.of)) best = { profile, matched, of: profile.signature.length, headerIndex: i };
      if (!closest || score > closest.score) closest = { profile, missing, score };
    }
  }
  return best ?? { closest: closest?.profile ?? profiles[0]!, missing: closest?.missing ?? [] };
}

/** Column lookup for one file: normalised names → index; a name twice is refused (which one would we trust?). */
export function columnIndex(header: string[], file: string): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((cell, i) => {
    const name = normalizeHeader(cell);
    if (name === '') return;
    if (index.has(name)) throw invalidData('import.duplicateColumn', { file, column: cell.trim() });
    index.set(name, i);
  });
  return index;
}

/** A data row with the header's names; cells are cleaned of Excel guards as they are read. */
export function rowOf(record: RawRecord, index: Map<string, number>): Row {
  return {
    line: record.line,
    get: (column) => {
      const i = index.get(column);
      return i === undefined ? undefined : cleanCell(record.cells[i] ?? '');
    },
    has: (column) => index.has(column),
  };
}

/** A row's shape problem (or null): extra cells are fine only when empty (Amazon pads rows). */
export function shapeProblem(record: RawRecord, width: number): Detail | null {
  if (record.cells.length === width) return null;
  if (record.cells.length > width && record.cells.slice(width).every((c) => c.trim() === '')) return null;
  return { line: record.line, key: 'import.cellCount', params: { found: record.cells.length, expected: width } };
}

export const isBlank = (record: RawRecord) => record.cells.every((c) => c.trim() === '');
