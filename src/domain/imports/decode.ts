import { invalidData } from '../errors.js';

export type ImportEncoding = 'utf-8' | 'utf-16le' | 'gb18030' | 'windows-1252' | 'shift_jis';

/** Legacy encodings tried, in this order, when a file is not UTF-8: the one whose header a profile knows wins. */
export const LEGACY: readonly ImportEncoding[] = ['gb18030', 'shift_jis', 'windows-1252'];

/** Decodes `bytes` strictly; undecodable bytes are exit 5 with the offset of the first bad one. */
export function decodeStrict(bytes: Uint8Array, encoding: ImportEncoding, file: string, base = 0): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw invalidData('import.undecodable', { file, encoding, offset: base + firstBad(bytes, encoding) }, { key: 'import.undecodable.hint' });
  }
}

function firstBad(bytes: Uint8Array, encoding: ImportEncoding): number {
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

/**
 * Text of an order file: a BOM decides; else strict UTF-8; else the legacy encoding under which `recognised`
 * says the header is a known layout. When nothing fits, the UTF-8 error (with its byte offset) stands.
 */
export function decodeOrderFile(bytes: Uint8Array, file: string, recognised: (text: string) => boolean): { text: string; encoding: ImportEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decodeStrict(bytes.subarray(3), 'utf-8', file, 3), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeStrict(bytes.subarray(2), 'utf-16le', file, 2), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch (utf8Failure) {
    const head = bytes.subarray(0, 64 * 1024);
    for (const encoding of LEGACY) {
      const sample = new TextDecoder(encoding).decode(head);
      if (recognised(sample)) return { text: decodeStrict(bytes, encoding, file), encoding };
    }
    return { text: decodeStrict(bytes, 'utf-8', file), encoding: 'utf-8' };
  }
}
