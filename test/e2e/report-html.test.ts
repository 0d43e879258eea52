import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { spawnShopkeep } from '../helpers/bin.js';
import { tempDir } from '../helpers/cli.js';
import { seedKpi } from '../unit/kpi-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function chromium(args: string[], dir: string) {
  const r = spawnSync(CHROMIUM, [...FLAGS, `--user-data-dir=${join(dir, 'profile')}`, ...args], { encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return r;
}

/** Distinct byte values in the PNG's decompressed pixel rows: a blank page has 4, a report hundreds. */
function pixelVariety(png: Buffer): { width: number; height: number; distinct: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString('latin1');
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const pixels = inflateSync(Buffer.concat(idat));
  return { width, height, distinct: new Set(pixels).size };
}

describe('the HTML report in a real headless browser', () => {
  it('loads without errors and draws its charts', () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium (.ci/run installs it)`).toBe(true);
    const dir = tempDir();
    const dbPath = join(dir, 'shop.db');
    const db = openDatabase(dbPath);
    try {
      seedKpi(db);
    } finally {
      db.close();
    }
    const built = spawnShopkeep(['--db', dbPath, 'report', 'kpi', '--date', '2026-11-20', '--format', 'html', '-o', 'report.html'], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    const file = join(dir, 'report.html');
    const url = pathToFileURL(file).href;

    // --enable-logging=stderr prints console messages and load failures as "CONSOLE" lines.
    const dom = chromium(['--enable-logging=stderr', '--v=0', '--dump-dom', url], dir);
    expect(dom.status, dom.stderr).toBe(0);
    expect(dom.stderr).not.toMatch(/CONSOLE|Uncaught|Failed to load|net::ERR_/);
    const html = dom.stdout;
    expect(html).toContain('KPI report 2026-11-20');
    expect(html.match(/<svg\b/g)?.length).toBe(3);
    // Sales bars for the 14 trend days, visitors bars, the conversion line and the product bars.
    expect(html.match(/<rect class="bar"/g)?.length).toBeGreaterThanOrEqual(14 + 14 + 2);
    expect(html).toContain('<polyline');
    expect(html).not.toContain('no data in this period');

    const shot = join(dir, 'shot.png');
    const r = chromium([`--screenshot=${shot}`, '--window-size=1200,2000', url], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(shot)).toBe(true);
    const png = pixelVariety(readFileSync(shot));
    expect(png).toMatchObject({ width: 1200, height: 2000 });
    expect(png.distinct).toBeGreaterThan(50);
    // Self-contained: nothing to fetch, nothing to run.
    expect(readFileSync(file, 'utf8')).not.toMatch(/<script|<link|<img|url\(/i);
  }, 120_000);
});
