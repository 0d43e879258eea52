import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { addProduct } from '../../src/domain/catalog/products.js';
import { receiveStock } from '../../src/domain/inventory/stock.js';
import { addOrder } from '../../src/domain/orders/create.js';
import { shipOrder } from '../../src/domain/orders/ship.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { NOW } from '../helpers/db.js';
import { withDb } from '../helpers/cli.js';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'golden', 'replies');

/** A database file with a Taobao shop and order A1 (王芳, shipped with SF) — the CLI's clock is NOW. */
function setUp() {
  const ctx = withDb();
  const db = openDatabase(ctx.db);
  try {
    addShop(db, { name: '山间茶舍', platform: 'taobao' }, NOW);
    addProduct(db, { title: '西湖龙井 明前', sku: { code: 'LJ-250G', price: '368', variant: { size: '250g' } } }, NOW);
    addProduct(db, { title: 'Celadon gaiwan', sku: { code: 'GW', price: '88' } }, NOW);
    receiveStock(db, { sku: 'LJ-250G', quantity: 10 }, NOW);
    receiveStock(db, { sku: 'GW', quantity: 10 }, NOW);
    const address = { name: '王芳', phone: '13812345678', province: '浙江省', city: '杭州市', street: '文三路 100 号' };
    addOrder(db, { platformOrderId: '3012345678901234567', buyer: { name: '王芳', phone: '13812345678' }, address, items: [{ sku: 'LJ-250G', quantity: 2 }, { sku: 'GW', quantity: 1 }], paid: true }, NOW);
    shipOrder(db, { ref: '3012345678901234567', carrier: 'SF', tracking: 'SF1234567890123' }, NOW);
  } finally {
    db.close();
  }
  return ctx;
}

async function withTicket() {
  const ctx = setUp();
  const opened = await ctx.run(['ticket', 'open', '--order', '3012345678901234567', '--sku', 'LJ-250G', '--message', '物流怎么不动了？']);
  expect(opened.code, opened.stderr).toBe(0);
  return ctx;
}

describe('ticket open / show', () => {
  it('opens a ticket on an order: confirmation on stderr, the ticket on stdout with the buyer masked', async () => {
    const ctx = setUp();
    const r = await ctx.run(['ticket', 'open', '--order', '3012345678901234567', '--message', '物流怎么不动了？', '--tag', 'logistics']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('opened T-000001: first response due 2026-11-25 20:00\n');
    expect(r.stdout).toContain('Ticket\tT-000001\n');
    expect(r.stdout).toContain('Buyer\t王* 138****5678\n');
    expect(r.stdout).not.toContain('王芳');
    expect(r.stdout).toContain('SF1234567890123');
  });

  it('a ticket on an unknown order is exit 3 and writes nothing', async () => {
    const ctx = setUp();
    const r = await ctx.run(['ticket', 'open', '--order', 'NOPE-1', '--subject', 'where is it']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('NOPE-1');
    expect(r.stdout).toBe('');
    expect(JSON.parse((await ctx.run(['ticket', 'list', '--status', 'all', '--json'])).stdout)).toEqual({ tickets: [] });
  });

  it('without a subject or message: exit 2 naming --subject in a pipe, a question on a terminal', async () => {
    const ctx = setUp();
    const piped = await ctx.run(['ticket', 'open']);
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('--subject');
    const asked = await ctx.run(['ticket', 'open', '--type', 'presale'], { tty: true, answers: ['Is it this year\'s tea?'] });
    expect(asked.code, asked.stderr).toBe(0);
    expect(asked.asked).toEqual(['What is it about?']);
  });

  it('show: thread, SLA clocks and the linked order with tracking; --reveal shows the buyer; --json is keyed "ticket"', async () => {
    const ctx = await withTicket();
    const masked = await ctx.run(['ticket', 'show', 'T-000001'], { tty: true, env: { NO_COLOR: '1' } });
    expect(masked.code).toBe(0);
    expect(masked.stdout).toMatch(/First response\s+due 2026-11-25 20:00/);
    expect(masked.stdout).toContain('物流怎么不动了？');
    expect(masked.stdout).toContain('https://www.sf-express.com/chn/sc/waybill/waybill-detail/SF1234567890123');
    expect(masked.stdout).not.toContain('13812345678');
    expect((await ctx.run(['ticket', 'show', '1', '--reveal'])).stdout).toContain('王芳 13812345678');
    const json = JSON.parse((await ctx.run(['ticket', 'show', 'T-1', '--json'])).stdout);
    expect(json.ticket).toMatchObject({
      number: 'T-000001',
      status: 'open',
      type: 'order',
      order: '3012345678901234567',
      sku: 'LJ-250G',
      buyer: { name: '王*', phone: '138****5678' },
      firstResponseDue: '2026-11-25T12:00:00.000Z',
      due: { next: 'firstResponse', at: '2026-11-25T12:00:00.000Z', paused: false, overdue: false },
      messages: [{ direction: 'inbound', body: '物流怎么不动了？', template: null, at: '2026-11-25T08:00:00.000Z' }],
    });
    expect(json.ticket.linkedOrder.shipments[0]).toMatchObject({ carrier: 'SF', trackingNumber: 'SF1234567890123' });
    expect((await ctx.run(['ticket', 'show', 'T-000099'])).code).toBe(3);
  });
});

describe('ticket reply', () => {
  it('--template prints only the text on stdout (the shop\'s buyers\' language), ready to paste', async () => {
    const ctx = await withTicket();
    const r = await ctx.run(['ticket', 'reply', 'T-000001', '--template', 'tracking-info']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(GOLDEN, 'tracking-info.zh-CN.txt'), 'utf8'));
    expect(r.stderr).toBe('reply recorded on T-000001\n');
    const tty = await ctx.run(['ticket', 'reply', 'T-1', '--template', 'tracking-info', '--reply-lang', 'en'], { tty: true });
    expect(tty.stdout.startsWith('Hi 王芳,\n\nGood news: order 3012345678901234567 is on its way with SF Express.\n')).toBe(true);
    expect(tty.stdout).not.toMatch(/[│┌─]/);
    const json = JSON.parse((await ctx.run(['ticket', 'show', 'T-1', '--json'])).stdout).ticket;
    expect(json.messages.map((m: { direction: string; template: string | null }) => [m.direction, m.template])).toEqual([
      ['inbound', null],
      ['outbound', 'tracking-info'],
      ['outbound', 'tracking-info'],
    ]);
    expect(json.firstResponseAt).toBe('2026-11-25T08:00:00.000Z');
    expect(json.messages[1].body.startsWith('亲爱的王*，您好！')).toBe(true);
    expect((await ctx.run(['ticket', 'show', 'T-1'])).stdout).not.toContain('王芳');
    expect((await ctx.run(['ticket', 'show', 'T-1', '--reveal'])).stdout).toContain('亲爱的王芳，您好！');
  });

  it("an unknown variable in the seller's own template is exit 2 naming it; nothing on stdout, nothing recorded", async () => {
    const ctx = await withTicket();
    mkdirSync(join(ctx.dir, 'replies', 'zh-CN'), { recursive: true });
    writeFileSync(join(ctx.dir, 'replies', 'zh-CN', 'coupon.txt'), '亲，优惠码：{{coupon_code}}\n');
    const r = await ctx.run(['ticket', 'reply', 'T-1', '--template', 'coupon']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('{{coupon_code}}');
    const templates = await ctx.run(['ticket', 'templates', '--json']);
    expect(JSON.parse(templates.stdout).templates).toContainEqual(expect.objectContaining({ name: 'coupon', lang: 'zh-CN', source: 'own' }));
    expect(JSON.parse((await ctx.run(['ticket', 'show', 'T-1', '--json'])).stdout).ticket.messages).toHaveLength(1);
  });

  it('a template needing what the ticket lacks is exit 2; an unknown template is exit 3', async () => {
    const ctx = setUp();
    await ctx.run(['ticket', 'open', '--subject', '有货吗', '--type', 'presale']);
    const r = await ctx.run(['ticket', 'reply', 'T-1', '--template', 'tracking-info']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('{{order_number}}');
    expect((await ctx.run(['ticket', 'reply', 'T-1', '--template', 'nope'])).code).toBe(3);
  });

  it('--message: recorded and echoed; both or neither flag is exit 2 in a pipe; --pending waits on the buyer', async () => {
    const ctx = await withTicket();
    expect((await ctx.run(['ticket', 'reply', 'T-1', '--template', 'apology', '--message', 'x'])).code).toBe(2);
    const none = await ctx.run(['ticket', 'reply', 'T-1']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--message');
    const r = await ctx.run(['ticket', 'reply', 'T-1', '--message', '亲，能拍张照片吗？', '--pending']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('亲，能拍张照片吗？\n');
    const list = JSON.parse((await ctx.run(['ticket', 'list', '--json'])).stdout).tickets;
    expect(list[0]).toMatchObject({ status: 'pending', due: { next: 'resolution', paused: true } });
  });
});

describe('ticket lifecycle verbs', () => {
  it('resolve needs a known code; close before resolve is exit 4 with a hint; then close and reopen', async () => {
    const ctx = await withTicket();
    const early = await ctx.run(['ticket', 'close', 'T-1']);
    expect(early.code).toBe(4);
    expect(early.stderr).toContain('ticket T-000001 is open; it cannot become closed');
    expect(early.stderr).toContain('Hint: resolve it first: shopkeep ticket resolve T-000001 --resolution CODE');
    expect((await ctx.run(['ticket', 'resolve', 'T-1', '--resolution', 'fixed'])).code).toBe(2);
    expect((await ctx.run(['ticket', 'resolve', 'T-1'])).code).toBe(2);
    const resolved = await ctx.run(['ticket', 'resolve', 'T-1', '--resolution', 'reshipped', '--note', '补发一盒']);
    expect(resolved.code, resolved.stderr).toBe(0);
    expect(resolved.stderr).toBe('T-000001 is now resolved\n');
    expect((await ctx.run(['ticket', 'close', 'T-1'])).code).toBe(0);
    expect((await ctx.run(['ticket', 'reply', 'T-1', '--message', 'hi'])).code).toBe(4);
    const reopened = await ctx.run(['ticket', 'reopen', 'T-1', '--json']);
    expect(JSON.parse(reopened.stdout).ticket).toMatchObject({ status: 'open', resolution: null });
    const zh = await ctx.run(['--lang', 'zh-CN', 'ticket', 'pending', 'T-1']);
    expect(zh.stderr).toBe('T-000001 现在为等待买家\n');
  });

  it('note and inbound add to the thread; inbound on a pending ticket opens it again', async () => {
    const ctx = await withTicket();
    await ctx.run(['ticket', 'pending', 'T-1']);
    expect((await ctx.run(['ticket', 'note', 'T-1', '--message', '问过仓库了'])).code).toBe(0);
    const r = await ctx.run(['ticket', 'inbound', 'T-1', '--message', '照片已发']);
    expect(r.stderr).toBe('message recorded on T-000001, now open\n');
    const messages = JSON.parse((await ctx.run(['ticket', 'show', 'T-1', '--json'])).stdout).ticket.messages;
    expect(messages.map((m: { direction: string }) => m.direction)).toEqual(['inbound', 'note', 'inbound']);
    expect((await ctx.run(['ticket', 'note', 'T-1'])).code).toBe(2);
  });
});

describe('ticket list', () => {
  it('the queue sorted by due time with overdue marked; --overdue filters; a terminal gets a table, in Chinese too', async () => {
    const ctx = setUp();
    await ctx.run(['ticket', 'open', '--subject', 'old question', '--at', '2026-11-24 10:00']);
    await ctx.run(['ticket', 'open', '--subject', 'complaint', '--type', 'complaint', '--priority', 'high', '--buyer', '李雷']);
    const plain = await ctx.run(['ticket', 'list']);
    expect(plain.stdout.split('\n').filter(Boolean).map((l) => l.split('\t').slice(0, 3))).toEqual([
      ['T-000001', '2026-11-24 18:00 (overdue)', 'first response'],
      ['T-000002', '2026-11-25 17:00', 'first response'],
    ]);
    expect(plain.stdout).toContain('李*');
    const overdue = await ctx.run(['ticket', 'list', '--overdue', '--json']);
    expect(JSON.parse(overdue.stdout).tickets.map((t: { number: string }) => t.number)).toEqual(['T-000001']);
    const table = await ctx.run(['--lang', 'zh-CN', 'ticket', 'list', '--type', 'complaint'], { tty: true });
    expect(table.stdout).toContain('工单');
    expect(table.stdout).toContain('投诉');
    expect(table.stdout).toContain('待处理');
    expect(table.stdout).not.toContain('T-000001');
    expect((await ctx.run(['ticket', 'list', '--status', 'resolved'], { tty: true })).stdout).toContain('no tickets');
    expect((await ctx.run(['ticket', 'list', '--status', 'bogus'])).code).toBe(2);
    expect((await ctx.run(['ticket', 'list', '--shop', 'Nowhere'])).code).toBe(3);
  });
});

describe('SLA settings', () => {
  it('set targets, hours and holidays; show them per shop; bad values are exit 2, duplicates 4, unknown 3', async () => {
    const ctx = setUp();
    const shown = JSON.parse((await ctx.run(['ticket', 'sla', 'show', '--json'])).stdout).sla[0];
    expect(shown).toMatchObject({ shop: '山间茶舍', timezone: 'Asia/Shanghai', targets: { presale: { firstResponseMinutes: 120, resolutionMinutes: 480, source: 'built-in' } }, hours: { source: 'built-in' } });
    expect(shown.hours.week[6]).toEqual({ day: 'sun', intervals: [{ opens: '09:00', closes: '22:00' }] });
    const set = await ctx.run(['ticket', 'sla', 'set', '--type', 'presale', '--first-response', '30m', '--resolution', '4h', '--json']);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stderr).toBe('SLA targets set for all shops\n');
    expect(JSON.parse(set.stdout).sla[0].targets.presale).toEqual({ firstResponseMinutes: 30, resolutionMinutes: 240, source: 'all-shops' });
    const bad = await ctx.run(['ticket', 'sla', 'set', '--type', 'presale', '--first-response', '1d']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('8h');
    expect((await ctx.run(['ticket', 'hours', 'set', '--days', 'sun', '--closed', '--shop', '山间茶舍'])).code).toBe(0);
    expect((await ctx.run(['ticket', 'hours', 'set', '--days', 'mon', '--from', '9am', '--to', '18:00'])).code).toBe(2);
    expect((await ctx.run(['ticket', 'hours', 'set', '--from', '09:00', '--to', '18:00'])).stderr).toContain('--days');
    const hours = await ctx.run(['ticket', 'sla', 'show', '--shop', '山间茶舍'], { tty: true, env: { NO_COLOR: '1' } });
    expect(hours.stdout).toMatch(/Sunday\s+│\s+closed/);
    expect(hours.stdout).toMatch(/Saturday\s+│\s+09:00–22:00/);
    expect((await ctx.run(['ticket', 'holiday', 'add', '2026-10-01', '--name', '国庆节'])).code).toBe(0);
    expect((await ctx.run(['ticket', 'holiday', 'add', '2026-10-01'])).code).toBe(4);
    expect((await ctx.run(['ticket', 'holiday', 'add', '2026-13-01'])).code).toBe(2);
    expect((await ctx.run(['ticket', 'holiday', 'remove', '2026-10-02'])).code).toBe(3);
    expect(JSON.parse((await ctx.run(['ticket', 'holiday', 'list', '--json'])).stdout)).toEqual({ holidays: [{ date: '2026-10-01', name: '国庆节', shop: null }] });
    expect((await ctx.run(['ticket', 'holiday', 'remove', '2026-10-01'])).code).toBe(0);
  });
});
