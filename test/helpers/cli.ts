import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { runCli } from '../../src/cli/run.js';
import type { Io } from '../../src/cli/io.js';
import type { Prompter } from '../../src/cli/prompter.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  asked: string[];
}

export interface RunOptions {
  tty?: boolean;
  env?: Record<string, string>;
  stdin?: string | Buffer;
  answers?: string[];
  cwd?: string;
  /** The clock (default 2026-11-25T08:00:00Z). */
  now?: string;
}

/** A scripted prompter: answers in order, records each question. */
export function scriptedPrompter(answers: string[], asked: string[]): Prompter {
  const next = (message: string) => {
    asked.push(message);
    const answer = answers.shift();
    if (answer === undefined) throw new Error(`unexpected prompt: ${message}`);
    return answer;
  };
  return {
    input: async (message) => next(message),
    select: async (message) => next(message) as never,
    confirm: async (message) => next(message) === 'yes',
  };
}

/** Runs shopkeep in-process with fake streams (a terminal or a pipe) and returns what it printed. */
export async function run(argv: string[], options: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const asked: string[] = [];
  const tty = options.tty ?? false;
  const io: Io = {
    stdout: { write: (c) => (stdout += c.toString()) },
    // isTTY as a terminal's stream has it: what cli-progress asks before it draws.
    stderr: Object.assign({ write: (c: string | Uint8Array) => (stderr += c.toString()) }, { isTTY: tty }),
    stdin: options.stdin === undefined ? Readable.from([]) : Readable.from([Buffer.from(options.stdin)]),
    stdinIsTTY: tty,
    stdoutIsTTY: tty,
    stderrIsTTY: tty,
    env: { HOME: '/nonexistent', ...options.env },
    cwd: options.cwd ?? process.cwd(),
  };
  const code = await runCli(argv, { io, prompter: scriptedPrompter([...(options.answers ?? [])], asked), now: () => Date.parse(options.now ?? '2026-11-25T08:00:00Z') });
  return { code, stdout, stderr, asked };
}

export function tempDir(prefix = 'shopkeep-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A runner bound to one temporary database file. */
export function withDb(dir = tempDir()) {
  const db = join(dir, 'shop.db');
  return {
    dir,
    db,
    run: (argv: string[], options: RunOptions = {}) => run(['--db', db, ...argv], { cwd: dir, ...options }),
  };
}
