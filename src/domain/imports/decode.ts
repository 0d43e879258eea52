import { isUtf8 } from 'node:buffer';
import { invalidData } from '../errors.js';
import { firstBadOffset } from '../text/decode.js';

export type ImportEncoding = 'utf-8' | 'utf-16le' | 'gb18030' | 'windows-1252' | 'shift_jis';

/** Legacy encodings tried, in this order, when a file is not UTF-8: the one whose header a profile knows wins. */
const LEGACY: readonly ImportEncoding[] = ['gb18030', 'shift_jis', 'windows-1252'];

const CHINESE = new Set(['taobao', 'tmall', 'jd', 'pdd', 'douyin']);

export interface FileEncoding {
  encoding: ImportEncoding;
  /** Bytes of byte-order mark to skip. */
  bom: number;
}

/** Thrown while reading a file taken for UTF-8 that is not: the caller reads it again in a legacy encoding. */
export class NotUtf8 extends Error {
  /** Set by the reader that knows which file it was. */
  file = '';

  constructor(readonly offset: number) {
    super(`not UTF-8 at byte ${offset}`);
  }
}

/**
 * How to read an order file, from its first bytes: a BOM decides; else UTF-8 while it holds (checked as the
 * file is read: `utf8Failed` says a read found otherwise); else a legacy encoding. The header (ASCII for
 * Amazon, Chinese for Taobao) tells whose file it is, and that decides: GB18030 for the Chinese platforms;
 * Shift_JIS when the bytes decode as such and hold kana (Amazon Japan), else Windows-1252 — unless the head holds
 * UTF-8's own multi-byte characters: then it is a UTF-8 file with a bad byte, not a Windows-1252 one. When no
 * legacy guess stands (or no profile knows the header): null, and the UTF-8 error (with its byte offset) stands.
 */
export function encodingOf(head: Uint8Array, platformOf: (text: string) => string | null, utf8Failed = false): FileEncoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return utf8Failed ? null : { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (!utf8Failed && decodes('utf-8', head)) return { encoding: 'utf-8', bom: 0 };
  const platform = LEGACY.map((encoding) => platformOf(new TextDecoder(encoding).decode(head))).find((p) => p !== null);
  // Files read through a mapping (platform "other") must be UTF-8: there is no platform to guess from.
  if (platform === undefined || platform === null || platform === 'other') return null;
  if (CHINESE.has(platform)) return { encoding: 'gb18030', bom: 0 };
  if (decodes('shift_jis', head) && /[\u3040-\u30ff]/.test(new TextDecoder('shift_jis').decode(head))) return { encoding: 'shift_jis', bom: 0 };
  return holdsUtf8Characters(head) ? null : { encoding: 'windows-1252', bom: 0 };
}

/**
 * Whether the bytes read as UTF-8 more than as anything else: more well-formed multi-byte characters (a lead byte and
 * its continuation bytes) than bytes that fit none. A UTF-8 file with a stray byte has many of the first and one of
 * the second; Windows-1252 text puts its accented letters among ASCII, where most fit no UTF-8 shape (and the odd
 * pair that does, É® as C9 AE, is outnumbered). The double-byte encodings are told apart before this is asked.
 */
function holdsUtf8Characters(bytes: Uint8Array): boolean {
  let characters = 0;
  let strays = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x80) continue;
    const length = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
    let continued = 0;
    while (continued < length && i + 1 + continued < bytes.length && (bytes[i + 1 + continued]! & 0xc0) === 0x80) continued++;
    if (length > 0 && continued === length) {
      characters++;
      i += length;
    } else if (i + 1 + continued < bytes.length) {
      strays++;
    }
  }
  return characters > strays;
}

/** True when `bytes` decode strictly (a sequence cut at the end is allowed: the head of a longer file). */
function decodes(encoding: ImportEncoding, bytes: Uint8Array): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

export const undecodable = (file: string, encoding: ImportEncoding, offset: number) =>
  invalidData('import.undecodable', { file, encoding, offset }, { key: 'import.undecodable.hint' });

/** Turns a file's chunks into text, strictly: a bad byte stops the read with its offset. */
export interface ChunkDecoder {
  decode(chunk: Uint8Array): string;
  end(): string;
}

/** Bytes at the end of `data` that start a UTF-8 sequence the next chunk completes. */
function cutSequence(data: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, data.length); back++) {
    const byte = data[data.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/**
 * A streaming strict decoder; `base` is the file offset of the first chunk. A file taken for UTF-8 that is not
 * throws NotUtf8 (its caller may read it again in a legacy encoding); other encodings fail with the offset.
 */
export function chunkDecoder(encoding: ImportEncoding, file: string, base: number): ChunkDecoder {
  return encoding === 'utf-8' ? utf8Decoder(base) : legacyDecoder(encoding, file, base);
}

/** UTF-8 checked by Node's SIMD validator and decoded by Buffer: faster than a fatal TextDecoder on big files. */
function utf8Decoder(base: number): ChunkDecoder {
  let offset = base;
  // The start of a sequence the previous chunk left open, completed by the next one.
  let open: Uint8Array = new Uint8Array(0);
  return {
    decode(chunk) {
      const data = open.length === 0 ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength) : Buffer.concat([open, chunk]);
      const whole = data.length - cutSequence(data);
      if (!isUtf8(data.subarray(0, whole))) throw new NotUtf8(offset - open.length + firstBadOffset('utf-8', data));
      open = Uint8Array.prototype.slice.call(data, whole);
      offset += chunk.length;
      return data.toString('utf8', 0, whole);
    },
    end() {
      if (open.length > 0) throw new NotUtf8(offset - open.length);
      return '';
    },
  };
}

function legacyDecoder(encoding: ImportEncoding, file: string, base: number): ChunkDecoder {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let offset = base;
  return {
    decode(chunk) {
      try {
        const text = decoder.decode(chunk, { stream: true });
        offset += chunk.length;
        return text;
      } catch {
        // Within three bytes when the bad sequence began in the previous chunk.
        throw undecodable(file, encoding, offset + firstBadOffset(encoding, chunk));
      }
    },
    end() {
      try {
        return decoder.decode();
      } catch {
        throw undecodable(file, encoding, offset);
      }
    },
  };
}
