import { currencyDecimals, parseMoney } from '../money.js';
import { validDate, wallTimeToInstant } from '../time.js';
import { RowError, type Row } from './types.js';

/** Header cells compared as platforms drift: trimmed, BOM and quotes gone, full-width brackets made ASCII, spaces folded. */
export function normalizeHeader(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/：/g, ':')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * A cell as the seller meant it: Excel guards (`="…"`, a leading `'`, a leading TAB) removed, whitespace
 * trimmed, and `-` / `--` (the platforms' "empty") made empty.
 */
export function cleanCell(value: string): string {
  if (value === '') return value;
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  // Most cells start and end with a plain character: nothing to clean (the checks below are regular expressions).
  if (plain(first) && first !== 0x3d && first !== 0x27 && first !== 0x2d && plain(last)) return value;
  let v = value.trim();
  // '="…" is a text-guarded cell made formula-safe again (shopkeep's own rejects file): both come off.
  if (v.startsWith('\'="')) v = v.slice(1);
  const formula = /^="(.*)"$/s.exec(v);
  if (formula) v = formula[1]!.replace(/""/g, '"');
  if (v.startsWith("'")) v = v.slice(1);
  v = v.replace(/^\t+/, '').trim();
  return v === '-' || v === '--' ? '' : v;
}

/** Not whitespace (ASCII or the Unicode spaces trim() removes) and not a control character. */
const plain = (c: number) => (c > 0x20 && c < 0x7f) || (c > 0xa0 && c < 0x1680) || (c > 0x3000 && c !== 0xfeff);

export function text(row: Row, column: string): string | null {
  const v = row.get(column);
  return v === undefined || v === '' ? null : v;
}

/** A profile's `orderIdOf`: the order id in the first of these columns that has one. */
export const orderIdIn =
  (...columns: string[]) =>
  (row: Row): string | null =>
    firstText(row, ...columns);

/** The first of several columns that has a value (columns renamed between export versions). */
export function firstText(row: Row, ...columns: string[]): string | null {
  for (const c of columns) {
    const v = text(row, c);
    if (v !== null) return v;
  }
  return null;
}

/** Money in minor units: `1400.00`, `$12.34`, `¥1,234.50`, `0元`; refused with the column named when ambiguous. */
export function money(row: Row, column: string, currency: string): number | null {
  const v = text(row, column);
  if (v === null) return null;
  try {
    return parseMoney(v, currency, column, true);
  } catch {
    throw new RowError('import.badAmount', { column, value: v.slice(0, 40), currency, decimals: currencyDecimals(currency) });
  }
}

export function count(row: Row, column: string): number | null {
  const v = text(row, column);
  if (v === null) return null;
  const n = v.replace(/,/g, '');
  if (!/^\d{1,7}(\.0+)?$/.test(n)) throw new RowError('import.badNumber', { column, value: v.slice(0, 40) });
  return Math.round(Number(n));
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/**
 * An instant from the date formats platforms write: ISO 8601 with offset, `2026-04-05 21:06:21 +0400`,
 * `2026-09-22 00:54:10` or `2026/9/22 0:54` (read in the shop's zone, never the process's), `09/22/26`
 * (Etsy, US order), `Sep-07-26` / `Sep-07-26 23:45:00` (eBay). An impossible date is refused.
 */
const offsets = new Map<string, Map<number, number>>();

/**
 * wallTimeToInstant, remembering each zone's offset per wall-clock hour: files hold a million timestamps and
 * a zone lookup through Intl costs microseconds. An hour whose two ends have different offsets (a change
 * inside it) is never remembered; a skipped or repeated hour resolves as wallTimeToInstant resolves it.
 */
export function zonedInstant(zone: string, y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  let hours = offsets.get(zone);
  if (!hours) offsets.set(zone, (hours = new Map()));
  const hour = ((y * 12 + mo) * 31 + d) * 24 + h;
  let offset = hours.get(hour);
  if (offset === undefined) {
    const start = Date.UTC(y, mo - 1, d, h) - wallTimeToInstant(zone, y, mo, d, h, 0, 0);
    const end = Date.UTC(y, mo - 1, d, h, 59, 59) - wallTimeToInstant(zone, y, mo, d, h, 59, 59);
    if (start !== end) return wallTimeToInstant(zone, y, mo, d, h, mi, s);
    if (hours.size >= 100_000) hours.clear();
    hours.set(hour, (offset = start));
  }
  return Date.UTC(y, mo - 1, d, h, mi, s) - offset;
}

export function parseInstant(value: string, zone: string): number | null {
  const v = value.trim();
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(v);
  if (m) {
    const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m![i] ?? 0)) as [number, number, number, number, number, number];
    if (!validDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
    if (m[7]) {
      const offset = m[7] === 'Z' ? 0 : (m[7].startsWith('-') ? -1 : 1) * (Number(m[7].slice(1, 3)) * 60 + Number(m[7].slice(-2)));
      return Date.UTC(y, mo - 1, d, h, mi, s) - offset * 60_000;
    }
    return zonedInstant(zone, y, mo, d, h, mi, s);
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
  if (m) {
    const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const [mo, d, h, mi, s] = [1, 2, 4, 5, 6].map((i) => Number(m![i] ?? 0)) as [number, number, number, number, number];
    if (!validDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
    return zonedInstant(zone, y, mo, d, h, mi, s);
  }
  m = /^([A-Za-z]{3})-(\d{1,2})-(\d{2}|\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
  if (m) {
    const mo = MONTHS[m[1]!.toLowerCase()];
    const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const [d, h, mi, s] = [2, 4, 5, 6].map((i) => Number(m![i] ?? 0)) as [number, number, number, number];
    if (mo === undefined || !validDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
    return zonedInstant(zone, y, mo, d, h, mi, s);
  }
  return null;
}

export function instant(row: Row, column: string, zone: string): number | null {
  const v = text(row, column);
  if (v === null) return null;
  const ms = parseInstant(v, zone);
  if (ms === null) throw new RowError('import.badDate', { column, value: v.slice(0, 40) });
  return ms;
}

/** Looks a platform status up in the profile's table; an unknown one is a row error naming it. */
export function mapStatus<T>(table: Readonly<Record<string, T>>, value: string | null, column: string): T | null {
  if (value === null) return null;
  const found = table[value.trim()] ?? table[value.trim().toLowerCase()];
  if (found === undefined) throw new RowError('import.unknownStatus', { column, value: value.slice(0, 40) });
  return found;
}
