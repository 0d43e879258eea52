import { createHash } from 'node:crypto';
import { invalidData, usageError, type Detail } from '../errors.js';
import { firstBadOffset } from '../text/decode.js';
import { chunkDecoder, encodingOf, NotUtf8, undecodable, type ImportEncoding } from './decode.js';
import { csvRecords, delimiterOf, type RawRecord } from './csv-stream.js';
import { columnIndex, detect, isBlank, rowOf, shapeProblem } from './read.js';
import { normalizeHeader } from './clean.js';
import { addRow, contiguousOrders, NotContiguous, OrderGrouper, totalsWarnings, withLineShipping, type GroupRow, type RowOf } from './group.js';

export { NotContiguous } from './group.js';
import { chunksOf, headOf, sizeOf, type InputFile } from './source.js';
import { RowError, type ImportOrder, type Profile, type RowContext } from './types.js';

export type { InputFile } from './source.js';

const HEAD_BYTES = 64 * 1024;
const HEADER_SEARCH_ROWS = 10;

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

/** One file with its layout known; its rows are read later, as often as needed (`rows`, `sha256` after a full read). */
export interface Reading {
  input: InputFile;
  file: string;
  size: number;
  encoding: ImportEncoding;
  bom: number;
  delimiter: string;
  profile: Profile;
  matched: number;
  of: number;
  headerIndex: number;
  header: string[];
  rows: number;
  sha256: string;
  profiles: readonly Profile[];
}

/** What a read found besides orders. */
export interface ReadLog {
  rejected: Rejected[];
  warnings: Detail[];
  /** Called as bytes are read (for a progress bar). */
  onBytes?: (bytes: number) => void;
}

/**
 * Reads one import whole: each file decoded, its layout detected (or forced), its rows rebuilt into orders;
 * two halves of a paired export (Taobao 订单报表 + 宝贝报表, Etsy orders + items) joined on the order id.
 * Bad rows are collected, never thrown: the caller decides between all-or-nothing and --skip-bad.
 */
export function parseOrderFiles(inputs: InputFile[], profiles: readonly Profile[], ctx: RowContext): ParsedImport {
  const readings = readFiles(inputs, profiles);
  return readOrders(readings, ctx, (orders, log) => {
    const all = [...orders];
    return { files: fileReadings(readings), orders: all, rejected: log.rejected, warnings: log.warnings };
  });
}

export const fileReadings = (readings: Reading[]): (FileReading & { sha256: string })[] =>
  readings.map(({ file, encoding, profile, matched, of, rows, sha256 }) => ({ file, encoding, profile, matched, of, rows, sha256 }));

/** Decodes the head of each file and detects its layout (no row is read yet: the shop, and so the zone, may depend on it). */
export function readFiles(inputs: InputFile[], profiles: readonly Profile[]): Reading[] {
  return inputs.map((input) => readOne(input, profiles));
}

/**
 * Hands the orders of `readings` to `consume`, a file read once as it goes when its orders' rows are together
 * (every platform's export), else read again holding every order until the end ('stream-only' throws
 * NotContiguous instead, for a caller that reads again elsewhere); a file taken for UTF-8 that turns out not
 * to be is read again in its legacy encoding. `consume` must undo its work when it throws (one transaction),
 * since it may be called again.
 */
export function readOrders<T>(
  readings: Reading[],
  ctx: RowContext,
  consume: (orders: Iterable<ImportOrder>, log: ReadLog) => T,
  onBytes?: (bytes: number) => void,
  read: 'stream' | 'buffered' | 'stream-only' = 'stream',
): T {
  checkPairs(readings);
  let buffered = read === 'buffered';
  for (;;) {
    try {
      const log: ReadLog = { rejected: [], warnings: [], onBytes };
      return consume(orderStream(readings, ctx, log, buffered), log);
    } catch (error) {
      if (error instanceof NotContiguous && !buffered && read === 'stream') buffered = true;
      else if (error instanceof NotUtf8) {
        const i = readings.findIndex((r) => r.file === error.file);
        readings[i] = readOne(readings[i]!.input, readings[i]!.profiles, error.offset);
      } else throw error;
    }
  }
}

function checkPairs(readings: Reading[]): void {
  const groups = new Set(readings.map((r) => r.profile.part?.group).filter(Boolean));
  for (const group of groups) {
    const roles = readings.filter((r) => r.profile.part?.group === group).map((r) => r.profile.part!.role);
    if (roles.filter((x) => x === 'orders').length > 1 || roles.filter((x) => x === 'items').length > 1) throw usageError('import.pairTwice', { group: String(group) });
  }
}

function* orderStream(readings: Reading[], ctx: RowContext, log: ReadLog, buffered: boolean): Generator<ImportOrder> {
  // The orders half first, so an order's own fields win over what its items repeat.
  const ordered = [...readings].sort((a, b) => rank(a.profile) - rank(b.profile));
  const grouper = new OrderGrouper();
  const rowsOf = rowReader(ctx, log, buffered);
  const checked = (order: ImportOrder) => {
    log.warnings.push(...totalsWarnings(order));
    return withLineShipping(order);
  };
  // A rejected row takes its whole order with it: the rows of it read before are listed as rejected too.
  const dropped = (row: GroupRow, earlier: RowOf[]) => {
    const params = { order: row.record.orderId, file: row.file!, line: row.line };
    for (const e of earlier) log.rejected.push({ file: e.file, line: e.line, detail: { line: e.line, key: 'import.orderRowRejected', params }, cells: e.cells });
  };
  if (buffered || ordered.length > 2 || (ordered.length === 2 && ordered[1]!.profile.part?.role !== 'items')) {
    for (const r of ordered) for (const row of rowsOf(r)) addRow(grouper, row, dropped);
    for (const order of grouper.result()) yield checked(order);
    return;
  }
  const items = ordered[1] ? rowsOf(ordered[1]) : null;
  // The items half is read in step: its rows for an order are taken when the orders half moves past it. Each is
  // read only when wanted, so an order row rejected just before is known when its items come.
  let next: IteratorResult<GroupRow> | undefined;
  const peek = () => (next ??= items!.next());
  const takeItems = (orderId: string) => {
    for (let n = items && peek(); n && !n.done && n.value.record.orderId === orderId; n = peek()) {
      addRow(grouper, n.value, dropped);
      next = undefined;
    }
  };
  for (const order of contiguousOrders(rowsOf(ordered[0]!), grouper, takeItems, dropped)) yield checked(order);
  if (items && !peek().done) {
    items.return(undefined);
    throw new NotContiguous();
  }
}

const rank = (p: Profile) => (p.part?.role === 'items' ? 1 : 0);

/**
 * Reads the data rows of a file by its profile; bad rows go to the log, and so do the later rows of an order one of
 * whose rows was rejected, in this file or in the orders half of a pair (read first, or in step ahead); the rows of it
 * already read are dropped by a `drop` row. Sets each file's row count and hash at its end.
 */
function rowReader(ctx: RowContext, log: ReadLog, buffered: boolean): (r: Reading) => Generator<GroupRow> {
  const rejectedOrders = new Map<string, { file: string; line: number }>();
  return function* rowsOf(r: Reading): Generator<GroupRow> {
    const index = columnIndex(r.header, r.file);
    const width = r.header.length;
    const part = r.profile.part;
    const hash = createHash('sha256');
    if (r.bom > 0) hash.update(headOf(r.input, r.bom));
    let seen = 0;
    const firstRow = r.profile.rowPerOrder ? rowPerOrderCheck(buffered) : undefined;
    const tap = (chunk: Uint8Array) => {
      hash.update(chunk);
      log.onBytes?.(chunk.length);
    };
    const orderIdOf = (record: RawRecord) => {
      try {
        return r.profile.orderIdOf(rowOf(record, index), ctx);
      } catch {
        return null;
      }
    };
    const listed = (record: RawRecord, detail: Detail) => log.rejected.push({ file: r.file, line: record.line, detail, cells: record.cells });
    /** Rejects a bad row, and its order with it: the word to drop the order's rows read so far. */
    const reject = (record: RawRecord, detail: Detail): GroupRow | null => {
      listed(record, detail);
      const orderId = orderIdOf(record);
      if (orderId === null || rejectedOrders.has(orderId)) return null;
      rejectedOrders.set(orderId, { file: r.file, line: record.line });
      return { record: { orderId, order: {}, line: null }, line: record.line, file: r.file, drop: true };
    };
    for (const record of recordsOf(r, tap)) {
      if (seen++ <= r.headerIndex) continue;
      if (isBlank(record) || r.profile.isFooter?.(record.cells)) continue;
      const shape = shapeProblem(record, width);
      let drop: GroupRow | null = null;
      if (shape) drop = reject(record, shape);
      else {
        try {
          const read = r.profile.read(rowOf(record, index), ctx);
          const orderRow = read && rejectedOrders.get(read.orderId);
          const first = read && !orderRow && firstRow?.(read.orderId, record.line);
          // A row repeating an order of one row is rejected alone: the order stands whole on its first row.
          if (orderRow) listed(record, { line: record.line, key: 'import.orderRowRejected', params: { order: read!.orderId, ...orderRow } });
          else if (first) listed(record, { line: record.line, key: 'import.orderRowTwice', params: { order: read!.orderId, first } });
          // Read as a stream, an order's rows are held only until it is complete; read buffered, every order is held
          // to the end, so its rows' cells are not (a row rejected with its order is then listed by its line alone).
          else if (read) yield { record: read, line: record.line, role: part?.role, file: r.file, cells: buffered ? undefined : record.cells };
        } catch (error) {
          if (!(error instanceof RowError)) throw error;
          drop = reject(record, { line: record.line, key: error.key, params: error.params });
        }
      }
      if (drop) yield drop;
    }
    r.rows = Math.max(0, seen - r.headerIndex - 1);
    r.sha256 = hash.digest('hex');
  };
}

/**
 * For a file of one row per order: the line of an earlier row with the same order id, or undefined (and this row
 * remembered). Read as a stream only the row before is kept: a repeat further back breaks the file's contiguity,
 * and it is read again buffered, where every order id is kept (as the orders themselves are).
 */
function rowPerOrderCheck(buffered: boolean): (orderId: string, line: number) => number | undefined {
  if (buffered) {
    const lines = new Map<string, number>();
    return (orderId, line) => {
      const first = lines.get(orderId);
      if (first === undefined) lines.set(orderId, line);
      return first;
    };
  }
  let last: { orderId: string; line: number } | undefined;
  return (orderId, line) => {
    if (last?.orderId === orderId) return last.line;
    last = { orderId, line };
    return undefined;
  };
}

function* recordsOf(r: Pick<Reading, 'input' | 'encoding' | 'bom' | 'delimiter' | 'file'>, tap?: (chunk: Uint8Array) => void): Generator<RawRecord> {
  const decoder = chunkDecoder(r.encoding, r.file, r.bom);
  function* text(): Generator<string> {
    for (const chunk of chunksOf(r.input, r.bom)) {
      tap?.(chunk);
      yield decoder.decode(chunk);
    }
    yield decoder.end();
  }
  try {
    yield* csvRecords(text(), r.delimiter, r.file);
  } catch (error) {
    if (error instanceof NotUtf8) error.file = r.file;
    throw error;
  }
}

function platformOf(profiles: readonly Profile[]) {
  return (text: string) => {
    for (const line of text.split(/\r?\n/, 10)) {
      const cells = line.split(/[,\t]/).map((h) => normalizeHeader(h.replace(/^"|"$/g, '')));
      const profile = profiles.find((p) => p.required.every((c) => cells.includes(c)));
      if (profile) return profile.platform;
    }
    return null;
  };
}

/** Reads a file's head: its encoding, delimiter and layout. `notUtf8At` is where an earlier read found it is not UTF-8. */
function readOne(input: InputFile, profiles: readonly Profile[], notUtf8At?: number): Reading {
  const head = headOf(input, HEAD_BYTES);
  const found = encodingOf(head, platformOf(profiles), notUtf8At !== undefined);
  if (!found) throw undecodable(input.name, 'utf-8', notUtf8At ?? firstBadOffset('utf-8', head));
  const delimiter = delimiterOf(new TextDecoder(found.encoding).decode(head.subarray(found.bom)));
  const opened = { input, file: input.name, encoding: found.encoding, bom: found.bom, delimiter };
  const first: RawRecord[] = [];
  try {
    for (const record of recordsOf(opened)) if (first.push(record) >= HEADER_SEARCH_ROWS) break;
  } catch (error) {
    if (error instanceof NotUtf8 && notUtf8At === undefined) return readOne(input, profiles, error.offset);
    throw error;
  }
  if (first.every((record) => record.cells.every((cell) => cell.trim() === ''))) throw invalidData('import.emptyFile', { file: input.name }, { key: 'import.emptyFile.hint' });
  const detected = detect(first, profiles);
  if ('closest' in detected) {
    throw invalidData(
      'import.unknownLayout',
      { file: input.name, tried: profiles.map((p) => p.id).join(', '), closest: detected.closest.id, missing: detected.missing.join(', ') },
      { key: 'import.unknownLayout.hint' },
    );
  }
  const { profile, matched, of, headerIndex } = detected;
  // Copies, not slices of the first chunk's text, which they would keep alive for the whole import.
  const header = structuredClone(first[headerIndex]!.cells);
  return { ...opened, size: sizeOf(input), profile, matched, of, headerIndex, header, rows: 0, sha256: '', profiles };
}
