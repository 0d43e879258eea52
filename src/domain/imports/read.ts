import { invalidData, type Detail } from '../errors.js';
import type { RawRecord } from './csv-stream.js';
import { cleanCell, normalizeHeader } from './clean.js';
import type { Profile, Row } from './types.js';

const HEADER_SEARCH_ROWS = 10;

export interface Detection {
  profile: Profile;
  /** Why it was chosen: how many of its signature columns the header has. */
  matched: number;
  of: number;
  headerIndex: number;
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
/** Header names no export has, which code that keys objects by column would take for an object's own machinery. */
const HOSTILE = new Set(['__proto__', 'constructor', 'prototype']);

export function columnIndex(header: string[], file: string): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((cell, i) => {
    const name = normalizeHeader(cell);
    if (name === '') return;
    if (HOSTILE.has(name)) throw invalidData('import.hostileColumn', { file, column: cell.trim().slice(0, 40) }, { key: 'import.hostileColumn.hint' });
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
