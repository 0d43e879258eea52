import { invalidData } from '../errors.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'gb18030';

/**
 * Text from a file's bytes: a BOM decides; else strict UTF-8; else GB18030 (what Chinese Excel saves,
 * and a superset of GBK). Bytes that are neither are refused with the offset of the first bad byte.
 */
export function decodeText(bytes: Uint8Array, file: string): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: strict('utf-8', bytes.subarray(3), file, 3), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: strict('utf-16le', bytes.subarray(2), file, 2), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: strict('gb18030', bytes, file, 0), encoding: 'gb18030' };
  }
}

function strict(encoding: Encoding, bytes: Uint8Array, file: string, base: number): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw invalidData('file.undecodable', { file, encoding, offset: base + firstBadOffset(encoding, bytes) }, { key: 'file.undecodable.hint' });
  }
}

/** Finds the first undecodable byte by bisecting on prefixes that decode (streaming mode tolerates a cut sequence). */
export function firstBadOffset(encoding: string, bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}
