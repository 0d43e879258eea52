import { TZDate } from '@date-fns/tz/date';

/*
 * UTC offsets of IANA zones, from V8's Date with the process's TZ switched to the zone for the call.
 * Why: V8's Date reads zones from the same ICU data as Intl, but the first Intl.DateTimeFormat costs ~25 ms
 * (a tenth of a report's whole run), while a switch of TZ costs ~25 µs. Node supports setting TZ at run time
 * (it resets V8's and libc's zone caches) and the switch is undone before control returns, so nothing else sees
 * it. A worker thread's process.env is a copy that never reaches V8: where a switch is not seen, @date-fns/tz
 * (Intl) answers, from the same data, remembered per day the same way. test/unit/zone-clock.test.ts checks both
 * against Intl in every zone Node knows.
 */

const DAY = 86_400_000;
const BLOCK = 64; // days whose offsets one read gives

/** Reads `zone`'s offsets (ms) at `instants`. */
export type OffsetReader = (zone: string, instants: readonly number[]) => number[];

function inZone<T>(zone: string, read: () => T): T {
  const own = process.env.TZ;
  if (own === zone) return read();
  process.env.TZ = zone;
  try {
    return read();
  } finally {
    if (own === undefined) delete process.env.TZ;
    else process.env.TZ = own;
  }
}

const localOffset = (ms: number) => -new Date(ms).getTimezoneOffset() * 60_000;

/** V8's Date with TZ switched to the zone for the call: one switch for all the instants. */
export const switchedDate: OffsetReader = (zone, instants) => inZone(zone, () => instants.map(localOffset));

/** @date-fns/tz, which asks Intl: for a thread where a switch of TZ is not seen. */
export const intlDate: OffsetReader = (zone, instants) => instants.map((ms) => -new TZDate(ms, zone).getTimezoneOffset() * 60_000);

/** Whether a switch of TZ reaches Date in this thread: two fixed zones, which cannot both be the thread's own. */
function switchesHere(): boolean {
  const [east, west] = [switchedDate('Etc/GMT-14', [0])[0], switchedDate('Etc/GMT+12', [0])[0]];
  return east === 14 * 3_600_000 && west === -12 * 3_600_000;
}

/**
 * Offsets and wall times of IANA zones from one OffsetReader, remembered per UTC day: most days keep one offset
 * all day, so an instant's offset is a look-up in an array of 64 days read at once; only a day with a change in it
 * is read instant by instant.
 */
export class ZoneClock {
  /** Offsets (ms) of whole UTC days, by zone and block of 64 days; NaN for a day with a change of offset in it. */
  private readonly dayOffsets = new Map<string, Map<number, Float64Array>>();

  constructor(private readonly read: OffsetReader) {}

  /** The offset from UTC, in milliseconds, of `zone` at instant `ms` (+08:00 is 28,800,000). */
  offsetAt(zone: string, ms: number): number {
    const offset = this.dayOffset(zone, Math.floor(ms / DAY));
    return Number.isNaN(offset) ? this.read(zone, [ms])[0]! : offset;
  }

  /**
   * The instant at which wall time y-m-d h:mi:s happens in `zone`, fields read as Date reads them (out-of-range
   * ones roll over; years 0–99 are 1900–1999). Date's rule, and Temporal's "compatible": a wall time a change
   * repeats is its first instant; one a change skips moves on by the change (02:30 → 03:30). Built on offsetAt
   * alone, so every reader gives the same instants.
   */
  instantAt(zone: string, y: number, m: number, d: number, h = 0, mi = 0, s = 0): number {
    const wall = Date.UTC(y, m - 1, d, h, mi, s);
    // Offsets are within ±14 h, so the instant lies between the readings with the offsets a day either side.
    const before = this.offsetAt(zone, wall - DAY);
    const after = this.offsetAt(zone, wall + DAY);
    if (before === after) return wall - before;
    const readsBack = (t: number) => this.offsetAt(zone, t) === wall - t;
    const [early, late] = [wall - Math.max(before, after), wall - Math.min(before, after)];
    if (readsBack(early)) return early;
    return readsBack(late) ? late : wall - before;
  }

  /** The offset (ms) `zone` keeps all through UTC day `day` (days since 1970), or NaN when it changes that day. */
  private dayOffset(zone: string, day: number): number {
    const block = Math.floor(day / BLOCK);
    let blocks = this.dayOffsets.get(zone);
    if (!blocks) this.dayOffsets.set(zone, (blocks = new Map()));
    let days = blocks.get(block);
    if (!days) {
      // A day whose two midnights have one offset has it all day: tz rules never change twice within a day.
      const edges = this.read(zone, Array.from({ length: BLOCK + 1 }, (_, k) => (block * BLOCK + k) * DAY));
      days = Float64Array.from({ length: BLOCK }, (_, k) => (edges[k] === edges[k + 1] ? edges[k]! : Number.NaN));
      blocks.set(block, days);
    }
    return days[day - block * BLOCK]!;
  }
}

let clock: ZoneClock | undefined;
const clockHere = () => (clock ??= new ZoneClock(switchesHere() ? switchedDate : intlDate));

/** The offset from UTC, in milliseconds, of `zone` at instant `ms`, read the fastest way this thread can. */
export const offsetAt = (zone: string, ms: number): number => clockHere().offsetAt(zone, ms);

/** ZoneClock.instantAt, read the fastest way this thread can. */
export const instantAt = (zone: string, y: number, m: number, d: number, h = 0, mi = 0, s = 0): number => clockHere().instantAt(zone, y, m, d, h, mi, s);
