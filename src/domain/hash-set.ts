/**
 * Strings kept as 53-bit hashes in an open-addressed table: 16 bytes a string however long it is, so a year of
 * orders or buyers fits a worker's small heap. `has` can say yes for a string never added (a collision: about
 * one in 10^10 for a million strings), never no for one that was: callers use a yes only as "look closer".
 */
export class StringHashSet {
  private slots = new Float64Array(1 << 16);
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(text: string): void {
    if (this.count * 2 >= this.slots.length) this.grow();
    if (this.place(hash53(text))) this.count++;
  }

  has(text: string): boolean {
    const h = hash53(text);
    const mask = this.slots.length - 1;
    for (let i = h % this.slots.length; ; i = (i + 1) & mask) {
      if (this.slots[i] === 0) return false;
      if (this.slots[i] === h) return true;
    }
  }

  /** Puts `h` in its slot; false when it was there already. */
  private place(h: number): boolean {
    const mask = this.slots.length - 1;
    let i = h % this.slots.length;
    while (this.slots[i] !== 0 && this.slots[i] !== h) i = (i + 1) & mask;
    if (this.slots[i] === h) return false;
    this.slots[i] = h;
    return true;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    for (const h of old) if (h !== 0) this.place(h);
  }
}

/**
 * Two 32-bit multiplicative hashes of the string's characters, mixed into one 53-bit number; never 0 (the empty
 * slot). `seed` picks another, independent-looking hash of the same string (FingerprintMap keeps two).
 */
export function hash53(text: string, seed = 0): number {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x85ebca6b ^ Math.imul(seed, 0x27d4eb2f);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  a = Math.imul(a ^ (a >>> 15), 0x2c1b3c6d) ^ Math.imul(b ^ (b >>> 13), 0x297a2d39);
  b = Math.imul(b ^ (b >>> 16), 0x85ebca6b) ^ Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
  return (b & 0x1fffff) * 4294967296 + (a >>> 0) || 1;
}

/** The seed of FingerprintMap's second hash. */
const SECOND = 0x5f356495;

/**
 * Strings to numbers, each string kept as two 53-bit hashes (a 106-bit fingerprint: two of a million strings
 * share one with odds of about 10^-20) beside its number: 24 bytes a slot, at most half of them full, so a few
 * hundred thousand buyers fit a worker's small heap, where a Map of their strings would not.
 */
export class FingerprintMap {
  private slots = new Float64Array(3 << 12); // [hash, second hash, value] per slot
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(text: string): number | undefined {
    const at = this.find(hash53(text), hash53(text, SECOND));
    return this.slots[at] === 0 ? undefined : this.slots[at + 2];
  }

  set(text: string, value: number): void {
    if (this.count * 2 >= this.slots.length / 3) this.grow();
    this.put(hash53(text), hash53(text, SECOND), value);
  }

  clear(): void {
    this.slots = new Float64Array(3 << 12);
    this.count = 0;
  }

  /** The slot holding this fingerprint, or the empty slot where it would go. */
  private find(h: number, h2: number): number {
    const slotCount = this.slots.length / 3;
    for (let i = h % slotCount; ; i = (i + 1) % slotCount) {
      const at = i * 3;
      if (this.slots[at] === 0 || (this.slots[at] === h && this.slots[at + 1] === h2)) return at;
    }
  }

  private put(h: number, h2: number, value: number): void {
    const at = this.find(h, h2);
    if (this.slots[at] === 0) this.count++;
    this.slots[at] = h;
    this.slots[at + 1] = h2;
    this.slots[at + 2] = value;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    this.count = 0;
    for (let at = 0; at < old.length; at += 3) if (old[at] !== 0) this.put(old[at]!, old[at + 1]!, old[at + 2]!);
  }
}

