import { describe, expect, it } from 'vitest';
import { FingerprintMap, hash53, StringHashSet } from '../../src/domain/hash-set.js';

describe('StringHashSet', () => {
  it('says yes for every string added, however often and across its growth, and no for strings never added', () => {
    const set = new StringHashSet();
    const added = Array.from({ length: 150_000 }, (_, i) => `#${100_000 + i}`);
    for (const text of added) set.add(text);
    for (const text of added.slice(0, 50_000)) set.add(text); // again: no growth of its own, no change
    set.add('');
    set.add('龙井 明前');
    expect(added.every((text) => set.has(text))).toBe(true);
    expect(set.has('')).toBe(true);
    expect(set.has('龙井 明前')).toBe(true);
    const absent = Array.from({ length: 150_000 }, (_, i) => `#${300_000 + i}`).concat(['龙井', ' ', '#100000 ']);
    expect(absent.filter((text) => set.has(text))).toEqual([]);
  });
});

describe('FingerprintMap', () => {
  it('gives back each string’s latest number across growth, nothing for strings never set, and nothing after clear', () => {
    const map = new FingerprintMap();
    const keys = Array.from({ length: 120_000 }, (_, i) => `buyer${i}\u0000138${String(i).padStart(8, '0')}\u0000b${i}@example.com\u0000名${i}`);
    keys.forEach((key, i) => map.set(key, i + 1));
    keys.slice(0, 1000).forEach((key, i) => map.set(key, -(i + 1))); // set again: replaced, not added
    expect(map.size).toBe(keys.length);
    expect(keys.every((key, i) => map.get(key) === (i < 1000 ? -(i + 1) : i + 1))).toBe(true);
    expect(['', 'buyer0', `${keys[5]} `, keys[7]!.toUpperCase()].map((key) => map.get(key))).toEqual([undefined, undefined, undefined, undefined]);
    map.clear();
    expect(map.size).toBe(0);
    expect(map.get(keys[0]!)).toBeUndefined();
  });

  it('keeps two hashes that differ for the same string, so a match needs both', () => {
    const texts = Array.from({ length: 10_000 }, (_, i) => `#${i}`);
    expect(texts.filter((t) => hash53(t) === hash53(t, 0x5f356495))).toEqual([]);
    expect(new Set(texts.map((t) => hash53(t, 0x5f356495))).size).toBe(texts.length);
  });
});
