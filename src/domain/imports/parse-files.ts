import { invalidData, usageError, type Detail } from '../errors.js';
import { decodeOrderFile, type ImportEncoding } from './decode.js';
import { csvRecords, columnIndex, detect, isBlank, rowOf, shapeProblem, type RawRecord } from './read.js';
import { normalizeHeader } from './clean.js';
import { OrderGrouper, totalsWarnings } from './group.js';
import { RowError, type ImportOrder, type Profile, type RowContext } from './types.js';

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

export interface FileReading {
  file: string;
  encoding: ImportEncoding;
  profile: Profile;
  matched: number;
  of: number;
  rows: number;
}

export interface Rejected {
  file: string;
  line: number;
  detail: Detail;
  cells: string[];
}

export interface ParsedImport {
  files: FileReading[];
  orders: ImportOrder[];
  rejected: Rejected[];
  warnings: Detail[];
}

/**
 * Reads one import: each file decoded, its layout detected (or forced), its rows read into order records;
 * two halves of a paired export (Taobao 订单报表 + 宝贝报表, Etsy orders + items) are joined on the order id.
 * Bad rows are collected, never thrown: the caller decides between all-or-nothing and --skip-bad.
 */
export function parseOrderFiles(inputs: InputFile[], profiles: readonly Profile[], ctx: RowContext): ParsedImport {
  return buildOrders(readFiles(inputs, profiles), ctx);
}

export type Reading = ReturnType<typeof readOne>;

/** Decodes each file and detects its layout (no row is read yet: the shop, and so the zone, may depend on it). */
export function readFiles(inputs: InputFile[], profiles: readonly Profile[]): Reading[] {
  return inputs.map((input) => readOne(input, profiles));
}

/** Reads every row of the detected files into orders, bad rows aside. */
export function buildOrders(readings: Reading[], ctx: RowContext): ParsedImport {
  const grouper = new OrderGrouper();
  const rejected: Rejected[] = [];
  // The orders half first, so an order's own fields win over what its items repeat.
  const ordered = [...readings].sort((a, b) => rank(a.profile) - rank(b.profile));
  for (const r of ordered) {
    const index = columnIndex(r.records[r.headerIndex]!.cells, r.file);
    const width = r.records[r.headerIndex]!.cells.length;
    for (const record of r.records.slice(r.headerIndex + 1)) {
      if (isBlank(record) || r.profile.isFooter?.(record.cells)) continue;
      const shape = shapeProblem(record, width);
      if (shape) {
        rejected.push({ file: r.file, line: record.line, detail: shape, cells: record.cells });
        continue;
      }
      try {
        const read = r.profile.read(rowOf(record, index), ctx);
        if (read) grouper.add(read, record.line, r.profile.part?.role);
      } catch (error) {
        if (!(error instanceof RowError)) throw error;
        rejected.push({ file: r.file, line: record.line, detail: { line: record.line, key: error.key, params: error.params }, cells: record.cells });
      }
    }
  }
  const groups = new Set(readings.map((r) => r.profile.part?.group).filter(Boolean));
  for (const group of groups) {
    const roles = readings.filter((r) => r.profile.part?.group === group).map((r) => r.profile.part!.role);
    if (roles.filter((x) => x === 'orders').length > 1 || roles.filter((x) => x === 'items').length > 1) throw usageError('import.pairTwice', { group: String(group) });
  }
  const orders = grouper.result();
  return {
    files: readings.map(({ file, encoding, profile, matched, of, records, headerIndex }) => ({ file, encoding, profile, matched, of, rows: records.length - headerIndex - 1 })),
    orders,
    rejected,
    warnings: orders.flatMap(totalsWarnings),
  };
}

const rank = (p: Profile) => (p.part?.role === 'items' ? 1 : 0);

function readOne(input: InputFile, profiles: readonly Profile[]) {
  const platformOf = (text: string) => {
    for (const line of text.split(/\r?\n/, 10)) {
      const cells = line.split(/[,\t]/).map((h) => normalizeHeader(h.replace(/^"|"$/g, '')));
      const profile = profiles.find((p) => p.required.every((c) => cells.includes(c)));
      if (profile) return profile.platform;
    }
    return null;
  };
  const { text, encoding } = decodeOrderFile(input.bytes, input.name, platformOf);
  const records: RawRecord[] = csvRecords(text, input.name);
  const found = detect(records, profiles);
  if ('closest' in found) {
    throw invalidData(
      'import.unknownLayout',
      { file: input.name, tried: profiles.map((p) => p.id).join(', '), closest: found.closest.id, missing: found.missing.join(', ') },
      { key: 'import.unknownLayout.hint' },
    );
  }
  return { file: input.name, encoding, profile: found.profile, matched: found.matched, of: found.of, headerIndex: found.headerIndex, records };
}
