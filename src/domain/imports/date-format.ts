import { RowError } from './types.js';
import { validDate } from '../time.js';
import { zonedInstant } from './clean.js';

/**
 * A mapping's `dateFormat`: the date-fns tokens a seller is likely to know — yyyy, yy, MM, M, dd, d, HH, H, mm,
 * ss — and any other characters as themselves (`dd.MM.yyyy HH:mm`, `yyyy年M月d日`). Written by hand: date-fns'
 * parse reads into the process's zone, where a wall time inside a DST gap would shift; this reads the wall time
 * itself and places it in the mapping's zone. Times the format leaves out are 00:00:00.
 */
const TOKENS: Record<string, { pattern: string; part: 'y' | 'yy' | 'mo' | 'd' | 'h' | 'mi' | 's' }> = {
  yyyy: { pattern: '(\\d{4})', part: 'y' },
  yy: { pattern: '(\\d{2})', part: 'yy' },
  MM: { pattern: '(\\d{2})', part: 'mo' },
  M: { pattern: '(\\d{1,2})', part: 'mo' },
  dd: { pattern: '(\\d{2})', part: 'd' },
  d: { pattern: '(\\d{1,2})', part: 'd' },
  HH: { pattern: '(\\d{2})', part: 'h' },
  H: { pattern: '(\\d{1,2})', part: 'h' },
  mm: { pattern: '(\\d{2})', part: 'mi' },
  ss: { pattern: '(\\d{2})', part: 's' },
};
const TOKEN = /yyyy|yy|MM|M|dd|d|HH|H|mm|ss/g;

export interface DateFormat {
  format: string;
  parse(value: string, zone: string): number | null;
}

/** The format's reader, or null when it names no year, month and day. */
export function dateFormat(format: string): DateFormat | null {
  const parts: (typeof TOKENS)[string]['part'][] = [];
  let source = '^';
  let last = 0;
  for (const m of format.matchAll(TOKEN)) {
    source += escape(format.slice(last, m.index)) + TOKENS[m[0]]!.pattern;
    parts.push(TOKENS[m[0]]!.part);
    last = m.index! + m[0].length;
  }
  source += `${escape(format.slice(last))}$`;
  if (!(parts.includes('y') || parts.includes('yy')) || !parts.includes('mo') || !parts.includes('d')) return null;
  const regex = new RegExp(source);
  return {
    format,
    parse(value, zone) {
      const m = regex.exec(value.trim());
      if (!m) return null;
      const v = { y: 0, yy: 0, mo: 0, d: 0, h: 0, mi: 0, s: 0 };
      parts.forEach((part, i) => (v[part] = Number(m[i + 1])));
      const y = parts.includes('y') ? v.y : 2000 + v.yy;
      if (!validDate(y, v.mo, v.d) || v.h > 23 || v.mi > 59 || v.s > 59) return null;
      return zonedInstant(zone, y, v.mo, v.d, v.h, v.mi, v.s);
    },
  };
}

const escape = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A cell read with the format; an empty cell is null, one that does not fit is a row error naming both. */
export function formattedInstant(value: string | null, column: string, format: DateFormat, zone: string): number | null {
  if (value === null) return null;
  const ms = format.parse(value, zone);
  if (ms === null) throw new RowError('import.badDateFormat', { column, value: value.slice(0, 40), format: format.format });
  return ms;
}
