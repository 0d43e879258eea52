import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { addProduct } from '../../src/domain/catalog/products.js';
import { findSku } from '../../src/domain/catalog/lookup.js';
import { receiveStock } from '../../src/domain/inventory/stock.js';
import { addOrder } from '../../src/domain/orders/create.js';
import { findOrder } from '../../src/domain/orders/find.js';
import { shipOrder } from '../../src/domain/orders/ship.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { withDb } from '../helpers/cli.js';
import { NOW } from '../helpers/db.js';

/** A database file with a Taobao shop and order T1 (2 × LJ at ¥368, 1 × GW at ¥88, paid ¥824), shipped. */
function setUp() {
  const sk = withDb();
  const db = openDatabase(sk.db);
  try {
    addShop(db, { name: 'Tea House', platform: 'taobao' }, NOW);
    addProduct(db, { title: '西湖龙井', sku: { code: 'LJ', price: '368' } }, NOW);
    addProduct(db, { title: 'Gaiwan', sku: { code: 'GW', price: '88' } }, NOW);
    receiveStock(db, { sku: 'LJ', quantity: 10 }, NOW);
    receiveStock(db, { sku: 'GW', quantity: 10 }, NOW);
    const address = { name: '王芳', phone: '13812345678', province: '浙江省', city: '杭州市', street: '文三路 100 号' };
    addOrder(db, { platformOrderId: 'T1', buyer: { name: '王芳', phone: '13812345678' }, address, items: [{ sku: 'LJ', quantity: 2 }, { sku: 'GW', quantity: 1 }], paid: true }, NOW);
    shipOrder(db, { ref: 'T1', carrier: 'SF', tracking: 'SF1234567890123' }, NOW);
  } finally {
    db.close();
  }
  const look = <T>(fn: (db: ReturnType<typeof openDatabase>) => T): T => {
    const db = openDatabase(sk.db);
    try {
      return fn(db);
    } finally {
      db.close();
    }
  };
  return { ...sk, look };
}

describe('return open', () => {
  it('opens a return, says so on stderr, prints it; --json is keyed under "return"', async () => {
    const { run } = setUp();
    const r = await run(['return', 'open', 'T1', '--items', 'LJ:1', '--type', 'return', '--reason', 'too strong', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('opened return R-000001 (return) for order T1\n');
    const json = JSON.parse(r.stdout);
    expect(json.return).toMatchObject({
      number: 'R-000001',
      order: 'T1',
      shop: 'Tea House',
      type: 'return',
      status: 'requested',
      reason: 'too strong',
      refunded: '0.00',
      orderPaid: '824.00',
      buyer: { name: '王*', phone: '138****5678' },
      lines: [{ sku: 'LJ', title: '西湖龙井', quantity: 1, unitPrice: '368.00' }],
      timeline: [{ status: 'requested', at: '2026-11-25T08:00:00.000Z' }],
    });
  });

  it('more than was shipped is exit 4; a missing flag off a terminal is exit 2 naming it', async () => {
    const { run } = setUp();
    const over = await run(['return', 'open', 'T1', '--items', 'LJ:3', '--type', 'return', '--reason', 'x']);
    expect(over.code).toBe(4);
    expect(over.stderr).toContain('Error: order T1: 3 of LJ to return, but 2 shipped and 0 already on its returns; at most 2 can be returned');
    expect(over.stdout).toBe('');
    const noReason = await run(['return', 'open', 'T1', '--items', 'LJ:1', '--type', 'return']);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('missing --reason');
    const noType = await run(['return', 'open', 'T1', '--items', 'LJ:1', '--reason', 'x']);
    expect(noType.code).toBe(2);
    expect(noType.stderr).toContain('missing --type');
    const badType = await run(['return', 'open', 'T1', '--items', 'LJ:1', '--type', 'swap', '--reason', 'x']);
    expect(badType.code).toBe(2);
    expect((await run(['return', 'open', 'NOPE', '--items', 'LJ:1', '--type', 'return', '--reason', 'x'])).code).toBe(3);
  });

  it('asks for what is missing on a terminal', async () => {
    const { run } = setUp();
    const r = await run(['return', 'open', 'T1'], { tty: true, answers: ['exchange', 'GW:1', 'cracked lid'] });
    expect(r.code).toBe(0);
    expect(r.asked).toEqual(['Type', 'Items to return (SKU:QTY,…)', 'Reason']);
    expect(r.stdout).toContain('R-000001 · T1 · Tea House');
  });
});

describe('return flow through the CLI', () => {
  it('approve, receive (once), refund (never above paid), close; the stock and the order follow', async () => {
    const { run, look } = setUp();
    await run(['return', 'open', 'T1', '--items', 'LJ:2', '--type', 'return', '--reason', 'too strong']);
    const early = await run(['return', 'receive', 'R-000001', '--condition', 'resellable']);
    expect(early.code).toBe(4);
    expect(early.stderr).toContain('Error: return R-000001 (return) is requested; it cannot become received (allowed next: approved, rejected)');
    expect(early.stderr).toContain('Hint: next: shopkeep return approve R-000001 · shopkeep return reject R-000001 --reason TEXT');

    expect((await run(['return', 'approve', 'R-000001'])).stderr).toBe('return R-000001 is now approved\n');
    const received = await run(['return', 'receive', 'R-000001', '--condition', 'resellable']);
    expect(received.code).toBe(0);
    expect(look((db) => findSku(db, 'LJ').onHand)).toBe(10);
    const twice = await run(['return', 'receive', 'R-000001', '--condition', 'resellable']);
    expect(twice.code).toBe(4);
    expect(twice.stderr).toContain('already received (resellable)');
    expect(look((db) => findSku(db, 'LJ').onHand)).toBe(10);

    const tooMuch = await run(['return', 'refund', 'R-000001', '--amount', '824.01']);
    expect(tooMuch.code).toBe(4);
    expect(tooMuch.stderr).toContain('Hint: at most ¥824.00 can still be refunded on this order');
    const refund = await run(['return', 'refund', 'R-000001', '--amount', '736', '--json']);
    expect(refund.code).toBe(0);
    expect(JSON.parse(refund.stdout).return).toMatchObject({ status: 'refunded', refunded: '736.00', orderRefunded: '736.00' });
    expect(look((db) => findOrder(db, 'T1').refunded)).toBe(73600);
    expect((await run(['return', 'refund', 'R-000001', '--amount', '1'])).code).toBe(4);
    expect((await run(['return', 'refund', 'R-000001'])).code).toBe(2);
    expect((await run(['return', 'close', 'R-000001'])).code).toBe(0);
    const show = await run(['return', 'show', 'R-000001'], { tty: true, env: { NO_COLOR: '1' } });
    expect(show.stdout).toContain('Timeline');
    expect(show.stdout).toMatch(/2026-11-25 16:00 +│ received/);
    expect(show.stdout).toContain('王* 138****5678');
    expect(show.stdout).not.toContain('13812345678');
    expect((await run(['return', 'show', 'R-000001', '--reveal'])).stdout).toContain('王芳 13812345678');
  });

  it('an exchange names its replacement order on stderr; short stock is exit 4 naming the SKU', async () => {
    const { run, look } = setUp();
    await run(['return', 'open', 'T1', '--items', 'GW:1', '--type', 'exchange', '--reason', 'cracked']);
    await run(['return', 'approve', 'R-000001']);
    const r = await run(['return', 'receive', 'R-000001', '--condition', 'scrap', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('replacement order T1-X1 created; its stock is reserved');
    expect(JSON.parse(r.stdout).return).toMatchObject({ status: 'received', condition: 'scrap', replacementOrder: 'T1-X1' });
    expect(look((db) => findOrder(db, 'T1-X1'))).toMatchObject({ status: 'paid', total: 0 });
    expect(look((db) => findSku(db, 'GW'))).toMatchObject({ onHand: 9, reserved: 1 });

    await run(['return', 'open', 'T1', '--items', 'LJ:2', '--type', 'exchange', '--reason', 'wrong tea']);
    await run(['return', 'approve', 'R-000002']);
    const open = await run(['order', 'add', '--items', 'LJ:8', '--paid']);
    expect(open.code).toBe(0);
    const short = await run(['return', 'receive', 'R-000002', '--condition', 'damaged']);
    expect(short.code).toBe(4);
    expect(short.stderr).toContain('LJ: wants 2, 0 available, 2 short');
  });

  it('lists with filters and --json; masks the buyer unless --reveal; Chinese messages', async () => {
    const { run } = setUp();
    await run(['return', 'open', 'T1', '--items', 'LJ:1', '--type', 'return', '--reason', 'x']);
    await run(['return', 'open', 'T1', '--type', 'refund_only', '--reason', 'late']);
    await run(['return', 'approve', 'R-000002']);
    const all = await run(['return', 'list', '--json']);
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout).returns.map((r: { number: string }) => r.number)).toEqual(['R-000002', 'R-000001']);
    const approved = await run(['return', 'list', '--status', 'approved', '--type', 'refund_only']);
    expect(approved.stdout.split('\n')[0]).toMatch(/^R-000002\tT1\tTea House\trefund only\tapproved\t\t王\*\t/);
    expect((await run(['return', 'list', '--reveal'])).stdout).toContain('王芳');
    const none = await run(['return', 'list', '--status', 'closed'], { tty: true });
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('No returns match.');
    expect((await run(['return', 'list', '--status', 'done'])).code).toBe(2);
    const zh = await run(['--lang', 'zh-CN', 'return', 'approve', 'R-000002']);
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain('售后单 R-000002（仅退款）当前为已同意，不能变为已同意（可变为：已退款）');
    expect((await run(['return', 'show', 'R-9'])).code).toBe(3);
  });

  it('links a ticket with --ticket or return link; an unknown ticket is 3, a missing one 2', async () => {
    const { run, look } = setUp();
    const [t1, t2] = look((db) => {
      const add = db.prepare("INSERT INTO ticket (shop_id, order_id, type, channel, subject, opened_at, updated_at) VALUES (1, ?, 'aftersale', 'chat', 'lid cracked', ?, ?)");
      return [Number(add.run(1, NOW, NOW).lastInsertRowid), Number(add.run(null, NOW, NOW).lastInsertRowid)];
    });
    const opened = await run(['return', 'open', 'T1', '--items', 'GW:1', '--type', 'repair', '--reason', 'lid', '--ticket', `T-00000${t1}`, '--json']);
    expect(opened.code).toBe(0);
    expect(JSON.parse(opened.stdout).return.ticket).toEqual({ number: 'T-000001', id: t1, subject: 'lid cracked', status: 'open' });
    expect((await run(['return', 'link', 'R-000001', '--ticket', '99'])).code).toBe(3);
    const linked = await run(['return', 'link', 'R-000001', '--ticket', String(t2)]);
    expect(linked.code).toBe(0);
    expect(linked.stderr).toBe('return R-000001 is linked to ticket T-000002\n');
    expect((await run(['return', 'link', 'R-000001'])).code).toBe(2);
  });
});
