import type { Detail, ErrorKind, Hint, MessageParams } from '../errors.js';
import type { MessageKey } from '../../i18n/en.js';
import type { Rejected } from './parse-files.js';
import type { InputFile } from './source.js';
import type { RowContext } from './types.js';

/** Which profile reads a file: a built-in one by id, or a --mapping file's text. */
export type ProfileRef = { id: string } | { mapping: { json: string; file: string } };

export interface WorkerJob {
  inputs: InputFile[];
  profiles: ProfileRef[];
  ctx: RowContext;
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
  /** Orders as JSON `[[hash, line, order], …]`, and the count of rejected rows so far. */
  | { type: 'orders'; json: string; rejected: number }
  | { type: 'end'; files: FileFacts[]; rejected: Rejected[]; warnings: Detail[] }
  | { type: 'error'; error: SerializedError };
