import { ShopkeepError, type Detail, type ErrorKind, type Hint, type MessageParams } from '../errors.js';
import type { MessageKey } from '../../i18n/en.js';
import type { Rejected } from './parse-files.js';
import type { InputFile } from './source.js';
import type { ImportResult } from './unit-import.js';
import type { SealedOrder } from './content-hash.js';
import type { RowContext } from './types.js';

/** Which profile reads a file: a built-in one by id, or a --mapping file's text. */
export type ProfileRef = { id: string } | { mapping: { json: string; file: string } };

export interface WorkerJob {
  inputs: InputFile[];
  profiles: ProfileRef[];
  ctx: RowContext;
  /** Hold every order until the end (a file that scatters an order's rows); else stop with 'scattered'. */
  buffered: boolean;
  /** Int32 [batches posted, batches applied]: the reader waits when it is too far ahead of the writer. */
  control: SharedArrayBuffer;
}

/** What the worker found per file besides orders (its profile is the one the job named). */
export interface FileFacts {
  encoding: string;
  matched: number;
  of: number;
  rows: number;
  sha256: string;
}

export type SerializedError = { kind: ErrorKind; key: MessageKey; params: MessageParams; hint?: Hint; details: Detail[] } | { message: string; stack?: string };

export type WorkerMessage =
  /** A read begins (again, after a file turned out not to keep its orders' rows together): undo what the last one wrote. */
  | { type: 'start' }
  | { type: 'progress'; bytes: number }
  /** A batch of orders, sealed with their content hash, and the count of rejected rows so far. */
  | { type: 'orders'; orders: SealedOrder[]; rejected: number }
  | { type: 'end'; files: FileFacts[]; rejected: Rejected[]; warnings: Detail[] }
  /** The file scatters an order's rows: read it again with `buffered`. */
  | { type: 'scattered' }
  | { type: 'error'; error: SerializedError };

/** An import run by a writer thread: the main thread keeps only its progress bar. */
export interface WriterJob {
  db: string;
  inputs: InputFile[];
  options: { shop?: string; platform?: string; dryRun: boolean; skipBad: boolean; mapping?: { json: string; file: string } };
  now: number;
}

export type WriterMessage =
  | { type: 'progress'; done: number; total: number; orders: number }
  /** Every file imported, or those before the one that failed (`error`): each file is its own transaction. */
  | { type: 'done'; results: ImportResult[]; error?: SerializedError }
  | { type: 'error'; error: SerializedError };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof ShopkeepError) return { kind: error.kind, key: error.key, params: error.params, hint: error.hint, details: error.details };
  const e = error as Error;
  return { message: e.message, stack: e.stack };
}

export function reviveError(e: SerializedError): Error {
  if ('kind' in e) return new ShopkeepError(e.kind, e.key, e.params, e.hint, e.details);
  const error = new Error(e.message);
  error.stack = e.stack;
  return error;
}
