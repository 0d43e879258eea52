// Shared by the import benchmark's generators: a seeded PRNG, a buffered file writer, money and time formatting.
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';

/** Bump when any generated file changes shape, so cached files in bench/.data/import/ are rebuilt. */
export const GENERATOR_VERSION = 1;

/** "Now" for the whole benchmark (SHOPKEEP_NOW): 12 November 2026, 10:00 in New York. */
export const NOW = Date.parse('2026-11-12T15:00:00Z');
export const DAY = 86_400_000;

/** mulberry32: small, fast and seeded, so every machine generates the same bytes. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const digits = (n) => {
    let s = String(int(1, 9));
    while (s.length < n) s += String(Math.floor(next() * 10));
    return s;
  };
  /** Index into `weights` (any scale) chosen with those weights. */
  const weighted = (weights) => {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = next() * total;
    for (let i = 0; i < weights.length; i++) if ((r -= weights[i]) < 0) return i;
    return weights.length - 1;
  };
  /** `n` distinct items of `list` (n ≤ list.length). */
  const distinct = (list, n) => {
    const out = new Set();
    while (out.size < n) out.add(pick(list));
    return [...out];
  };
  return { next, int, pick, digits, weighted, distinct };
}

/**
 * Writes a file in 4 MB chunks through a temporary name, renamed into place on close, so a generator
 * interrupted half-way never leaves a file the cache would take as complete. `encode` turns text into bytes
 * (UTF-8 by default; the Taobao files pass a GB18030 encoder).
 */
export function chunkedWriter(path, encode = (s) => Buffer.from(s, 'utf8')) {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  let parts = [];
  let size = 0;
  let bytes = 0;
  const flush = () => {
    if (parts.length === 0) return;
    const buf = encode(parts.join(''));
    writeSync(fd, buf);
    bytes += buf.length;
    parts = [];
    size = 0;
  };
  return {
    write(text) {
      parts.push(text);
      size += text.length;
      if (size >= 4 << 20) flush();
    },
    close() {
      flush();
      closeSync(fd);
      renameSync(tmp, path);
      return bytes;
    },
  };
}

/** RFC 4180 quoting, only where a cell needs it. */
export const csvCell = (v) => (v === '' || !/[",\r\n]/.test(v) ? v : `"${v.replace(/"/g, '""')}"`);

/** Minor units → `1234.50`. */
export const amount = (minor) => `${Math.trunc(minor / 100)}.${String(Math.abs(minor) % 100).padStart(2, '0')}`;

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** US Eastern offset in minutes at an instant (DST: second Sunday of March 07:00Z to first Sunday of November 06:00Z). */
function easternOffset(ms) {
  const y = new Date(ms).getUTCFullYear();
  const nthSunday = (month, n) => {
    const first = new Date(Date.UTC(y, month, 1)).getUTCDay();
    return 1 + ((7 - first) % 7) + (n - 1) * 7;
  };
  const start = Date.UTC(y, 2, nthSunday(2, 2), 7);
  const end = Date.UTC(y, 10, nthSunday(10, 1), 6);
  return ms >= start && ms < end ? -240 : -300;
}

/** Shopify's `2026-04-05 21:06:21 -0400`, in the store's zone (America/New_York). */
export function shopifyTime(ms) {
  const off = easternOffset(ms);
  const d = new Date(ms + off * 60_000);
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${sign}${pad(Math.floor(a / 60))}${pad(a % 60)}`;
}

/** Taobao's `2026-04-05 21:06:21`, China wall time, no offset. */
export function chinaTime(ms) {
  const d = new Date(ms + 8 * 3_600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
