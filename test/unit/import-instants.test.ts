import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/domain/imports/clean.js';
import { wallTimeToInstant } from '../../src/domain/time.js';

// Import timestamps without an offset are read in the shop's zone through a per-hour memo of the zone's
// offset: it must agree with the zone rules minute by minute, across every kind of clock change.
const DAYS: [string, number, number, number][] = [
  ['America/New_York', 2026, 3, 8], // spring forward at 02:00 (a skipped hour)
  ['America/New_York', 2026, 11, 1], // fall back at 02:00 (a repeated hour)
  ['Australia/Lord_Howe', 2026, 4, 5], // a 30-minute change at 02:00
  ['Australia/Lord_Howe', 2026, 10, 4],
  ['Europe/London', 2026, 3, 29],
  ['Asia/Shanghai', 2026, 11, 11],
];

const pad = (n: number) => String(n).padStart(2, '0');

describe('instants in the shop zone', () => {
  it.each(DAYS)('agree with the zone rules for every minute of %s %d-%d-%d', (zone, y, m, d) => {
    // Twice: the first pass fills the memo, the second reads it.
    for (let pass = 0; pass < 2; pass++) {
      for (let h = 0; h < 24; h++) {
        for (let mi = 0; mi < 60; mi++) {
          const wall = `${y}-${pad(m)}-${pad(d)} ${pad(h)}:${pad(mi)}:30`;
          expect(parseInstant(wall, zone), `${zone} ${wall}`).toBe(wallTimeToInstant(zone, y, m, d, h, mi, 30));
        }
      }
    }
  });
});
