import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { addProduct } from '../../src/domain/catalog/products.js';
import { receiveStock } from '../../src/domain/inventory/stock.js';
import { addOrder } from '../../src/domain/orders/create.js';
import { findOrder } from '../../src/domain/orders/find.js';
import { holdOrder } from '../../src/domain/orders/transitions.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { NOW } from '../helpers/db.js';
import { withDb } from '../helpers/cli.js';

/** A database file with a Taobao shop, two paid orders (A1, A2), an unpaid one (U1) and a held one (H1). */
function setUp() {
  const ctx = withDb();
  const db = openDatabase(ctx.db);
  try {
    addShop(db, { name: 'Tea House', platform: 'taobao' }, NOW);
    addProduct(db, { title: '西湖龙井', sku: { code: 'LJ', price: '368', location: 'A-1' } }, NOW);
    addProduct(db, { title: 'Gaiwan', sku: { code: 'GW', price: '88' } }, NOW);
    receiveStock(db, { sku: 'LJ', quantity: 20 }, NOW);
    receiveStock(db, { sku: 'GW', quantity: 20 }, NOW);
    const address = { province: '浙江省', city: '杭州市', district: '西湖区', street: '文三路 100 号' };
    const buyer = { name: '王芳', phone: '13812345678' };
    addOrder(db, { platformOrderId: 'A1', buyer, address, items: [{ sku: 'LJ', quantity: 2 }], paid: true }, NOW);
    addOrder(db, { platformOrderId: 'A2', buyer, address, items: [{ sku: 'LJ', quantity: 1 }, { sku: 'GW', quantity: 1 }], paid: true }, NOW);
    addOrder(db, { platformOrderId: 'U1', buyer, address, items: [{ sku: 'GW', quantity: 1 }] }, NOW);
    addOrder(db, { platformOrderId: 'H1', buyer, address, items: [{ sku: 'GW', quantity: 1 }], paid: true }, NOW);
    holdOrder(db, { ref: 'H1' }, 'address check', NOW);
  } finally {
    db.close();
  }
  const statuses = (...refs: string[]) => {
    const check = openDatabase(ctx.db);
    try {
      return refs.map((r) => findOrder(check, r).status);
    } finally {
      check.close();
    }
  };
  return { ...ctx, statuses };
}

describe('order pick', () => {
  it('prints the pick list and marks the paid orders picking', async () => {
    const { run, statuses } = setUp();
    const r = await run(['order', 'pick', 'A1', 'A2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^PICK LIST · Tea House\n/);
    expect(r.stdout).toContain('[ ] A-1  ×3  LJ  西湖龙井\n    for: A1, A2\n');
    expect(r.stdout).toContain('[ ] —    ×1  GW  Gaiwan\n    for: A2\n');
    expect(r.stderr).toContain('2 order(s) marked picking');
    expect(statuses('A1', 'A2')).toEqual(['picking', 'picking']);
  });

  it('takes every paid order with --all, prints JSON, and marks nothing with --no-mark', async () => {
    const { run, statuses } = setUp();
    const r = await run(['order', 'pick', '--all', '--no-mark', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.pickList.orders.map((o: { order: string }) => o.order)).toEqual(['A1', 'A2']);
    expect(json.pickList.items).toEqual([
      { sku: 'LJ', title: '西湖龙井', variant: null, location: 'A-1', quantity: 3, orders: ['A1', 'A2'] },
      { sku: 'GW', title: 'Gaiwan', variant: null, location: null, quantity: 1, orders: ['A2'] },
    ]);
    expect(json.pickList.unmatched).toEqual([]);
    expect(statuses('A1', 'A2')).toEqual(['paid', 'paid']);
  });

  it('speaks Chinese, and writes a self-contained HTML file with -o', async () => {
    const { run, dir, statuses } = setUp();
    const zh = await run(['order', 'pick', '--all', '--no-mark', '--lang', 'zh-CN'], { tty: true, env: { NO_COLOR: '1' } });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('拣货单 · Tea House');
    expect(zh.stdout).toContain('订单：A1, A2');
    const file = await run(['order', 'pick', '--all', '-o', 'picks.html']);
    expect(file.code).toBe(0);
    expect(file.stdout).toBe('');
    expect(file.stderr).toContain('written to picks.html');
    const html = readFileSync(join(dir, 'picks.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link/);
    expect(statuses('A1', 'A2')).toEqual(['picking', 'picking']);
  });

  it('exits 2 with a hint when nothing is selected, or for a format it cannot print, marking nothing', async () => {
    const { run, statuses, dir } = setUp();
    const none = await run(['order', 'pick']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no orders selected');
    expect(none.stderr).toContain('--all');
    const csv = await run(['order', 'pick', 'A1', '--format', 'csv', '-o', 'x.csv']);
    expect(csv.code).toBe(2);
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
    expect(statuses('A1')).toEqual(['paid']);
  });

  it('exits 0 with a note when --all finds nothing to pick or pack', async () => {
    const { run } = setUp();
    expect((await run(['order', 'pack', '--all'])).code).toBe(0);
    const pick = await run(['order', 'pick', '--all']);
    expect(pick.code).toBe(0);
    expect(pick.stdout).toContain('Nothing to pick.');
    expect(pick.stderr).toContain('nothing to pick');
    const pack = await run(['order', 'pack', '--all']);
    expect(pack).toMatchObject({ code: 0, stdout: '' });
    expect(pack.stderr).toContain('nothing to pack');
  });

  it('exits 4 naming the status of an order that cannot be picked, and marks none', async () => {
    const { run, statuses } = setUp();
    const r = await run(['order', 'pick', 'A1', 'U1']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('order U1 is pending payment');
    expect(r.stdout).toBe('');
    const zh = await run(['order', 'pick', 'H1', '--lang', 'zh-CN']);
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain('订单 H1 当前为已挂起');
    expect(statuses('A1', 'U1', 'H1')).toEqual(['paid', 'pending_payment', 'on_hold']);
    expect((await run(['order', 'pick', 'NOPE'])).code).toBe(3);
  });
});

describe('order pack', () => {
  it('prints one slip per order, separated by a form feed, phone masked, and marks them packed', async () => {
    const { run, statuses } = setUp();
    const r = await run(['order', 'pack', 'A1', 'A2']);
    expect(r.code).toBe(0);
    const slips = r.stdout.split('\f');
    expect(slips).toHaveLength(2);
    expect(slips[0]).toMatch(/^PACKING SLIP\nTea House · Order A1\nPlaced 2026-11-25 16:00\n/);
    expect(slips[0]).toContain('王芳  138****5678');
    expect(slips[0]).toContain('浙江省杭州市西湖区文三路 100 号');
    expect(slips[1]).toContain('[ ] GW  1 ×  Gaiwan');
    expect(r.stdout).not.toContain('13812345678');
    expect(r.stderr).toContain('2 order(s) marked packed');
    expect(statuses('A1', 'A2')).toEqual(['packed', 'packed']);
  });

  it('reveals the phone on request, reprints a packed order, and prints HTML with a page per slip', async () => {
    const { run, statuses } = setUp();
    await run(['order', 'pick', 'A1']);
    const html = await run(['order', 'pack', 'A1', 'A2', '--format', 'html', '--lang', 'zh-CN']);
    expect(html.code).toBe(0);
    expect(html.stdout.match(/<section class="slip">/g)).toHaveLength(2);
    expect(html.stdout).toContain('装箱单');
    expect(statuses('A1', 'A2')).toEqual(['packed', 'packed']);
    const again = await run(['order', 'pack', 'A1', '--reveal']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('13812345678');
    expect(again.stderr).not.toContain('marked packed');
  });

  it('refuses the lot (exit 4) when one order cannot be packed', async () => {
    const { run, statuses } = setUp();
    const r = await run(['order', 'pack', 'A1', 'H1']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('H1');
    expect(r.stdout).toBe('');
    expect(statuses('A1', 'H1')).toEqual(['paid', 'on_hold']);
  });

  it('packs every paid or picking order with --all, as JSON', async () => {
    const { run, statuses } = setUp();
    const r = await run(['order', 'pack', '--all', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.packingSlips.map((s: { order: string }) => s.order)).toEqual(['A1', 'A2']);
    expect(json.packingSlips[0].recipient).toEqual({ name: '王芳', phone: '138****5678' });
    expect(json.packingSlips[0].status).toBe('packed');
    expect(statuses('A1', 'A2', 'U1', 'H1')).toEqual(['packed', 'packed', 'pending_payment', 'on_hold']);
  });
});
