import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { addProduct } from '../../src/domain/catalog/products.js';
import { receiveStock } from '../../src/domain/inventory/stock.js';
import { addOrder } from '../../src/domain/orders/create.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { withDb } from '../helpers/cli.js';
import { NOW } from '../helpers/db.js';

/** A database file: Tea House with 王芳 (two paid orders) and 李雷 (one). */
function setUp() {
  const ctx = withDb();
  const db = openDatabase(ctx.db);
  try {
    addShop(db, { name: 'Tea House', platform: 'taobao' }, NOW);
    addProduct(db, { title: '西湖龙井', sku: { code: 'LJ', price: '368' } }, NOW);
    receiveStock(db, { sku: 'LJ', quantity: 20 }, NOW);
    const address = { province: '浙江省', city: '杭州市', street: '文三路 100 号' };
    const fang = { name: '王芳', phone: '13812345678', email: 'fang@example.com' };
    addOrder(db, { platformOrderId: 'A1', buyer: fang, address, items: [{ sku: 'LJ', quantity: 1 }], paid: true }, NOW - 86_400_000);
    addOrder(db, { platformOrderId: 'A2', buyer: fang, address, items: [{ sku: 'LJ', quantity: 2 }], paid: true }, NOW);
    addOrder(db, { platformOrderId: 'B1', buyer: { name: '李雷', phone: '13900001111' }, address, items: [{ sku: 'LJ', quantity: 1 }], paid: true }, NOW);
  } finally {
    db.close();
  }
  return ctx;
}

describe('customer list', () => {
  it('masks names and phones in a pipe and in JSON; --reveal shows them', async () => {
    const { run } = setUp();
    const piped = await run(['customer', 'list', '--search', '王']);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toContain('王*\t138****5678');
    expect(piped.stdout).not.toContain('13812345678');
    expect(piped.stdout).toContain('¥1,104.00');
    const revealed = await run(['customer', 'list', '--search', '王', '--reveal']);
    expect(revealed.stdout).toContain('王芳\t13812345678');
    const json = JSON.parse((await run(['customer', 'list', '--search', '王', '--json'])).stdout);
    expect(json.customers[0]).toMatchObject({ code: 'C-1', name: '王*', phone: '138****5678', email: 'f***@example.com', orders: 2 });
    expect(json.customers[0].spend).toEqual([{ currency: 'CNY', paidOrders: 2, paid: '1104.00', refunded: '0.00', spend: '1104.00', averageOrder: '552.00' }]);
    const open = JSON.parse((await run(['customer', 'list', '--search', '王', '--json', '--reveal'])).stdout);
    expect(open.customers[0]).toMatchObject({ name: '王芳', phone: '13812345678', email: 'fang@example.com' });
  });

  it('ranks with --top and refuses a --top that is not 1 or more (exit 2)', async () => {
    const { run } = setUp();
    const top = JSON.parse((await run(['customer', 'list', '--top', '1', '--json'])).stdout);
    expect(top.customers.map((c: { code: string; rank: number }) => [c.code, c.rank])).toEqual([['C-1', 1]]);
    expect((await run(['customer', 'list', '--top', '0'])).code).toBe(2);
    expect((await run(['customer', 'list', '--top', 'many'])).code).toBe(2);
    expect((await run(['customer', 'list', '--shop', 'Nope'])).code).toBe(3);
  });

  it('prints an empty list with exit 0 and translated headers', async () => {
    const { run } = setUp();
    const empty = await run(['customer', 'list', '--tag', 'none'], { tty: true, env: { NO_COLOR: '1' } });
    expect(empty).toMatchObject({ code: 0, stdout: 'no customers match\n' });
    const zh = await run(['customer', 'list', '--lang', 'zh-CN'], { tty: true, env: { NO_COLOR: '1' } });
    expect(zh.stdout).toContain('累计消费');
    expect(zh.stdout).toContain('王*');
  });
});

describe('customer show', () => {
  it('shows the customer masked, by C-id, email or phone; unknown is exit 3', async () => {
    const { run } = setUp();
    const shown = await run(['customer', 'show', 'C-1'], { tty: true, env: { NO_COLOR: '1' } });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('C-1 · Tea House');
    expect(shown.stdout).toContain('138****5678');
    expect(shown.stdout).toContain('f***@example.com');
    expect(shown.stdout).toMatch(/Average order\s+¥552\.00/);
    expect(shown.stdout).toContain('Orders (latest 2 of 2)');
    expect(shown.stdout).not.toContain('13812345678');
    expect((await run(['customer', 'show', 'C-1', '--reveal'], { tty: true, env: { NO_COLOR: '1' } })).stdout).toContain('13812345678');
    const json = JSON.parse((await run(['customer', 'show', 'fang@example.com', '--json'])).stdout);
    expect(json.customer).toMatchObject({ code: 'C-1', name: '王*', tickets: { count: 0, recent: [] }, returns: { count: 0 }, reviews: { count: 0 } });
    expect(json.customer.recentOrders.map((o: { order: string }) => o.order)).toEqual(['A2', 'A1']);
    expect(JSON.parse((await run(['customer', 'show', '139 0000 1111', '--json'])).stdout).customer.code).toBe('C-2');
    const missing = await run(['customer', 'show', 'C-99']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('no customer "C-99"');
  });

  it('never prints the phone it was asked for in an error', async () => {
    const { run } = setUp();
    const r = await run(['customer', 'show', '13700000000']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('no customer "137****0000"');
    expect(r.stderr).not.toContain('13700000000');
    const email = await run(['customer', 'show', 'someone@example.com']);
    expect(email.stderr).toContain('s***@example.com');
    expect(email.stderr).not.toContain('someone@');
  });
});

describe('customer edit', () => {
  it('tags and notes a customer; nothing to change is exit 2', async () => {
    const { run } = setUp();
    const r = await run(['customer', 'edit', 'C-2', '--tag', 'vip', '--note', 'prefers SF', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('C-2 updated');
    expect(JSON.parse(r.stdout).customer).toMatchObject({ tags: ['vip'], note: 'prefers SF', name: '李*' });
    const again = await run(['customer', 'edit', 'C-2', '--tag', 'VIP']);
    expect(again.stderr).toContain('nothing changed');
    const listed = JSON.parse((await run(['customer', 'list', '--tag', 'vip', '--json'])).stdout);
    expect(listed.customers.map((c: { code: string }) => c.code)).toEqual(['C-2']);
    await run(['customer', 'edit', 'C-2', '--untag', 'vip', '--note', '']);
    expect(JSON.parse((await run(['customer', 'show', 'C-2', '--json'])).stdout).customer).toMatchObject({ tags: [], note: null });
    expect((await run(['customer', 'edit', 'C-2'])).code).toBe(2);
    expect((await run(['customer', 'edit', 'C-9', '--tag', 'x'])).code).toBe(3);
  });
});
