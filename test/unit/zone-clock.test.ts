import { describe, expect, it } from 'vitest';
import { instantAt, intlDate, offsetAt, switchedDate, ZoneClock } from '../../src/domain/zone-clock.js';
import { PROCESS_ZONES } from '../helpers/zones.js';
import { prng } from '../helpers/prng.js';

const ZONES = [...Intl.supportedValuesOf('timeZone'), 'UTC'];
const DAY = 86_400_000;
const MINUTE = 60_000;

/** The reference: Intl's offset, "GMT-00:44:30" read to the second (@date-fns/tz rounds it to minutes). */
const formats = new Map<string, Intl.DateTimeFormat>();
function intlOffset(zone: string, ms: number): number {
  let format = formats.get(zone);
  if (!format) formats.set(zone, (format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })));
  const name = format.formatToParts(ms).find((p) => p.type === 'timeZoneName')!.value;
  const m = /^GMT(?:([+-])(\d\d):(\d\d)(?::(\d\d))?)?$/.exec(name)!;
  if (!m[1]) return 0;
  return (m[1] === '-' ? -1 : 1) * ((Number(m[2]) * 60 + Number(m[3])) * MINUTE + Number(m[4] ?? 0) * 1000);
}

/** Each zone's changes of offset in 2024–2028 (found week by week, then by halves), to the minute. */
const changes = new Map<string, number[]>();
function changesOf(zone: string): number[] {
  let found = changes.get(zone);
  if (found) return found;
  changes.set(zone, (found = []));
  let offset = intlOffset(zone, Date.UTC(2024, 0, 1));
  for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2028, 0, 1); t += 7 * DAY) {
    const next = intlOffset(zone, t + 7 * DAY);
    if (next === offset) continue;
    let [lo, hi] = [t, t + 7 * DAY];
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
      if (intlOffset(zone, mid) === offset) lo = mid;
      else hi = mid;
    }
    found.push(hi);
    offset = next;
  }
  return found;
}

/** Both readers, each with its own memory of days; offsetAt and instantAt use the first in this (the main) thread. */
const CLOCKS = [
  ['V8 Date with TZ switched', new ZoneClock(switchedDate)],
  ['@date-fns/tz (worker threads)', new ZoneClock(intlDate)],
] as const;

describe('zone clock: offsets and wall times from V8 Date with TZ switched, as Intl gives them', () => {
  // From 1973: until Monrovia's in 1972, some zones kept local mean times with offsets in seconds, which V8's Date
  // rounds to minutes (and @date-fns/tz, used before, misread).
  it.each(CLOCKS)('gives Intl’s offset in every zone Node knows, at random instants 1973–2100 and around every change 2024–2028 (%s)', (_, clock) => {
    const random = prng(20261126);
    let checked = 0;
    for (const zone of ZONES) {
      const instants = Array.from({ length: 60 }, () => Date.UTC(1973, 0, 1) + Math.floor(random() * 127 * 365.25) * DAY + Math.floor(random() * DAY));
      for (const change of changesOf(zone)) {
        for (const d of [-DAY, -61 * MINUTE, -MINUTE, -1, 0, 1, MINUTE, 61 * MINUTE, DAY]) instants.push(change + d);
      }
      for (const ms of instants) {
        checked++;
        if (clock.offsetAt(zone, ms) !== intlOffset(zone, ms)) expect({ zone, at: new Date(ms).toISOString(), offset: clock.offsetAt(zone, ms) }).toEqual({ zone, at: new Date(ms).toISOString(), offset: intlOffset(zone, ms) });
      }
    }
    expect(checked).toBeGreaterThan(ZONES.length * 60);
  });

  /** Date's rule (and Temporal's "compatible"): a repeated wall time is its first instant; a skipped one moves on by the gap. */
  function expectedInstant(zone: string, wall: number, before: number, after: number): number {
    const valid = [wall - before, wall - after].filter((t) => intlOffset(zone, t) === wall - t);
    return valid.length > 0 ? Math.min(...valid) : wall - before;
  }

  it.each(CLOCKS)('reads wall times by Date’s rule, skipped and repeated ones included, around every change 2024–2028 (%s)', (_, clock) => {
    let checked = 0;
    for (const zone of ZONES) {
      for (const change of changesOf(zone)) {
        const [before, after] = [intlOffset(zone, change - 1), intlOffset(zone, change)];
        for (let w = -3 * 60; w <= 3 * 60; w += 30) {
          const wall = new Date(change + before + w * MINUTE);
          const fields = [wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes(), 0] as const;
          const expected = expectedInstant(zone, wall.getTime(), before, after);
          checked++;
          if (clock.instantAt(zone, ...fields) !== expected) expect({ zone, fields, at: clock.instantAt(zone, ...fields) }).toEqual({ zone, fields, at: expected });
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('rolls fields over as Date does, and names the day a spring-forward gap moves to', () => {
    expect(instantAt('Asia/Shanghai', 2026, 12, 32)).toBe(Date.parse('2026-12-31T16:00:00Z'));
    expect(instantAt('America/New_York', 2026, 3, 8, 2, 30)).toBe(Date.parse('2026-03-08T07:30:00Z')); // 03:30 EDT
    expect(instantAt('America/New_York', 2026, 11, 1, 1, 30)).toBe(Date.parse('2026-11-01T05:30:00Z')); // the first 01:30
    expect(instantAt('Africa/Cairo', 2026, 10, 29, 23, 30)).toBe(Date.parse('2026-10-29T20:30:00Z')); // the first 23:30 (+03:00)
    expect(instantAt('America/Santiago', 2026, 9, 6, 0, 0)).toBe(Date.parse('2026-09-06T04:00:00Z')); // midnight skipped: 01:00
  });

  it('leaves the process’s own zone as it found it, set or unset', () => {
    const original = process.env.TZ;
    try {
      for (const own of [undefined, ...PROCESS_ZONES]) {
        if (own === undefined) delete process.env.TZ;
        else process.env.TZ = own;
        const local = new Date(Date.UTC(2026, 6, 1)).getTimezoneOffset();
        offsetAt('Pacific/Chatham', Date.UTC(2026, 3, 5, 13, 0)); // a change that day: read with TZ switched
        instantAt('Australia/Lord_Howe', 2026, 4, 5, 1, 45);
        expect(process.env.TZ).toBe(own);
        expect('TZ' in process.env).toBe(own !== undefined);
        expect(new Date(Date.UTC(2026, 6, 1)).getTimezoneOffset()).toBe(local);
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});
