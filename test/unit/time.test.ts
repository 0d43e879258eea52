import { describe, expect, it } from 'vitest';
import { formatInstant, isTimeZone, parseTimeArg, wallTimeToInstant } from '../../src/domain/time.js';

const NOW = Date.parse('2026-11-25T08:00:00Z');

describe('time in the shop zone', () => {
  it('reads a date without offset in the shop zone, not the process zone', () => {
    expect(parseTimeArg('2026-11-01', 'Asia/Shanghai', NOW, '--since')).toBe(Date.parse('2026-10-31T16:00:00Z'));
    expect(parseTimeArg('2026-11-01', 'America/New_York', NOW, '--since')).toBe(Date.parse('2026-11-01T04:00:00Z'));
    expect(parseTimeArg('2026-11-01 00:30', 'Asia/Shanghai', NOW, '--since')).toBe(Date.parse('2026-10-31T16:30:00Z'));
  });
  it('keeps an explicit offset', () => {
    expect(parseTimeArg('2026-11-01T10:00:00+04:00', 'Asia/Shanghai', NOW, '--since')).toBe(Date.parse('2026-11-01T06:00:00Z'));
    expect(parseTimeArg('2026-11-01T10:00:00Z', 'Asia/Shanghai', NOW, '--since')).toBe(Date.parse('2026-11-01T10:00:00Z'));
  });
  it('counts spans back from now', () => {
    expect(parseTimeArg('7d', 'UTC', NOW, '--since')).toBe(NOW - 7 * 86_400_000);
    expect(parseTimeArg('12h', 'UTC', NOW, '--since')).toBe(NOW - 12 * 3_600_000);
  });
  it('refuses impossible dates naming the flag', () => {
    for (const bad of ['2026-02-30', '2026-13-01', 'yesterday-ish', '2026-11-01 25:00']) {
      expect(() => parseTimeArg(bad, 'UTC', NOW, '--since')).toThrow(expect.objectContaining({ kind: 'usage', params: expect.objectContaining({ field: '--since' }) }));
    }
  });
  it('is DST-safe: midnight around the New York changes', () => {
    expect(wallTimeToInstant('America/New_York', 2026, 3, 8)).toBe(Date.parse('2026-03-08T05:00:00Z'));
    expect(wallTimeToInstant('America/New_York', 2026, 3, 9)).toBe(Date.parse('2026-03-09T04:00:00Z'));
    expect(wallTimeToInstant('America/New_York', 2026, 11, 1)).toBe(Date.parse('2026-11-01T04:00:00Z'));
    expect(wallTimeToInstant('America/New_York', 2026, 11, 2)).toBe(Date.parse('2026-11-02T05:00:00Z'));
  });
  it('formats with the zone offset', () => {
    expect(formatInstant(Date.parse('2026-11-25T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-26T00:30:00+08:00');
    expect(formatInstant(Date.parse('2026-07-01T12:00:00Z'), 'America/New_York')).toBe('2026-07-01T08:00:00-04:00');
  });
  it('knows IANA zones', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('+08:00')).toBe(false);
  });
});
