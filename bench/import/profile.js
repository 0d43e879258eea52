// Summarises a V8 .cpuprofile (node --cpu-prof): self time per function and per area (csv-parse,
// better-sqlite3/SQLite, shopkeep's own code, GC …), from the samples and their time deltas.
import { readFileSync } from 'node:fs';

function areaOf(url, name) {
  if (name === '(garbage collector)') return 'garbage collector';
  if (name === '(program)' || name === '(idle)' || name === '(root)') return 'V8/runtime (program)';
  if (url.includes('node_modules/csv-parse')) return 'csv-parse';
  if (url.includes('node_modules/better-sqlite3')) return 'better-sqlite3 (JS side)';
  if (url.includes('node_modules/iconv-lite')) return 'iconv-lite';
  if (url.includes('node_modules/')) return `node_modules/${url.split('node_modules/')[1].split('/')[0]}`;
  if (url.includes('/dist/')) return 'shopkeep (dist)';
  if (url.startsWith('node:')) return 'Node internals';
  if (url === '') return 'native (SQLite via better-sqlite3, crypto, Buffer, RegExp …)';
  return url;
}

/** Top `n` functions by self time, and every area's share. Times in ms. */
export function summariseProfile(file, n = 15) {
  const p = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(p.nodes.map((node) => [node.id, node]));
  const self = new Map();
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + dt);
  }
  const fns = new Map();
  const areas = new Map();
  let total = 0;
  for (const [id, ms] of self) {
    const { callFrame: f } = byId.get(id);
    const short = f.url.replace(/^file:\/\/.*?\/(dist|node_modules)\//, '$1/');
    const key = `${f.functionName || '(anonymous)'}  ${short ? `${short}:${f.lineNumber + 1}` : ''}`.trim();
    fns.set(key, (fns.get(key) ?? 0) + ms);
    const area = areaOf(f.url, f.functionName);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    total += ms;
  }
  const sort = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return { total, top: sort(fns).slice(0, n), areas: sort(areas) };
}

export function printProfile({ total, top, areas }, log = console.log) {
  const pct = (ms) => `${((ms / total) * 100).toFixed(1).padStart(5)}%`;
  log(`  sampled ${(total / 1000).toFixed(1)} s`);
  log('  by area (self time):');
  for (const [area, ms] of areas) log(`    ${pct(ms)}  ${(ms / 1000).toFixed(1).padStart(7)} s  ${area}`);
  log('  top functions (self time):');
  for (const [fn, ms] of top) log(`    ${pct(ms)}  ${(ms / 1000).toFixed(1).padStart(7)} s  ${fn}`);
}
