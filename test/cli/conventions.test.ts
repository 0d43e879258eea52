import { describe, expect, it } from 'vitest';
import { ENTRIES } from '../../src/cli/commands/registry.js';
import { run, withDb } from '../helpers/cli.js';

describe('global conventions', () => {
  const verbsIn = (help: string) =>
    (help.split(/^Commands:$/m)[1] ?? '').match(/^ {2}\w[\w-]*/gm)?.map((v) => v.trim()).filter((v) => v !== 'help') ?? [];

  it('prints help with examples for every verb, in English and Chinese', async () => {
    let checked = 0;
    for (const entry of ENTRIES) {
      const verbs = verbsIn((await run([entry.name, '--help'])).stdout);
      const paths = verbs.length > 0 ? verbs.map((v) => [entry.name, v]) : [[entry.name]];
      for (const path of paths) {
        for (const lang of ['en', 'zh-CN']) {
          const help = await run([...path, '--help', '--lang', lang]);
          expect(help.code, path.join(' ')).toBe(0);
          expect(help.stdout, path.join(' ')).toContain(lang === 'en' ? 'Examples:' : '示例：');
          expect(help.stdout, path.join(' ')).toContain('$ shopkeep');
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2 * 22);
  });

  it('translates the root help and its section titles', async () => {
    const zh = await run(['--help'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stdout).toContain('用法：');
    expect(zh.stdout).toContain('命令：');
    const en = await run(['--help'], { env: { LANG: 'zh_CN.UTF-8', SHOPKEEP_LANG: 'en' } });
    expect(en.stdout).toContain('Usage:');
  });

  it('prints the version', async () => {
    const r = await run(['--version']);
    expect(r).toMatchObject({ code: 0 });
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 with a translated message and a hint on an unknown option or command', async () => {
    const option = await run(['shop', 'list', '--bogus']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('unknown option --bogus');
    expect(option.stderr).toContain('Hint: see "shopkeep shop --help"');
    const zh = await run(['shop', 'list', '--bogus', '--lang', 'zh-CN']);
    expect(zh.stderr).toMatch(/^错误：.*--bogus/);
    const command = await run(['shop', 'frobnicate']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('frobnicate');
    expect((await run(['--lang', 'fr', 'shop', 'list'])).code).toBe(2);
  });

  it('refuses an unknown --format', async () => {
    const { run: sk } = withDb();
    const r = await sk(['shop', 'list', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('xml');
  });
});

describe('output by destination', () => {
  const setUp = async () => {
    const ctx = withDb();
    await ctx.run(['shop', 'add', 'Tea House', '--platform', 'taobao']);
    await ctx.run(['product', 'add', '--title', '西湖龙井', '--sku', 'LJ', '--price', '368', '--threshold', '5']);
    return ctx;
  };

  it('draws a table on a terminal and plain tab-separated rows in a pipe', async () => {
    const { run: sk } = await setUp();
    const tty = await sk(['stock', 'list'], { tty: true, env: { NO_COLOR: '1' } });
    expect(tty.stdout).toContain('┌');
    expect(tty.stdout).toContain('On hand');
    const piped = await sk(['stock', 'list']);
    expect(piped.stdout).toBe('LJ\t西湖龙井\t\t0\t0\t0\t5\tLOW\n');
  });

  it('colours only a terminal without NO_COLOR or --no-color', async () => {
    const { run: sk } = await setUp();
    const esc = '\u001b[';
    expect((await sk(['stock', 'list'], { tty: true })).stdout).toContain(esc);
    expect((await sk(['stock', 'list'], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(esc);
    expect((await sk(['stock', 'list', '--no-color'], { tty: true })).stdout).not.toContain(esc);
    expect((await sk(['stock', 'list'], { tty: true, env: { TERM: 'dumb' } })).stdout).not.toContain(esc);
    expect((await sk(['stock', 'list', '--format', 'table'])).stdout).not.toContain(esc);
  });

  it('--json and --format json print the same stable JSON; csv prints a header', async () => {
    const { run: sk } = await setUp();
    const json = JSON.parse((await sk(['stock', 'list', '--json'])).stdout);
    expect(json).toEqual({ stock: [expect.objectContaining({ sku: 'LJ', onHand: 0, reserved: 0, available: 0, lowStockThreshold: 5, low: true })] });
    expect(JSON.parse((await sk(['stock', 'list', '--format', 'json'])).stdout)).toEqual(json);
    expect((await sk(['stock', 'list', '--format', 'csv'])).stdout.split('\r\n')[0]).toBe('sku,title,variant,onHand,reserved,available,threshold,low');
  });

  it('keeps confirmations on stderr and silences them with --quiet', async () => {
    const { run: sk } = await setUp();
    const loud = await sk(['stock', 'receive', 'LJ', '5']);
    expect(loud.stdout).toBe('');
    expect(loud.stderr).toContain('receive LJ +5 → on hand 5');
    const quiet = await sk(['stock', 'receive', 'LJ', '5', '-q']);
    expect(quiet.stderr).toBe('');
  });

  it('speaks Chinese with --lang zh-CN, LANG=zh_CN or SHOPKEEP_LANG', async () => {
    const { run: sk } = await setUp();
    expect((await sk(['stock', 'receive', 'NOPE', '1', '--lang', 'zh-CN'])).stderr).toMatch(/^错误：/);
    expect((await sk(['stock', 'receive', 'NOPE', '1'], { env: { LANG: 'zh_CN.UTF-8' } })).stderr).toMatch(/^错误：/);
    expect((await sk(['stock', 'receive', 'NOPE', '1'], { env: { SHOPKEEP_LANG: 'zh-CN' } })).stderr).toMatch(/^错误：/);
    expect((await sk(['stock', 'list', '--lang', 'zh-CN'], { tty: true, env: { NO_COLOR: '1' } })).stdout).toMatch(/在库|库存/);
  });
});

describe('exit codes', () => {
  it('maps each failure to its documented code', async () => {
    const { run: sk } = withDb();
    expect((await sk(['shop', 'add', 'A', '--platform', 'taobao'])).code).toBe(0);
    expect((await sk(['shop', 'add', 'A', '--platform', 'taobao'])).code).toBe(4);
    expect((await sk(['shop', 'add', 'B', '--platform', 'shopify', '--currency', 'ABC', '--timezone', 'UTC'])).code).toBe(2);
    expect((await sk(['shop', 'add', 'B', '--platform', 'shopify', '--currency', 'USD', '--timezone', 'Moon/Base'])).code).toBe(2);
    expect((await sk(['product', 'add', '--title', 'T', '--sku', 'S', '--price', '12.345'])).code).toBe(2);
    expect((await sk(['product', 'add', '--title', 'T', '--sku', 'S', '--price', '12.34'])).code).toBe(0);
    expect((await sk(['product', 'add', '--title', 'T2', '--sku', 'S', '--price', '1'])).code).toBe(4);
    expect((await sk(['stock', 'adjust', 'S', '-1', '--reason', 'x'])).code).toBe(4);
    expect((await sk(['stock', 'receive', 'SS', '1'])).code).toBe(3);
    expect((await sk(['product', 'show', 'nothing-like-it'])).code).toBe(3);
    expect((await sk(['shop', 'edit', 'Nope', '--timezone', 'UTC'])).code).toBe(3);
    expect((await sk(['db', 'check'])).code).toBe(0);
  });

  it('names the nearest SKUs for an unknown one', async () => {
    const { run: sk } = withDb();
    await sk(['shop', 'add', 'A', '--platform', 'jd']);
    await sk(['product', 'add', '--title', 'Tee', '--sku', 'TEE-WHITE-M', '--price', '1']);
    const r = await sk(['stock', 'receive', 'TEE-WHTE-M', '1']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('did you mean: TEE-WHITE-M?');
  });
});

describe('prompts', () => {
  it('asks on a terminal for what is missing', async () => {
    const { run: sk } = withDb();
    await sk(['shop', 'add', 'A', '--platform', 'jd']);
    const r = await sk(['product', 'add', '--price', '9.90'], { tty: true, answers: ['Tea towel', 'TOWEL-1'] });
    expect(r.code).toBe(0);
    expect(r.asked).toEqual(['Product title', 'SKU code']);
    expect(JSON.parse((await sk(['product', 'show', 'TOWEL-1', '--json'])).stdout).product).toMatchObject({ title: 'Tea towel', skus: [{ price: '9.90' }] });
  });

  it('never asks without a terminal, or with --no-input: exit 2 naming the flag', async () => {
    const { run: sk } = withDb();
    await sk(['shop', 'add', 'A', '--platform', 'jd']);
    for (const options of [{ tty: false }, { tty: true }]) {
      const r = await sk(['product', 'add', '--title', 'X', '--no-input', '--price', '1'].filter((a) => options.tty || a !== '--no-input'), { ...options, answers: [] });
      expect(r.code).toBe(2);
      expect(r.asked).toEqual([]);
      expect(r.stderr).toContain('missing --sku');
    }
  });

  it('asks for the first shop in init on a terminal, takes flags elsewhere', async () => {
    const a = withDb();
    const asked = await a.run(['init'], { tty: true, answers: ['Tea House US', 'shopify', 'USD', 'America/New_York'] });
    expect(asked.code).toBe(0);
    expect(asked.asked).toHaveLength(4);
    expect(JSON.parse((await a.run(['shop', 'list', '--json'])).stdout).shops).toEqual([expect.objectContaining({ name: 'Tea House US', currency: 'USD', timezone: 'America/New_York', isDefault: true })]);
    const b = withDb();
    expect((await b.run(['init'])).code).toBe(2);
    expect((await b.run(['init', '--shop', '茶舍', '--platform', 'pdd'])).code).toBe(0);
    expect((await b.run(['init'])).stderr).toContain('already set up');
  });
});

