import { usageError } from './errors.js';
import { instantAt, offsetAt } from './zone-clock.js';

export { isTimeZone } from './zones.js';

/** The instant at which wall time y-m-d h:mi:s happens in `zone` (DST-safe; a time in a spring-forward gap moves on). */
export function wallTimeToInstant(zone: string, y: number, m: number, d: number, h = 0, mi = 0, s = 0): number {
  return instantAt(zone, y, m, d, h, mi, s);
}

/** An instant's wall-clock fields in `zone` (month 1–12; weekday 0 = Sunday, as Date counts) and its offset in minutes. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
  offsetMinutes: number;
}

export function wallTimeOf(ms: number, zone: string): WallTime {
  const offset = offsetAt(zone, ms);
  const w = new Date(ms + offset);
  return {
    year: w.getUTCFullYear(),
    month: w.getUTCMonth() + 1,
    day: w.getUTCDate(),
    hour: w.getUTCHours(),
    minute: w.getUTCMinutes(),
    second: w.getUTCSeconds(),
    weekday: w.getUTCDay(),
    offsetMinutes: Math.round(offset / 60_000),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2026-11-25T09:30:00+08:00": an instant as wall time in the shop's zone, with its offset. */
export function formatInstant(ms: number, zone: string): string {
  const w = wallTimeOf(ms, zone);
  const sign = w.offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(w.offsetMinutes);
  return `${wall(w)}:${pad(w.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "2026-11-25 09:30" for tables. */
export function formatWallTime(ms: number, zone: string): string {
  return wall(wallTimeOf(ms, zone)).replace('T', ' ');
}

// date-fns/format would do this too, but costs ~50 ms of start-up for two fixed patterns.
function wall(w: WallTime): string {
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
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
