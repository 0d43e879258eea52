import { describe, expect, it } from 'vitest';
import { ShopkeepError } from '../../src/domain/errors.js';
import {
  addBusinessMinutes,
  addHoliday,
  businessTimeBetween,
  defaultWeek,
  parseBusinessDuration,
  parseDays,
  setHours,
  setTargets,
  shopSla,
  slaSettings,
  type Interval,
  type Schedule,
} from '../../src/domain/service/sla.js';
import { addShop, findShop } from '../../src/domain/shops/shops.js';
import { memoryDb, NOW } from '../helpers/db.js';
import { inEveryZone } from '../helpers/zones.js';

const T = (iso: string) => Date.parse(iso);
const H = 60;

/** Mon–Fri 09:00–18:00, or every day with the given hours. */
function schedule(zone: string, opts: { days?: number[]; opens?: number; closes?: number; holidays?: string[] } = {}): Schedule {
  const days = opts.days ?? [1, 2, 3, 4, 5];
  const iv: Interval = { opens: opts.opens ?? 9 * H, closes: opts.closes ?? 18 * H };
  return { zone, week: Array.from({ length: 8 }, (_, d) => (days.includes(d) ? [iv] : [])), holidays: new Set(opts.holidays ?? []) };
}

const NY = 'America/New_York';
const SH = 'Asia/Shanghai';

describe('business-hours arithmetic', () => {
  it('a Friday-evening ticket is due on Monday (New York, no DST change)', () => {
    // Fri 2026-11-20 17:30 EST = 22:30Z; 30 min left on Friday, 90 min on Monday from 09:00 EST.
    expect(addBusinessMinutes(T('2026-11-20T22:30:00Z'), 2 * H, schedule(NY))).toBe(T('2026-11-23T15:30:00Z'));
  });

  it('a Friday-evening ticket is due on Monday (Shanghai)', () => {
    // Fri 2026-11-20 17:00 CST = 09:00Z; 1 h on Friday, 1 h on Monday → Mon 10:00 CST = 02:00Z.
    expect(addBusinessMinutes(T('2026-11-20T09:00:00Z'), 2 * H, schedule(SH))).toBe(T('2026-11-23T02:00:00Z'));
  });

  it('counts across the US spring-forward weekend in wall-clock hours (March 8 2026)', () => {
    // Fri 2026-03-06 17:00 EST = 22:00Z. Monday 2026-03-09 is on EDT (UTC−4): 09:00 EDT = 13:00Z.
    const s = schedule(NY);
    const friday = T('2026-03-06T22:00:00Z');
    expect(addBusinessMinutes(friday, 2 * H, s)).toBe(T('2026-03-09T14:00:00Z')); // Mon 10:00 EDT, not 15:00Z
    expect(addBusinessMinutes(friday, 8 * H, s)).toBe(T('2026-03-09T20:00:00Z')); // Mon 16:00 EDT
    expect(businessTimeBetween(friday, T('2026-03-09T14:00:00Z'), s)).toBe(2 * H * 60_000);
  });

  it('a 24-hour schedule equals real elapsed time across both DST changes', () => {
    const always = schedule(NY, { days: [1, 2, 3, 4, 5, 6, 7], opens: 0, closes: 24 * H });
    // Spring forward: Sat 2026-03-07 12:00 EST (17:00Z) + 24 h = Sun 13:00 EDT (17:00Z): the day had 23 hours.
    expect(addBusinessMinutes(T('2026-03-07T17:00:00Z'), 24 * H, always)).toBe(T('2026-03-08T17:00:00Z'));
    // Fall back: Sat 2026-10-31 12:00 EDT (16:00Z) + 24 h = Sun 11:00 EST (16:00Z): the day had 25 hours.
    expect(addBusinessMinutes(T('2026-10-31T16:00:00Z'), 24 * H, always)).toBe(T('2026-11-01T16:00:00Z'));
    expect(businessTimeBetween(T('2026-11-01T04:00:00Z'), T('2026-11-02T05:00:00Z'), always)).toBe(25 * H * 60_000);
  });

  it('skips holidays (a Monday holiday in New York, National Day week in Shanghai)', () => {
    const monday = schedule(NY, { holidays: ['2026-03-09'] });
    expect(addBusinessMinutes(T('2026-03-06T22:00:00Z'), 2 * H, monday)).toBe(T('2026-03-10T14:00:00Z')); // Tue 10:00 EDT
    // Taobao default (every day 09:00–22:00). Wed 2026-09-30 21:00 CST = 13:00Z: 1 h that evening, Oct 1–7 off,
    // then 1 h on Thu Oct 8 → 10:00 CST = 02:00Z.
    const goldenWeek = ['01', '02', '03', '04', '05', '06', '07'].map((d) => `2026-10-${d}`);
    const s = { zone: SH, week: defaultWeek('taobao'), holidays: new Set(goldenWeek) };
    expect(addBusinessMinutes(T('2026-09-30T13:00:00Z'), 2 * H, s)).toBe(T('2026-10-08T02:00:00Z'));
    expect(businessTimeBetween(T('2026-09-30T13:00:00Z'), T('2026-10-08T02:00:00Z'), s)).toBe(2 * H * 60_000);
  });

  it('the same instant falls due at different instants in two zones', () => {
    // Fri 2026-11-20 23:00Z: Saturday 07:00 in Shanghai, Friday 18:00 (closed) in New York.
    const at = T('2026-11-20T23:00:00Z');
    expect(addBusinessMinutes(at, 1 * H, schedule(SH))).toBe(T('2026-11-23T02:00:00Z')); // Mon 10:00 CST
    expect(addBusinessMinutes(at, 1 * H, schedule(NY))).toBe(T('2026-11-23T15:00:00Z')); // Mon 10:00 EST
  });

  it('a clock that runs out at closing time is due at closing time; one started before opening counts from opening', () => {
    expect(addBusinessMinutes(T('2026-11-20T21:00:00Z'), 2 * H, schedule(NY))).toBe(T('2026-11-20T23:00:00Z')); // Fri 16:00 → 18:00 EST
    expect(addBusinessMinutes(T('2026-11-23T11:00:00Z'), 30, schedule(NY))).toBe(T('2026-11-23T14:30:00Z')); // Mon 06:00 → 09:30
    expect(addBusinessMinutes(T('2026-11-21T15:00:00Z'), 30, schedule(NY))).toBe(T('2026-11-23T14:30:00Z')); // Saturday → Mon 09:30
  });

  it('does not depend on the process time zone', () => {
    const results: number[] = [];
    inEveryZone(() => results.push(addBusinessMinutes(T('2026-03-06T22:00:00Z'), 8 * H, schedule(NY))));
    expect(new Set(results)).toEqual(new Set([T('2026-03-09T20:00:00Z')]));
  });

  it('refuses a schedule with no business time instead of looping', () => {
    const never: Schedule = { zone: NY, week: Array.from({ length: 8 }, () => []), holidays: new Set() };
    expect(() => addBusinessMinutes(T('2026-11-20T21:00:00Z'), 60, never)).toThrow(ShopkeepError);
  });

  it('a split day (lunch break) counts both parts', () => {
    const split: Schedule = { zone: SH, week: Array.from({ length: 8 }, () => [{ opens: 9 * H, closes: 12 * H }, { opens: 13 * H, closes: 18 * H }]), holidays: new Set() };
    // 11:00 CST (03:00Z) + 2 h → 12:00, lunch, 13:00 + 1 h = 14:00 CST = 06:00Z.
    expect(addBusinessMinutes(T('2026-11-23T03:00:00Z'), 2 * H, split)).toBe(T('2026-11-23T06:00:00Z'));
  });
});

describe('SLA settings', () => {
  it('parses business durations and weekdays; refuses days and nonsense (exit 2)', () => {
    expect(parseBusinessDuration('2h', '--x')).toBe(120);
    expect(parseBusinessDuration('90m', '--x')).toBe(90);
    expect(parseBusinessDuration('1h30m', '--x')).toBe(90);
    for (const bad of ['1d', '0h', '2', 'soon', '']) expect(() => parseBusinessDuration(bad, '--x')).toThrow(expect.objectContaining({ kind: 'usage' }));
    expect(parseDays('mon-fri')).toEqual([1, 2, 3, 4, 5]);
    expect(parseDays('sat,sun')).toEqual([6, 7]);
    expect(parseDays('Monday,wed-fri')).toEqual([1, 3, 4, 5]);
    expect(parseDays('all')).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(() => parseDays('fri-mon')).toThrow(expect.objectContaining({ kind: 'usage' }));
  });

  it('built-in defaults: every day 09:00–22:00 on Chinese platforms, Mon–Fri 09:00–18:00 elsewhere', () => {
    const db = memoryDb();
    addShop(db, { name: 'Tea', platform: 'taobao' }, NOW);
    addShop(db, { name: 'US', platform: 'shopify', currency: 'USD', timezone: NY }, NOW);
    const [tea, us] = slaSettings(db);
    expect(tea!.hoursSource).toBe('built-in');
    expect(tea!.schedule.week[7]).toEqual([{ opens: 540, closes: 1320 }]);
    expect(us!.schedule.week[6]).toEqual([]);
    expect(us!.schedule.week[1]).toEqual([{ opens: 540, closes: 1080 }]);
    expect(tea!.targets.presale).toEqual({ firstResponseMinutes: 120, resolutionMinutes: 480, source: 'built-in' });
  });

  it('a shop setting wins over the all-shops one, which wins over the built-in', () => {
    const db = memoryDb();
    addShop(db, { name: 'Tea', platform: 'taobao' }, NOW);
    addShop(db, { name: 'US', platform: 'shopify', currency: 'USD', timezone: NY }, NOW);
    setTargets(db, { types: ['presale'], firstResponse: '30m', resolution: '4h' });
    setTargets(db, { types: ['presale'], firstResponse: '15m', shop: 'US' });
    setTargets(db, { types: ['presale'], firstResponse: '45m' }); // again: replaces, never duplicates
    const tea = shopSla(db, findShop(db, 'Tea'));
    const us = shopSla(db, findShop(db, 'US'));
    expect(tea.targets.presale).toEqual({ firstResponseMinutes: 45, resolutionMinutes: 240, source: 'all-shops' });
    expect(us.targets.presale).toEqual({ firstResponseMinutes: 15, resolutionMinutes: 240, source: 'shop' });
    expect(us.targets.order.source).toBe('built-in');
    expect(() => setTargets(db, { types: ['presale'], firstResponse: '9h', shop: 'US' })).toThrow(expect.objectContaining({ key: 'sla.firstAfterResolution' }));
    expect(() => setTargets(db, { types: ['nope'], firstResponse: '1h' })).toThrow(expect.objectContaining({ kind: 'usage' }));
  });

  it('changing some days of a shop starts from the week it had: closing Sunday leaves the rest', () => {
    const db = memoryDb();
    addShop(db, { name: 'Tea', platform: 'taobao' }, NOW);
    setHours(db, { shop: 'Tea', days: 'sun', closed: true });
    const week = shopSla(db, findShop(db, 'Tea')).schedule.week;
    expect(week[6]).toEqual([{ opens: 540, closes: 1320 }]);
    expect(week[7]).toEqual([]);
    setHours(db, { shop: 'Tea', days: 'mon-fri', from: '08:30', to: '24:00', closed: false });
    expect(shopSla(db, findShop(db, 'Tea')).schedule.week[1]).toEqual([{ opens: 510, closes: 1440 }]);
    expect(() => setHours(db, { shop: 'Tea', days: 'all', closed: true })).toThrow(expect.objectContaining({ kind: 'conflict' }));
    expect(() => setHours(db, { days: 'mon', from: '18:00', to: '09:00', closed: false })).toThrow(expect.objectContaining({ kind: 'usage' }));
  });

  it('holidays: the shop sees its own and the all-shops ones; a duplicate is exit 4', () => {
    const db = memoryDb();
    addShop(db, { name: 'Tea', platform: 'taobao' }, NOW);
    addHoliday(db, { date: '2026-10-01', name: '国庆节' });
    addHoliday(db, { date: '2026-10-02', shop: 'Tea' });
    expect([...shopSla(db, findShop(db, 'Tea')).schedule.holidays]).toEqual(['2026-10-01', '2026-10-02']);
    expect(() => addHoliday(db, { date: '2026-10-01' })).toThrow(expect.objectContaining({ kind: 'conflict' }));
    expect(() => addHoliday(db, { date: '2026-02-30' })).toThrow(expect.objectContaining({ kind: 'usage' }));
  });
});
