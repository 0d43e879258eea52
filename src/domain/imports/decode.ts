import { invalidData } from '../errors.js';
import { firstBadOffset } from '../text/decode.js';

export type ImportEncoding = 'utf-8' | 'utf-16le' | 'gb18030' | 'windows-1252' | 'shift_jis';

/** Legacy encodings tried, in this order, when a file is not UTF-8: the one whose header a profile knows wins. */
export const LEGACY: readonly ImportEncoding[] = ['gb18030', 'shift_jis', 'windows-1252'];

/** Decodes `bytes` strictly; undecodable bytes are exit 5 with the offset of the first bad one. */
export function decodeStrict(bytes: Uint8Array, encoding: ImportEncoding, file: string, base = 0): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw invalidData('import.undecodable', { file, encoding, offset: base + firstBadOffset(encoding, bytes) }, { key: 'import.undecodable.hint' });
  }
}


const CHINESE = new Set(['taobao', 'tmall', 'jd', 'pdd', 'douyin']);

/**
 * Text of an order file: a BOM decides; else strict UTF-8; else a legacy encoding. The header (ASCII for
 * Amazon, Chinese for Taobao) tells whose file it is, and that decides the candidates: GB18030 for the Chinese
 * platforms; Shift_JIS when the file decodes as such and holds kana (Amazon Japan), else Windows-1252 for
 * the others. When no profile knows the header, the UTF-8 error (with its byte offset) stands.
 */
export function decodeOrderFile(bytes: Uint8Array, file: string, platformOf: (text: string) => string | null): { text: string; encoding: ImportEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decodeStrict(bytes.subarray(3), 'utf-8', file, 3), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeStrict(bytes.subarray(2), 'utf-16le', file, 2), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const head = bytes.subarray(0, 64 * 1024);
    const platform = LEGACY.map((encoding) => platformOf(new TextDecoder(encoding).decode(head))).find((p) => p !== null);
    // Files read through a mapping (platform "other") must be UTF-8: there is no platform to guess from.
    if (platform === undefined || platform === null || platform === 'other') return { text: decodeStrict(bytes, 'utf-8', file), encoding: 'utf-8' };
    if (CHINESE.has(platform)) return { text: decodeStrict(bytes, 'gb18030', file), encoding: 'gb18030' };
    try {
      const japanese = new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
      if (/[\u3040-\u30ff]/.test(japanese)) return { text: japanese, encoding: 'shift_jis' };
    } catch {
      // not Shift_JIS: fall through to Windows-1252, which decodes any byte
    }
    return { text: decodeStrict(bytes, 'windows-1252', file), encoding: 'windows-1252' };
  }
}
