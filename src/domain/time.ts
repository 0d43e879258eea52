import { TZDate } from '@date-fns/tz/date';
import { tzOffset } from '@date-fns/tz/tzOffset';
import { format } from 'date-fns/format';
import { usageError } from './errors.js';

let knownZones: Set<string> | undefined;

export function isTimeZone(zone: string): boolean {
  knownZones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  return knownZones.has(zone);
}

/** The instant at which wall time y-m-d h:mi:s happens in `zone` (DST-safe; a time in a spring-forward gap moves on). */
export function wallTimeToInstant(zone: string, y: number, m: number, d: number, h = 0, mi = 0, s = 0): number {
  return new TZDate(y, m - 1, d, h, mi, s, zone).getTime();
}

/** "2026-11-25T09:30:00+08:00": an instant as wall time in the shop's zone, with its offset. */
export function formatInstant(ms: number, zone: string): string {
  return format(new TZDate(ms, zone), "yyyy-MM-dd'T'HH:mm:ssXXX");
}

/** "2026-11-25 09:30" for tables. */
export function formatWallTime(ms: number, zone: string): string {
  return format(new TZDate(ms, zone), 'yyyy-MM-dd HH:mm');
}

export function zoneOffsetMinutes(ms: number, zone: string): number {
  return tzOffset(zone, new Date(ms));
}

export function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Reads a --since/--until value: an ISO instant with offset, a date or date-time without one
 * (taken in the shop's zone, never the process's), or a span such as "7d", "12h" or "2w" back from now.
 */
export function parseTimeArg(text: string, zone: string, now: number, field: string): number {
  const t = text.trim();
  const relative = /^(\d+)([dhw])$/.exec(t);
  if (relative) {
    const unit = { h: 3_600_000, d: 86_400_000, w: 604_800_000 }[relative[2] as 'h' | 'd' | 'w'];
    return now - Number(relative[1]) * unit;
  }
  const local = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (local) {
    const [y = 0, m = 0, d = 0, h = 0, mi = 0, s = 0] = local.slice(1).map((v) => Number(v ?? 0));
    if (validDate(y, m, d) && h < 24 && mi < 60 && s < 60) return wallTimeToInstant(zone, y, m, d, h, mi, s);
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/.test(t)) {
    const ms = Date.parse(t);
    if (!Number.isNaN(ms)) return ms;
  }
  throw usageError('time.invalid', { field, value: text });
}
