import { ShopkeepError, threadStopped, type Detail, type ErrorKind } from '../domain/errors.js';
import type { Translate } from '../i18n/index.js';
import type { Sink } from './io.js';

/** The one table of exit codes (README "Exit codes"). */
export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  notFound: 3,
  conflict: 4,
  invalidData: 5,
  busy: 6,
  database: 7,
  interrupted: 130,
} as const;

const BY_KIND: Record<ErrorKind, number> = {
  usage: EXIT.usage,
  not_found: EXIT.notFound,
  conflict: EXIT.conflict,
  invalid_data: EXIT.invalidData,
  busy: EXIT.busy,
  database: EXIT.database,
  interrupted: EXIT.interrupted,
  internal: EXIT.internal,
};

const UNUSABLE_DB = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_PERM', 'SQLITE_IOERR', 'SQLITE_FULL']);

/** Turns library failures we can name into ShopkeepErrors; anything else stays unexpected. */
export function classify(error: unknown): ShopkeepError | undefined {
  if (error instanceof ShopkeepError) return error;
  const err = error as { code?: unknown; name?: unknown; message?: unknown };
  const code = typeof err?.code === 'string' ? err.code : '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new ShopkeepError('busy', 'db.busy', {}, { key: 'db.busy.hint' });
  }
  if ([...UNUSABLE_DB].some((c) => code.startsWith(c))) {
    return new ShopkeepError('database', 'db.unusableCode', { code, reason: String(err.message) }, { key: 'db.unusable.hint' });
  }
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return threadStopped(null);
  if (err?.name === 'ExitPromptError' || err?.name === 'AbortPromptError') {
    return new ShopkeepError('interrupted', 'error.interrupted');
  }
  return undefined;
}

export function formatDetail(d: Detail, t: Translate): string {
  const message = t(d.key, d.params);
  return d.line === undefined ? message : t('detail.line', { line: d.line, message });
}

/** Prints an error on stderr (message, detail lines, hint) and returns its exit code. Never a stack trace unless --debug. */
export function reportError(error: unknown, stderr: Sink, t: Translate, debug: boolean): number {
  const known = classify(error);
  if (known) {
    const lines = [`${t('label.error')}${t(known.key, known.params)}`, ...known.details.map((d) => `  ${formatDetail(d, t)}`)];
    if (known.hint) lines.push(`${t('label.hint')}${t(known.hint.key, known.hint.params)}`);
    stderr.write(`${lines.join('\n')}\n`);
    if (debug && !(error instanceof ShopkeepError)) stderr.write(`${(error as Error).stack}\n`);
    return BY_KIND[known.kind];
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`${t('label.error')}${t('error.internal', { message: message.split('\n')[0] ?? '' })}\n`);
  if (debug && error instanceof Error) stderr.write(`${error.stack}\n`);
  else stderr.write(`${t('label.hint')}${t('error.internal.hint')}\n`);
  return EXIT.internal;
}
