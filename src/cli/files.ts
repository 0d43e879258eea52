import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { unreadable, unwritable } from '../domain/errors.js';
import type { Ctx } from './context.js';
import { readAll } from './io.js';

/** The bytes of FILE, or of stdin for "-". */
export async function readInput(ctx: Ctx, path: string): Promise<{ bytes: Buffer; name: string }> {
  if (path === '-') {
    if (!ctx.io.stdin) return { bytes: Buffer.alloc(0), name: 'stdin' };
    return { bytes: await readAll(ctx.io.stdin), name: 'stdin' };
  }
  const full = resolve(ctx.io.cwd, path);
  try {
    return { bytes: readFileSync(full), name: basename(full) };
  } catch (error) {
    throw unreadable(error, path);
  }
}

/** Writes to FILE through a temporary file and a rename, so a failure never leaves half a file; "-" or none is stdout. */
export function writeOutput(ctx: Ctx, path: string | undefined, content: string | Uint8Array): void {
  if (path === undefined || path === '-') {
    ctx.io.stdout.write(content);
    return;
  }
  const full = resolve(ctx.io.cwd, path);
  const temp = join(dirname(full), `.${basename(full)}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    writeFileSync(temp, content, { mode: 0o600 });
    renameSync(temp, full);
  } catch (error) {
    rmSync(temp, { force: true });
    throw unwritable(error, path);
  }
}
