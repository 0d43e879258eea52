import { createRequire } from 'node:module';

// Loaded only when a name is not found: the error path should not cost every start-up.
const load = () => createRequire(import.meta.url)('fastest-levenshtein') as typeof import('fastest-levenshtein');

/** Up to `limit` candidates closest to `wanted` (edit distance, prefix and substring matches first). */
export function nearest(wanted: string, candidates: Iterable<string>, limit = 3): string[] {
  const { distance } = load();
  const w = wanted.toLowerCase();
  const scored: [string, number][] = [];
  for (const c of candidates) {
    const lc = c.toLowerCase();
    const score = lc.includes(w) || w.includes(lc) ? 0 : distance(w, lc);
    if (score <= Math.max(2, Math.floor(w.length / 2))) scored.push([c, score]);
  }
  return scored.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([c]) => c);
}
