import type { MessageKey } from '../i18n/en.js';

/** What went wrong, in terms the CLI maps onto exit codes (see README "Exit codes"). */
export type ErrorKind =
  | 'usage'
  | 'not_found'
  | 'conflict'
  | 'invalid_data'
  | 'busy'
  | 'database'
  | 'interrupted'
  /** Ours, not the input's: a failure shopkeep can name but not recover from (exit 1, as an unexpected one). */
  | 'internal';

export type MessageParams = Record<string, string | number>;

/** One line under an error: a CSV line's problem, a SKU that is short… */
export interface Detail {
  line?: number;
  key: MessageKey;
  params?: MessageParams;
}

export interface Hint {
  key: MessageKey;
  params?: MessageParams;
}

/**
 * An expected failure: carries a message key (translated when printed), its parameters,
 * an optional hint naming the next thing to try, and optional detail lines (e.g. every bad CSV line).
 */
export class ShopkeepError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    readonly hint?: Hint,
    readonly details: Detail[] = [],
  ) {
    super(key);
    this.name = 'ShopkeepError';
  }
}

export const usageError = (key: MessageKey, params?: MessageParams, hint?: Hint) =>
  new ShopkeepError('usage', key, params, hint);
export const notFound = (key: MessageKey, params?: MessageParams, hint?: Hint) =>
  new ShopkeepError('not_found', key, params, hint);
export const conflict = (key: MessageKey, params?: MessageParams, hint?: Hint, details?: Detail[]) =>
  new ShopkeepError('conflict', key, params, hint, details);
export const invalidData = (key: MessageKey, params?: MessageParams, hint?: Hint, details?: Detail[]) =>
  new ShopkeepError('invalid_data', key, params, hint, details);
export const databaseError = (key: MessageKey, params?: MessageParams, hint?: Hint) =>
  new ShopkeepError('database', key, params, hint);

/** A file that cannot be read, as the user should hear it: missing (3), a directory or not readable (2); else as it is. */
export function unreadable(error: unknown, path: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return notFound('file.notFound', { path }, { key: 'file.notFound.hint' });
  if (code === 'EISDIR') return usageError('file.isDirectory', { path });
  if (code === 'EACCES' || code === 'EPERM') return usageError('file.noAccess', { path });
  return error;
}

/** A file that cannot be written, likewise: no such directory, a directory, or no permission (2); else as it is. */
export function unwritable(error: unknown, path: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return usageError('file.noDirectory', { path });
  if (code === 'EISDIR') return usageError('file.isDirectory', { path });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return usageError('file.cannotWrite', { path });
  return error;
}

/** An import thread that stopped before it finished (its exit code, or null: out of memory): nothing was written. */
export function threadStopped(exitCode: number | null): ShopkeepError {
  const hint = { key: 'import.threadStopped.hint' } as const;
  if (exitCode === null) return new ShopkeepError('internal', 'import.threadOutOfMemory', {}, hint);
  return new ShopkeepError('internal', 'import.threadStopped', { code: exitCode }, hint);
}
