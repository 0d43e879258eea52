import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { Db } from '../db/open.js';
import { notFound, usageError } from '../domain/errors.js';
import type { Lang, MessageKey, Translate } from '../i18n/index.js';
import type { MessageParams } from '../domain/errors.js';
import { canPrompt, colorEnabled, type Io } from './io.js';
import type { Prompter } from './prompter.js';
import { render } from './render/index.js';
import { FORMATS, type Format, type View } from './render/view.js';

/** The global flags every verb sees (README "Global options"). */
export interface GlobalOptions {
  db?: string;
  json: boolean;
  format?: string;
  lang?: string;
  color: boolean;
  input: boolean;
  yes: boolean;
  quiet: boolean;
  debug: boolean;
}

export const DEFAULT_GLOBALS: GlobalOptions = { json: false, color: true, input: true, yes: false, quiet: false, debug: false };

export interface CtxDeps {
  io: Io;
  lang: Lang;
  t: Translate;
  prompter: Prompter;
  now: () => number;
  openDb: (path: string) => Db;
}

/** Everything a verb may use: streams, language, prompts, clock and the database opened on first use. */
export class Ctx {
  globals: GlobalOptions = { ...DEFAULT_GLOBALS };
  /** Set by verbs that report a problem without failing (e.g. `db check`). */
  exitCode = 0;
  private database: Db | undefined;

  constructor(private readonly deps: CtxDeps) {}

  get io(): Io {
    return this.deps.io;
  }
  get lang(): Lang {
    return this.deps.lang;
  }
  get prompter(): Prompter {
    return this.deps.prompter;
  }
  now(): number {
    return this.deps.now();
  }
  t(key: MessageKey, params?: MessageParams): string {
    return this.deps.t(key, params);
  }

  /** --db, else SHOPKEEP_DB, else $XDG_DATA_HOME/shopkeep/shop.db (~/.local/share/shopkeep/shop.db). */
  dbPath(explicit = this.globals.db): string {
    const env = this.io.env;
    const chosen = explicit ?? env.SHOPKEEP_DB;
    if (chosen) return chosen === ':memory:' ? chosen : resolve(this.io.cwd, chosen);
    const dataHome = env.XDG_DATA_HOME && isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : join(env.HOME || homedir(), '.local', 'share');
    return join(dataHome, 'shopkeep', 'shop.db');
  }

  db(): Db {
    this.database ??= this.deps.openDb(this.dbPath());
    return this.database;
  }

  /**
   * The database of a command that only reads it (the reports): no file at the path is a mistake — a mistyped --db
   * or SHOPKEEP_DB in a crontab — and is said so, instead of creating an empty shop and reporting on it.
   */
  existingDb(): Db {
    const path = this.dbPath();
    if (this.database === undefined && path !== ':memory:' && !existsSync(path)) throw notFound('db.missing', { path }, { key: 'db.missing.hint' });
    return this.db();
  }

  /** Opens a database other than the global one (demo); it becomes this context's database. */
  useDb(path: string): Db {
    this.close();
    this.database = this.deps.openDb(path);
    return this.database;
  }

  close(): void {
    if (this.database?.open) this.database.close();
    this.database = undefined;
  }

  canPrompt(): boolean {
    return canPrompt(this.io, !this.globals.input);
  }

  format(): Format {
    if (this.globals.json) return 'json';
    const chosen = this.globals.format;
    if (chosen === undefined) return this.io.stdoutIsTTY ? 'table' : 'plain';
    if (!(FORMATS as readonly string[]).includes(chosen)) throw usageError('format.unknown', { value: chosen, formats: FORMATS.join(', ') });
    return chosen as Format;
  }

  async print(view: View): Promise<void> {
    const color = colorEnabled(this.io, this.io.stdoutIsTTY, !this.globals.color);
    this.io.stdout.write(await render(view, this.format(), color, this.io.stdoutIsTTY, this.lang));
  }

  /** Progress and confirmations: stderr, silenced by --quiet. */
  info(text: string): void {
    if (!this.globals.quiet) this.io.stderr.write(`${text}\n`);
  }

  warn(text: string): void {
    this.io.stderr.write(`${this.t('label.warning')}${text}\n`);
  }

  stderrColor(): boolean {
    return colorEnabled(this.io, this.io.stderrIsTTY, !this.globals.color);
  }
}
