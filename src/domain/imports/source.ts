import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { unreadable, usageError } from '../errors.js';

/** An order file: a path read in chunks (a year of history need not fit in memory), or bytes already read (stdin, tests). */
export interface InputFile {
  name: string;
  bytes?: Uint8Array;
  path?: string;
}

const CHUNK_BYTES = 256 * 1024;

export function sizeOf(input: InputFile): number {
  if (input.bytes) return input.bytes.length;
  const fd = open(input);
  try {
    return fstatSync(fd).size;
  } finally {
    closeSync(fd);
  }
}

/** The file's bytes from `start`, a chunk at a time. */
export function* chunksOf(input: InputFile, start = 0, size = CHUNK_BYTES): Generator<Uint8Array> {
  if (input.bytes) {
    for (let at = start; at < input.bytes.length; at += size) yield input.bytes.subarray(at, at + size);
    return;
  }
  const fd = open(input);
  try {
    for (let at = start; ; ) {
      // A fresh buffer per chunk: the CSV parser may still hold on to the previous one.
      const buffer = Buffer.allocUnsafe(size);
      const read = readSync(fd, buffer, 0, size, at);
      if (read === 0) return;
      at += read;
      yield buffer.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

/** The first `length` bytes (or fewer, for a short file). */
export function headOf(input: InputFile, length: number): Uint8Array {
  const chunks = chunksOf(input, 0, length);
  try {
    const first = chunks.next();
    return first.done ? new Uint8Array(0) : first.value;
  } finally {
    chunks.return(undefined);
  }
}

function open(input: InputFile): number {
  let fd: number;
  try {
    fd = openSync(input.path!, 'r');
  } catch (error) {
    throw unreadable(error, input.path!);
  }
  // Linux opens a directory for reading; only the first read would fail.
  if (fstatSync(fd).isDirectory()) {
    closeSync(fd);
    throw usageError('file.isDirectory', { path: input.path! });
  }
  return fd;
}
