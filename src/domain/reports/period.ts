import { usageError } from '../errors.js';
import { formatInstant, validDate, wallTimeToInstant } from '../time.js';

/** A report period as calendar days (inclusive), the same dates in every shop; each shop maps them to its own instants. */
export interface Period {
  kind: 'day' | 'week' | 'month' | 'range';
  fromDay: string;
  toDay: string;
}

export interface PeriodInput {
  date?: string;
  period?: string;
  from?: string;
  to?: string;
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDay(text: string, field: string): Date {
  const m = DAY_RE.exec(text.trim());
  if (!m || !validDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw usageError('time.invalidDay', { field, value: text });
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

const dayText = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/** The date `n` days after `day` (before, for a negative n); both YYYY-MM-DD. */
export const shiftDay = (day: string, n: number): string => dayText(addDays(new Date(`${day}T00:00:00Z`), n));

/** Today's date in `zone`. */
export function today(zone: string, now: number): string {
  return formatInstant(now, zone).slice(0, 10);
}

/**
 * Of these zones, the one where today began last: its yesterday is the last day that has ended in all of them, the
 * day a report over several shops defaults to (none of them cut short).
 */
export function laggingZone(zones: readonly string[], now: number): string | undefined {
  let lagging: { zone: string; day: string } | undefined;
  for (const zone of zones) {
    const day = today(zone, now);
    if (lagging === undefined || day < lagging.day) lagging = { zone, day };
  }
  return lagging?.zone;
}

/**
 * --date D (a day), --period day|week|month (the calendar day, Monday–Sunday week or month holding --date,
 * default yesterday in `zone`), or --from D --to D (inclusive). Weeks and months are cut at yesterday when
 * they are still running.
 */
export function resolvePeriod(input: PeriodInput, zone: string, now: number): Period {
  if (input.from !== undefined || input.to !== undefined) {
    if (input.from === undefined || input.to === undefined) throw usageError('period.fromTo');
    const from = parseDay(input.from, '--from');
    const to = parseDay(input.to, '--to');
    if (to < from) throw usageError('period.backwards', { from: input.from, to: input.to });
    return { kind: 'range', fromDay: dayText(from), toDay: dayText(to) };
  }
  const kind = (input.period ?? 'day') as Period['kind'];
  if (!['day', 'week', 'month'].includes(kind)) throw usageError('input.oneOf', { field: '--period', value: String(input.period), choices: 'day, week, month' });
  const yesterday = addDays(parseDay(today(zone, now), '--date'), -1);
  const anchor = input.date === undefined ? yesterday : parseDay(input.date, '--date');
  if (kind === 'day') return { kind, fromDay: dayText(anchor), toDay: dayText(anchor) };
  const start = kind === 'week' ? addDays(anchor, -((anchor.getUTCDay() + 6) % 7)) : new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), 1));
  const end = kind === 'week' ? addDays(start, 6) : new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() + 1, 0));
  // A running week or month ends yesterday, with --date or without: its later days have no figures yet. One that
  // starts after yesterday (asked for by a date to come) is left whole.
  return { kind, fromDay: dayText(start), toDay: dayText(end > yesterday && start <= yesterday ? yesterday : end) };
}

export function periodDays(p: Pick<Period, 'fromDay' | 'toDay'>): string[] {
  const days: string[] = [];
  for (let d = parseDay(p.fromDay, 'from'); dayText(d) <= p.toDay; d = addDays(d, 1)) days.push(dayText(d));
  return days;
}

/** The same number of days just before; a week (so far) the same weekdays a week before; a month the month before. */
export function previousPeriod(p: Period): Period {
  if (p.kind === 'month') return previousMonth(p);
  const n = periodDays(p).length;
  const from = addDays(parseDay(p.fromDay, 'from'), p.kind === 'week' ? -7 : -n);
  return { kind: p.kind, fromDay: dayText(from), toDay: dayText(addDays(from, n - 1)) };
}

/**
 * A month (or the month so far) against the month before, as 生意参谋 and Shopify compare months: 1–19 November
 * with 1–19 October, all of October with all of September (a shorter month ends on its last day).
 */
function previousMonth(p: Period): Period {
  const from = parseDay(p.fromDay, 'from');
  const to = parseDay(p.toDay, 'to');
  const y = from.getUTCFullYear();
  const m = from.getUTCMonth();
  const lastBefore = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const whole = to.getUTCDate() === new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const end = whole ? lastBefore : Math.min(to.getUTCDate(), lastBefore);
  return { kind: p.kind, fromDay: dayText(new Date(Date.UTC(y, m - 1, 1))), toDay: dayText(new Date(Date.UTC(y, m - 1, end))) };
}

/** The same dates a year earlier (29 February becomes the 28th). */
export function yearEarlier(p: Period): Period {
  const back = (text: string) => {
    const d = parseDay(text, 'date');
    const y = d.getUTCFullYear() - 1;
    const last = new Date(Date.UTC(y, d.getUTCMonth() + 1, 0)).getUTCDate();
    return dayText(new Date(Date.UTC(y, d.getUTCMonth(), Math.min(d.getUTCDate(), last))));
  };
  return { kind: p.kind, fromDay: back(p.fromDay), toDay: back(p.toDay) };
}

/** [from, until) instants of the period's days in `zone`: DST days are 23 or 25 hours long. */
export function instantRange(p: Pick<Period, 'fromDay' | 'toDay'>, zone: string): { from: number; until: number } {
  const start = parseDay(p.fromDay, 'from');
  const after = addDays(parseDay(p.toDay, 'to'), 1);
  return {
    from: wallTimeToInstant(zone, start.getUTCFullYear(), start.getUTCMonth() + 1, start.getUTCDate()),
    until: wallTimeToInstant(zone, after.getUTCFullYear(), after.getUTCMonth() + 1, after.getUTCDate()),
  };
}

/** The calendar day an instant falls on in `zone`. */
export function dayOf(ms: number, zone: string): string {
  return formatInstant(ms, zone).slice(0, 10);
}
