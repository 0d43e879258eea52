import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { BIN } from '../helpers/bin.js';
import { tempDir } from '../helpers/cli.js';
import { NOW } from '../helpers/db.js';

/**
 * A module-load hook that writes the source files each loaded bundle chunk holds (esbuild keeps a `// src/…` line
 * before each) to a log: which of our modules a command loads, whatever the chunk names.
 */
const HOOK = `
import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function load(url, context, next) {
  const result = await next(url, context);
  if (url.startsWith('file:') && result.source) {
    const sources = String(result.source).match(/^\\/\\/ src\\/\\S+/gm) ?? [];
    appendFileSync(log, sources.map((line) => line.slice(3) + '\\n').join(''));
  }
  return result;
}`;

/** The src/ files the built binary loads to run `args` on a database with one shop. */
function modulesLoaded(args: string[]): string[] {
  const dir = tempDir();
  const db = join(dir, 'shop.db');
  const d = openDatabase(db);
  try {
    addShop(d, { name: 'Tea House', platform: 'taobao' }, NOW);
  } finally {
    d.close();
  }
  const log = join(dir, 'modules.log');
  const preload = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOK)}`)}, { data: { log: ${JSON.stringify(log)} } });`;
  const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(preload)}`, BIN, '--db', db, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', LANG: 'C', SHOPKEEP_NOW: new Date(NOW).toISOString() },
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

const chinese = (files: string[]) => files.filter((f) => f.includes('zh-CN'));

describe('start-up: a command loads the code it runs, in the language it speaks', () => {
  it('report products in English: no Chinese strings, none of the KPI report or the services it reads', () => {
    const files = modulesLoaded(['report', 'products', '--json']);
    expect(files).toContain('src/domain/reports/products.ts');
    expect(files).toContain('src/i18n/messages/reports.ts');
    expect(chinese(files)).toEqual([]);
    for (const absent of ['src/domain/reports/kpi.ts', 'src/domain/service/returns.ts', 'src/domain/service/tickets.ts', 'src/cli/render/table.ts']) {
      expect(files).not.toContain(absent);
    }
  });

  it('report kpi in Chinese loads the Chinese strings, and not the sibling reports', () => {
    const files = modulesLoaded(['--lang', 'zh-CN', 'report', 'kpi', '--json']);
    expect(files).toContain('src/domain/reports/kpi.ts');
    expect(chinese(files)).toContain('src/i18n/messages/reports.zh-CN.ts');
    expect(files).not.toContain('src/domain/reports/products.ts');
    expect(files).not.toContain('src/cli/views/reports.ts');
  });
});
