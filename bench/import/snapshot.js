// A private copy of the built binary (bin/ + dist/) for one benchmark run. A run takes minutes and `npm run
// build` replaces dist/ with chunks of new names: a command started after someone else's build, by a binary
// whose entry was loaded before it, would fail to find its lazily loaded chunk. The copy lives under
// bench/.data/import/, so node_modules still resolves from /work/main (Node walks up the directories).
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Chunk files the copied dist refers to that it does not hold (a copy taken in the middle of a build). */
function missingChunks(dist) {
  const missing = new Set();
  const files = [join(dist, 'main.js'), ...readdirSync(join(dist, 'chunks')).map((f) => join(dist, 'chunks', f))];
  for (const file of files) {
    if (!file.endsWith('.js')) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(/["']\.\.?\/(?:chunks\/)?([\w-]+\.js)["']/g)) {
      if (!existsSync(join(dist, 'chunks', m[1])) && !existsSync(join(dist, m[1]))) missing.add(m[1]);
    }
  }
  return [...missing];
}

/** Copies bin/ and dist/ into `dir` (again until the copy is whole) and returns the copied bin/shopkeep.js. */
export async function snapshotBinary(root, dir) {
  for (let attempt = 1; ; attempt++) {
    rmSync(dir, { recursive: true, force: true });
    cpSync(join(root, 'bin'), join(dir, 'bin'), { recursive: true });
    cpSync(join(root, 'dist'), join(dir, 'dist'), { recursive: true });
    const missing = missingChunks(join(dir, 'dist'));
    if (missing.length === 0) return join(dir, 'bin', 'shopkeep.js');
    if (attempt >= 10) throw new Error(`dist/ keeps changing under the copy (missing ${missing.slice(0, 3).join(', ')}): is a build running? Try again.`);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  }
}
