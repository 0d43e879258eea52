import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, spawnShopkeep } from '../helpers/bin.js';
import { tempDir } from '../helpers/cli.js';

function runAsync(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

function shopWithLastUnit(backorder: boolean) {
  const dir = tempDir();
  const db = join(dir, 'shop.db');
  const sk = (...args: string[]) => {
    const r = spawnShopkeep(['--db', db, ...args]);
    if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
    return r;
  };
  sk('init', '--shop', 'T', '--platform', 'taobao');
  sk('product', 'add', '--title', 'Last one', '--sku', 'LAST', '--price', '10', ...(backorder ? ['--backorder'] : []));
  sk('stock', 'receive', 'LAST', '1');
  sk('order', 'add', '--number', 'O1', '--items', 'LAST:1', '--buyer', 'A', ...(backorder ? ['--paid'] : []));
  sk('order', 'add', '--number', 'O2', '--items', 'LAST:1', '--buyer', 'B', ...(backorder ? ['--paid'] : []));
  return { db, sk };
}

describe('two processes racing for the last unit', () => {
  it('paying: exactly one succeeds, the other gets exit 4, and no SQLITE_BUSY reaches the user', async () => {
    for (let round = 0; round < 3; round++) {
      const { db, sk } = shopWithLastUnit(false);
      const results = await Promise.all(['O1', 'O2'].map((o) => runAsync(['--db', db, 'order', 'pay', o])));
      expect(results.map((r) => r.code).sort()).toEqual([0, 4]);
      expect(results.map((r) => r.stderr).join('')).not.toMatch(/SQLITE|busy/i);
      expect(JSON.parse(sk('stock', 'list', '--json').stdout).stock[0]).toMatchObject({ onHand: 1, reserved: 1, available: 0 });
      expect(sk('db', 'check').code).toBe(0);
    }
  });

  it('shipping: exactly one succeeds, the other gets exit 4, stock never goes below zero', async () => {
    for (let round = 0; round < 3; round++) {
      const { db, sk } = shopWithLastUnit(true);
      const results = await Promise.all(['O1', 'O2'].map((o) => runAsync(['--db', db, 'order', 'ship', o, '--carrier', 'SF', '--tracking', `SF12345678901${o.at(-1)}0`])));
      expect(results.map((r) => r.code).sort()).toEqual([0, 4]);
      expect(results.map((r) => r.stderr).join('')).not.toMatch(/SQLITE|busy/i);
      expect(JSON.parse(sk('stock', 'list', '--json').stdout).stock[0]).toMatchObject({ onHand: 0, reserved: 1 });
      expect(sk('db', 'check').code).toBe(0);
    }
  });
});

describe('an order from start to finish on the built binary', () => {
  it('add → pay → check → pick → pack → ship → deliver', () => {
    const dir = tempDir();
    const db = join(dir, 'shop.db');
    const sk = (...args: string[]) => spawnShopkeep(['--db', db, ...args]);
    expect(sk('init', '--shop', '山间茶舍', '--platform', 'taobao').code).toBe(0);
    expect(sk('product', 'add', '--title', '西湖龙井', '--sku', 'LJ', '--price', '368', '--location', 'A-01').code).toBe(0);
    expect(sk('stock', 'receive', 'LJ', '10').code).toBe(0);
    const added = sk('order', 'add', '--number', '3012345678901234567', '--items', 'LJ:2', '--buyer', '王芳', '--phone', '13812345678', '--province', '浙江省', '--city', '杭州市', '--street', '文三路 100 号', '--json');
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout).order).toMatchObject({ platformOrderId: '3012345678901234567', status: 'pending_payment', total: '736.00', address: { phone: '138****5678' } });
    expect(sk('order', 'pay', '3012345678901234567').code).toBe(0);
    const check = JSON.parse(sk('order', 'check', '3012345678901234567', '--json').stdout);
    expect(check.orders[0].flags).toEqual([]);
    const pick = sk('order', 'pick', '3012345678901234567', '--format', 'md');
    expect(pick.code).toBe(0);
    expect(pick.stdout).toContain('LJ');
    expect(pick.stdout).toContain('A-01');
    expect(sk('order', 'pack', '3012345678901234567', '-o', join(dir, 'slip.html'), '--format', 'html').code).toBe(0);
    const ship = sk('order', 'ship', '3012345678901234567', '--carrier', 'SF', '--tracking', 'SF1234567890123', '--json');
    expect(ship.code).toBe(0);
    expect(JSON.parse(ship.stdout).order.shipments[0]).toMatchObject({ carrier: 'SF', trackingUrl: expect.stringContaining('SF1234567890123') });
    expect(sk('order', 'deliver', '3012345678901234567').code).toBe(0);
    const shown = JSON.parse(sk('order', 'show', '3012345678901234567', '--json', '--reveal').stdout).order;
    expect(shown.status).toBe('delivered');
    expect(shown.address.phone).toBe('13812345678');
    expect(shown.events.filter((e: { kind: string }) => e.kind === 'status').map((e: { to: string }) => e.to)).toEqual(['paid', 'picking', 'packed', 'shipped', 'delivered']);
    expect(JSON.parse(sk('stock', 'list', '--json').stdout).stock[0]).toMatchObject({ onHand: 8, reserved: 0 });
    expect(sk('order', 'ship', 'NOPE', '--carrier', 'SF', '--tracking', 'X').code).toBe(3);
  });
});
