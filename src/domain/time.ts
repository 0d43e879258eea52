import { TZDate } from '@date-fns/tz/date';
import { usageError } from './errors.js';

export { isTimeZone } from './zones.js';

/** The instant at which wall time y-m-d h:mi:s happens in `zone` (DST-safe; a time in a spring-forward gap moves on). */
export function wallTimeToInstant(zone: string, y: number, m: number, d: number, h = 0, mi = 0, s = 0): number {
  return new TZDate(y, m - 1, d, h, mi, s, zone).getTime();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2026-11-25T09:30:00+08:00": an instant as wall time in the shop's zone, with its offset. */
export function formatInstant(ms: number, zone: string): string {
  const d = new TZDate(ms, zone);
  const offset = -d.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wall(d)}:${pad(d.getSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "2026-11-25 09:30" for tables. */
export function formatWallTime(ms: number, zone: string): string {
  return wall(new TZDate(ms, zone)).replace('T', ' ');
}

// date-fns/format would do this too, but costs ~50 ms of start-up for two fixed patterns.
function wall(d: TZDate): string {
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function zoneOffsetMinutes(ms: number, zone: string): number {
  return -new TZDate(ms, zone).getTimezoneOffset();
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
