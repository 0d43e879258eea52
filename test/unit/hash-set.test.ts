import { describe, expect, it } from 'vitest';
import { StringHashSet } from '../../src/domain/hash-set.js';

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
