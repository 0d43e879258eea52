/**
 * Strings kept as 53-bit hashes in an open-addressed table: 16 bytes a string however long it is, so a year of
 * orders or buyers fits a worker's small heap. `has` can say yes for a string never added (a collision: about
 * one in 10^10 for a million strings), never no for one that was: callers use a yes only as "look closer".
 */
export class StringHashSet {
  private slots = new Float64Array(1 << 16);
  private count = 0;

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

/** Two 32-bit multiplicative hashes of the string's characters, mixed into one 53-bit number; never 0 (the empty slot). */
function hash53(text: string): number {
  let a = 0x9e3779b9;
  let b = 0x85ebca6b;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  a = Math.imul(a ^ (a >>> 15), 0x2c1b3c6d) ^ Math.imul(b ^ (b >>> 13), 0x297a2d39);
  b = Math.imul(b ^ (b >>> 16), 0x85ebca6b) ^ Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
  return (b & 0x1fffff) * 4294967296 + (a >>> 0) || 1;
}
