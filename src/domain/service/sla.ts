import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import { shopById } from '../../db/queries/shops.js';
import * as q from '../../db/queries/tickets.js';
import { conflict, notFound, usageError } from '../errors.js';
import { defaultShop, findShop, listShops } from '../shops/shops.js';
import { CHINESE_PLATFORMS, type Platform, type Shop } from '../shops/types.js';
import { validDate, wallTimeOf, wallTimeToInstant } from '../time.js';
import { TICKET_TYPES, type Ticket, type TicketType } from './ticket-types.js';

// ── Business-hours arithmetic (pure; every wall time is read in the schedule's IANA zone) ──

/** One stretch of business time in a day: minutes after local midnight, closes ≤ 1440. */
export interface Interval {
  opens: number;
  closes: number;
}

export interface Schedule {
  zone: string;
  /** Index 1 (Monday) … 7 (Sunday), ISO weekdays as in the business_hours table; index 0 unused. */
  week: readonly (readonly Interval[])[];
  /** Local dates "YYYY-MM-DD" on which no business time counts. */
  holidays: ReadonlySet<string>;
}

const MINUTE = 60_000;
/** Ten years of calendar days: a schedule with no business time at all must not loop for ever. */
const MAX_DAYS = 3660;

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar day `offset` days after y-m-d, with its ISO weekday (zone-free: a date's weekday is fixed). */
function calendarDay(y: number, m: number, d: number, offset: number) {
  const date = new Date(Date.UTC(y, m - 1, d + offset));
  const weekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), weekday, key: `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` };
}

function localDate(ms: number, zone: string) {
  const t = wallTimeOf(ms, zone);
  return { y: t.year, m: t.month, d: t.day };
}

/** The business intervals of each day from `start`'s local date on, as instants (DST-safe: each bound is a wall time). */
function* businessIntervals(start: number, schedule: Schedule): Generator<[number, number]> {
  const { y, m, d } = localDate(start, schedule.zone);
  // Start a day early: a wall-clock day can begin before `start`'s local date once offsets differ.
  for (let i = -1; i < MAX_DAYS; i++) {
    const day = calendarDay(y, m, d, i);
    if (schedule.holidays.has(day.key)) continue;
    for (const iv of schedule.week[day.weekday] ?? []) {
      const a = wallTimeToInstant(schedule.zone, day.y, day.m, day.d, Math.floor(iv.opens / 60), iv.opens % 60);
      const b = wallTimeToInstant(schedule.zone, day.y, day.m, day.d, Math.floor(iv.closes / 60), iv.closes % 60);
      if (b > a) yield [a, b];
    }
  }
}

/**
 * The instant at which `ms` milliseconds of business time have passed after `start`. A clock that runs out
 * exactly at closing time is due at closing time, not at the next opening.
 */
export function addBusinessTime(start: number, ms: number, schedule: Schedule): number {
  if (ms <= 0) return start;
  let remaining = ms;
  for (const [a, b] of businessIntervals(start, schedule)) {
    const from = Math.max(a, start);
    if (from >= b) continue;
    if (remaining <= b - from) return from + remaining;
    remaining -= b - from;
  }
  throw conflict('sla.noBusinessTime', { zone: schedule.zone }, { key: 'sla.noBusinessTime.hint' });
}

export function addBusinessMinutes(start: number, minutes: number, schedule: Schedule): number {
  return addBusinessTime(start, minutes * MINUTE, schedule);
}

/** Business time (ms) between two instants; negative when `to` is before `from`. */
export function businessTimeBetween(from: number, to: number, schedule: Schedule): number {
  if (to < from) return -businessTimeBetween(to, from, schedule);
  let total = 0;
  for (const [a, b] of businessIntervals(from, schedule)) {
    if (a >= to) break;
    const lo = Math.max(a, from);
    const hi = Math.min(b, to);
    if (hi > lo) total += hi - lo;
  }
  return total;
}

// ── Settings: built-in defaults, overridden by all-shops rows (shop_id NULL), overridden by a shop's own ──

export type SettingSource = 'built-in' | 'all-shops' | 'shop';

export interface Target {
  firstResponseMinutes: number;
  resolutionMinutes: number;
  source: SettingSource;
}

/** Built-in targets in business minutes (docs/tickets.md). */
export const DEFAULT_TARGETS: Readonly<Record<TicketType, { firstResponseMinutes: number; resolutionMinutes: number }>> = {
  presale: { firstResponseMinutes: 2 * 60, resolutionMinutes: 8 * 60 },
  order: { firstResponseMinutes: 4 * 60, resolutionMinutes: 16 * 60 },
  aftersale: { firstResponseMinutes: 4 * 60, resolutionMinutes: 24 * 60 },
  complaint: { firstResponseMinutes: 1 * 60, resolutionMinutes: 8 * 60 },
  other: { firstResponseMinutes: 8 * 60, resolutionMinutes: 40 * 60 },
};

const week = (days: number[], opens: number, closes: number): Interval[][] => Array.from({ length: 8 }, (_, i) => (days.includes(i) ? [{ opens, closes }] : []));

/** Chinese platforms' buyers chat every day into the evening; elsewhere office hours on weekdays. */
export function defaultWeek(platform: Platform | string): Interval[][] {
  return (CHINESE_PLATFORMS as readonly string[]).includes(platform) ? week([1, 2, 3, 4, 5, 6, 7], 9 * 60, 22 * 60) : week([1, 2, 3, 4, 5], 9 * 60, 18 * 60);
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const toHhmm = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

function weekFromRows(rows: q.HoursRow[]): Interval[][] {
  const w: Interval[][] = Array.from({ length: 8 }, () => []);
  for (const r of rows) w[r.weekday]!.push({ opens: toMinutes(r.opens), closes: toMinutes(r.closes) });
  return w;
}

export interface ShopSla {
  shop: Shop;
  targets: Record<TicketType, Target>;
  schedule: Schedule;
  hoursSource: SettingSource;
  holidays: q.HolidayRow[];
}

/** The settings that apply to one shop, each with where it comes from. */
export function shopSla(db: Db, shop: Shop): ShopSla {
  const rows = q.targetsFor(db, shop.id);
  const targets = Object.fromEntries(
    TICKET_TYPES.map((type) => {
      const own = rows.find((r) => r.type === type && r.shopId === shop.id);
      const all = rows.find((r) => r.type === type && r.shopId === null);
      const chosen = own ?? all;
      const target: Target = chosen
        ? { firstResponseMinutes: chosen.firstResponseMinutes, resolutionMinutes: chosen.resolutionMinutes, source: own ? 'shop' : 'all-shops' }
        : { ...DEFAULT_TARGETS[type], source: 'built-in' };
      return [type, target];
    }),
  ) as Record<TicketType, Target>;
  const ownHours = q.hoursOf(db, shop.id);
  const allHours = ownHours.length > 0 ? [] : q.hoursOf(db, null);
  const hoursSource: SettingSource = ownHours.length > 0 ? 'shop' : allHours.length > 0 ? 'all-shops' : 'built-in';
  const weekly = hoursSource === 'shop' ? weekFromRows(ownHours) : hoursSource === 'all-shops' ? weekFromRows(allHours) : defaultWeek(shop.platform);
  const holidays = q.holidaysFor(db, shop.id);
  return { shop, targets, hoursSource, holidays, schedule: { zone: shop.timezone, week: weekly, holidays: new Set(holidays.map((h) => h.date)) } };
}

/** Per-shop settings, loaded once per shop for a whole queue. */
export function slaCache(db: Db): (shopId: number) => ShopSla {
  const cache = new Map<number, ShopSla>();
  return (shopId) => {
    let sla = cache.get(shopId);
    if (!sla) cache.set(shopId, (sla = shopSla(db, shopById(db, shopId)!)));
    return sla;
  };
}

// ── A ticket's clocks ──

export interface TicketClock {
  /** Which clock runs next: the first response until the first outbound reply, then the resolution. */
  next: 'firstResponse' | 'resolution' | null;
  due: number | null;
  /** Pending: the resolution clock is stopped; `due` is where it would fall if the buyer answered now. */
  paused: boolean;
  overdue: boolean;
}

/** Where the resolution clock of a pending ticket stands: the business time it had left when it went pending. */
export function pausedRemaining(t: Pick<Ticket, 'updatedAt' | 'resolutionDue'>, schedule: Schedule): number {
  return t.resolutionDue === null ? 0 : businessTimeBetween(t.updatedAt, t.resolutionDue, schedule);
}

/** The resolution due time once a pending ticket's clock restarts at `at`: pushed back by the business time spent pending. */
export function resumedDue(t: Pick<Ticket, 'updatedAt' | 'resolutionDue'>, at: number, schedule: Schedule): number | null {
  if (t.resolutionDue === null) return null;
  const remaining = pausedRemaining(t, schedule);
  return remaining <= 0 ? t.resolutionDue : addBusinessTime(at, remaining, schedule);
}

/** Overdue means now is past the running clock's due time while the ticket is neither resolved nor closed. */
export function ticketClock(t: Ticket, schedule: Schedule, now: number): TicketClock {
  if (t.status === 'resolved' || t.status === 'closed') return { next: null, due: null, paused: false, overdue: false };
  if (t.firstResponseAt === null && t.firstResponseDue !== null) {
    return { next: 'firstResponse', due: t.firstResponseDue, paused: false, overdue: now > t.firstResponseDue };
  }
  if (t.resolutionDue === null) return { next: null, due: null, paused: false, overdue: false };
  if (t.status === 'pending') {
    const remaining = pausedRemaining(t, schedule);
    if (remaining <= 0) return { next: 'resolution', due: t.resolutionDue, paused: true, overdue: true };
    return { next: 'resolution', due: addBusinessTime(now, remaining, schedule), paused: true, overdue: false };
  }
  return { next: 'resolution', due: t.resolutionDue, paused: false, overdue: now > t.resolutionDue };
}

// ── Breaches for the KPI report ──

export interface SlaBreaches {
  /** Tickets whose first-response clock fell due in [from, to), and how many of them were answered late or not at all. */
  firstResponseDue: number;
  firstResponseBreaches: number;
  /** The same for resolution clocks. */
  resolutionDue: number;
  resolutionBreaches: number;
}

/**
 * SLA breaches among the clocks that fell due in [from, to) (epoch ms), for one shop or all. A clock still
 * running is judged as of `now` (default: `to`). The first-response clock stops at the first outbound reply,
 * or at resolution when the ticket was resolved without one.
 */
export function slaBreaches(db: Db, range: { from: number; to: number; shopId?: number; now?: number }): SlaBreaches {
  return q.breachCounts(db, range.from, range.to, range.now ?? range.to, range.shopId ?? null);
}

// ── Configuring targets, hours and holidays ──

/**
 * "2h", "90m", "1h30m" → minutes of business time. Days are refused: a business day is as long as the
 * schedule says, so "1d" would mean different things in different shops.
 */
export function parseBusinessDuration(text: string, flag: string): number {
  const t = text.trim().toLowerCase().replace(/\s+/g, '');
  const match = /^(?:(\d{1,4})h)?(?:(\d{1,5})m(?:in)?)?$/.exec(t);
  const minutes = match && (match[1] !== undefined || match[2] !== undefined) ? Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0) : Number.NaN;
  if (!Number.isFinite(minutes) || minutes <= 0) throw usageError('sla.badDuration', { flag, value: text }, { key: 'sla.badDuration.hint' });
  return minutes;
}

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

function dayNumber(text: string, whole: string): number {
  const t = text.trim().toLowerCase();
  const byName = DAY_NAMES.findIndex((n) => t === n || t === n.slice(0, 3));
  if (byName >= 0) return byName + 1;
  if (/^[1-7]$/.test(t)) return Number(t);
  throw usageError('sla.badDays', { value: whole }, { key: 'sla.badDays.hint' });
}

/** "mon-fri", "sat,sun", "mon,wed-fri", "1-5", "all" → ISO weekdays. */
export function parseDays(text: string): number[] {
  const t = text.trim().toLowerCase();
  if (t === 'all' || t === 'daily' || t === 'every') return [1, 2, 3, 4, 5, 6, 7];
  const days = new Set<number>();
  for (const part of t.split(',')) {
    if (part.trim() === '') throw usageError('sla.badDays', { value: text }, { key: 'sla.badDays.hint' });
    const [a, b, extra] = part.split('-');
    if (extra !== undefined) throw usageError('sla.badDays', { value: text }, { key: 'sla.badDays.hint' });
    const from = dayNumber(a!, text);
    const to = b === undefined ? from : dayNumber(b, text);
    if (to < from) throw usageError('sla.badDays', { value: text }, { key: 'sla.badDays.hint' });
    for (let d = from; d <= to; d++) days.add(d);
  }
  return [...days].sort((a, b) => a - b);
}

function parseClock(text: string, flag: string, allow24: boolean): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  const h = match ? Number(match[1]) : -1;
  const mi = match ? Number(match[2]) : -1;
  const ok = match !== null && mi < 60 && (h < 24 || (allow24 && h === 24 && mi === 0));
  if (!ok) throw usageError('sla.badTime', { flag, value: text });
  return `${pad(h)}:${pad(mi)}`;
}

export function parseHolidayDate(text: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match || !validDate(Number(match[1]), Number(match[2]), Number(match[3]))) throw usageError('sla.badDate', { value: text });
  return text.trim();
}

const scopeShop = (db: Db, shop: string | undefined): Shop | null => (shop === undefined ? null : findShop(db, shop));

export interface TargetChange {
  shop?: string;
  types: string[];
  firstResponse?: string;
  resolution?: string;
}

/** Sets the targets of some types for one shop, or for all shops without their own. Returns the scope. */
export function setTargets(db: Db, change: TargetChange): { shop: Shop | null; types: TicketType[] } {
  if (change.firstResponse === undefined && change.resolution === undefined) throw usageError('input.missingFlag', { flag: '--first-response / --resolution' });
  const types = change.types.flatMap((t) => t.split(',')).map((t) => t.trim().toLowerCase()).filter(Boolean);
  const chosen = types.includes('all') ? [...TICKET_TYPES] : types;
  if (chosen.length === 0) throw usageError('input.missingFlag', { flag: '--type' });
  for (const type of chosen) if (!(TICKET_TYPES as readonly string[]).includes(type)) throw usageError('ticket.badValue', { flag: '--type', value: type, allowed: TICKET_TYPES.join(', ') });
  const first = change.firstResponse === undefined ? undefined : parseBusinessDuration(change.firstResponse, '--first-response');
  const resolution = change.resolution === undefined ? undefined : parseBusinessDuration(change.resolution, '--resolution');
  return writeTransaction(db, () => {
    const shop = scopeShop(db, change.shop);
    for (const type of chosen as TicketType[]) {
      const current = currentTarget(db, shop, type);
      const f = first ?? current.firstResponseMinutes;
      const r = resolution ?? current.resolutionMinutes;
      if (f > r) throw usageError('sla.firstAfterResolution', { type, first: f, resolution: r });
      q.putTarget(db, shop?.id ?? null, type, f, r);
    }
    return { shop, types: chosen as TicketType[] };
  });
}

function currentTarget(db: Db, shop: Shop | null, type: TicketType) {
  if (shop) return shopSla(db, shop).targets[type];
  // No shop has id 0: this reads the all-shops rows only.
  const all = q.targetsFor(db, 0).find((r) => r.type === type && r.shopId === null);
  return all ?? DEFAULT_TARGETS[type];
}

export interface HoursChange {
  shop?: string;
  days: string;
  from?: string;
  to?: string;
  closed: boolean;
}

/**
 * Sets the hours of some weekdays for one shop, or for all shops. The first change to a scope starts from
 * the week that scope shows now (a shop's effective week; for all shops, the built-in week of the default
 * shop's platform), so "--days sun --closed" changes Sunday only.
 */
export function setHours(db: Db, change: HoursChange): { shop: Shop | null; week: Interval[][] } {
  const days = parseDays(change.days);
  let interval: Interval | null = null;
  if (change.closed) {
    if (change.from !== undefined || change.to !== undefined) throw usageError('sla.closedWithHours');
  } else {
    if (change.from === undefined) throw usageError('input.missingFlag', { flag: '--from' });
    if (change.to === undefined) throw usageError('input.missingFlag', { flag: '--to' });
    const opens = parseClock(change.from, '--from', false);
    const closes = parseClock(change.to, '--to', true);
    if (closes <= opens) throw usageError('sla.closesBeforeOpens', { from: opens, to: closes });
    interval = { opens: toMinutes(opens), closes: toMinutes(closes) };
  }
  return writeTransaction(db, () => {
    const shop = scopeShop(db, change.shop);
    const scope = shop?.id ?? null;
    if (q.hoursOf(db, scope).length === 0) {
      const base = shop ? shopSla(db, shop).schedule.week : q.hoursOf(db, null).length > 0 ? weekFromRows(q.hoursOf(db, null)) : defaultWeek(defaultShop(db)?.platform ?? 'other');
      for (let d = 1; d <= 7; d++) for (const iv of base[d] ?? []) q.insertHours(db, scope, d, toHhmm(iv.opens), toHhmm(iv.closes));
    }
    for (const d of days) {
      q.deleteHours(db, scope, d);
      if (interval) q.insertHours(db, scope, d, toHhmm(interval.opens), toHhmm(interval.closes));
    }
    const after = weekFromRows(q.hoursOf(db, scope));
    if (after.every((day) => day.length === 0)) throw conflict('sla.noHoursLeft', {}, { key: 'sla.noBusinessTime.hint' });
    return { shop, week: after };
  });
}

export function addHoliday(db: Db, input: { shop?: string; date: string; name?: string }): { shop: Shop | null; date: string } {
  const date = parseHolidayDate(input.date);
  return writeTransaction(db, () => {
    const shop = scopeShop(db, input.shop);
    if (q.holidayIn(db, shop?.id ?? null, date)) throw conflict('sla.holidayExists', { date });
    q.insertHoliday(db, shop?.id ?? null, date, input.name?.trim() || null);
    return { shop, date };
  });
}

export function removeHoliday(db: Db, input: { shop?: string; date: string }): { shop: Shop | null; date: string } {
  const date = parseHolidayDate(input.date);
  return writeTransaction(db, () => {
    const shop = scopeShop(db, input.shop);
    if (q.deleteHoliday(db, shop?.id ?? null, date) === 0) throw notFound('sla.holidayNotFound', { date }, { key: 'sla.holidayNotFound.hint' });
    return { shop, date };
  });
}

/** The settings in force for one shop, or for every shop. */
export function slaSettings(db: Db, shop?: string): ShopSla[] {
  return (shop === undefined ? listShops(db) : [findShop(db, shop)]).map((s) => shopSla(db, s));
}

/** Shops a change to this scope affects: the shop, or every shop. */
export function slaSettingsOf(db: Db, shop: Shop | null): ShopSla[] {
  return shop ? [shopSla(db, shop)] : slaSettings(db);
}

export function listHolidays(db: Db, shop?: string): q.HolidayRow[] {
  return q.holidaysFor(db, shop === undefined ? undefined : findShop(db, shop).id);
}
