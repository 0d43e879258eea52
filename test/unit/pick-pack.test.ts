import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/open.js';
import { insertLine, linesOf, orderById } from '../../src/db/queries/orders.js';
import { addProduct } from '../../src/domain/catalog/products.js';
import { addSku } from '../../src/domain/catalog/skus.js';
import { addressLines, packingSlipsJson, packOrders, renderPackingSlips } from '../../src/domain/fulfilment/packing-slip.js';
import { pickListJson, pickOrders, renderPickList } from '../../src/domain/fulfilment/pick-list.js';
import { loadTemplates, type RenderTemplate, type TemplateFormat } from '../../src/domain/fulfilment/render-template.js';
import { receiveStock } from '../../src/domain/inventory/stock.js';
import { addOrder } from '../../src/domain/orders/create.js';
import { findOrder } from '../../src/domain/orders/find.js';
import { holdOrder } from '../../src/domain/orders/transitions.js';
import { addShop } from '../../src/domain/shops/shops.js';
import type { Lang } from '../../src/i18n/index.js';
import { NOW, shopDb } from '../helpers/db.js';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'golden');
const CN_ORDER = '4012345678901234567';
const US_ORDER = '4012345678901239999';

/**
 * A Taobao shop (Asia/Shanghai) with SKUs in bins A-2 and A-10 (numeric order matters) and two without a
 * location; a Chinese order with a buyer note that needs escaping, an English-addressed one with a line
 * that matched no SKU, and an unpaid one.
 */
function fixture(): Db {
  const db = shopDb();
  addProduct(db, { title: '西湖龙井 Longjing', sku: { code: 'LJ-250', price: '368', variant: { size: '250 g' }, location: 'A-2' } }, NOW);
  addProduct(db, { title: 'Silk scarf', sku: { code: 'SCARF-RED', price: '129', variant: { colour: 'red' }, location: 'A-10' } }, NOW);
  addSku(db, 'SCARF-RED', { code: 'SCARF-BLUE', price: '129', variant: { colour: 'blue' } }, NOW);
  addProduct(db, { title: 'Tea cup', sku: { code: 'CUP', price: '45' } }, NOW);
  for (const sku of ['LJ-250', 'SCARF-RED', 'SCARF-BLUE', 'CUP']) receiveStock(db, { sku, quantity: 20 }, NOW);
  addOrder(
    db,
    {
      platformOrderId: CN_ORDER,
      buyer: { name: '张三', phone: '13812341234' },
      address: { province: '浙江省', city: '杭州市', district: '西湖区', street: '龙井路 1 号', postcode: '310000' },
      items: [{ sku: 'LJ-250', quantity: 2 }, { sku: 'SCARF-RED', quantity: 1 }],
      buyerNote: 'Gift-wrap, <no invoice> & *thanks*',
      paid: true,
    },
    NOW,
  );
  const us = addOrder(
    db,
    {
      platformOrderId: US_ORDER,
      buyer: { name: 'Alice Smith', phone: '+1 415 555 0134' },
      address: { street: '1 Market St', city: 'San Francisco', province: 'CA', postcode: '94105', country: 'United States' },
      items: [{ sku: 'CUP', quantity: 3 }, { sku: 'LJ-250', quantity: 1 }, { sku: 'SCARF-BLUE', quantity: 1 }],
      paid: true,
    },
    NOW,
  );
  insertLine(db, { orderId: us.id, lineKey: 'x1', skuId: null, platformSku: 'GIFT-01', listingId: null, title: 'Mystery gift | sample', variant: 'mixed', quantity: 1, unitPrice: 0, discount: 0 });
  addOrder(db, { platformOrderId: 'UNPAID-1', buyer: { name: 'Bob' }, address: {}, items: [{ sku: 'CUP', quantity: 5 }] }, NOW);
  return db;
}

const status = (db: Db, ref: string) => findOrder(db, ref).status;

describe('pick list', () => {
  it('sums units per SKU over the orders, sorted by location (A-2 before A-10, none last) then SKU', () => {
    const db = fixture();
    const list = pickOrders(db, { refs: [CN_ORDER, US_ORDER], all: false }, { mark: false }, NOW);
    expect(list.items.map((i) => [i.location, i.sku, i.quantity])).toEqual([
      ['A-2', 'LJ-250', 3],
      ['A-10', 'SCARF-RED', 1],
      [null, 'CUP', 3],
      [null, 'SCARF-BLUE', 1],
    ]);
    expect(list.items[0]).toMatchObject({ title: '西湖龙井 Longjing', variant: '250 g', orders: [CN_ORDER, US_ORDER] });
    expect(list.items[2]!.orders).toEqual([US_ORDER]);
    expect(list.unmatched).toEqual([{ title: 'Mystery gift | sample', variant: 'mixed', quantity: 1, orders: [US_ORDER] }]);
    expect(list.marked).toBe(0);
  });

  it('counts only what is still to ship (quantity − shipped)', () => {
    const db = fixture();
    const cn = findOrder(db, CN_ORDER);
    const line = linesOf(db, cn.id).find((l) => l.skuCode === 'LJ-250')!;
    db.prepare('UPDATE order_line SET shipped = 1, reserved = reserved - 1 WHERE id = ?').run(line.id);
    const list = pickOrders(db, { refs: [CN_ORDER, US_ORDER], all: false }, { mark: false }, NOW);
    expect(list.items.find((i) => i.sku === 'LJ-250')!.quantity).toBe(2);
    db.prepare('UPDATE order_line SET shipped = quantity, reserved = 0 WHERE order_id = ?').run(cn.id);
    const after = pickOrders(db, { refs: [CN_ORDER], all: false }, { mark: false }, NOW);
    expect(after.items).toEqual([]);
  });

  it('marks paid orders picking in one go, and leaves them alone with mark off', () => {
    const db = fixture();
    pickOrders(db, { refs: [CN_ORDER], all: false }, { mark: false }, NOW);
    expect(status(db, CN_ORDER)).toBe('paid');
    const list = pickOrders(db, { refs: [CN_ORDER, US_ORDER], all: false }, { mark: true }, NOW);
    expect(list.marked).toBe(2);
    expect([status(db, CN_ORDER), status(db, US_ORDER)]).toEqual(['picking', 'picking']);
    expect(list.orders.map((o) => o.status)).toEqual(['picking', 'picking']);
    const again = pickOrders(db, { refs: [CN_ORDER], all: false }, { mark: true }, NOW);
    expect(again.marked).toBe(0);
  });

  it('takes every paid or picking order with all, of one shop when named', () => {
    const db = fixture();
    addShop(db, { name: 'Etsy Corner', platform: 'etsy', currency: 'CNY', timezone: 'Europe/London' }, NOW);
    addOrder(db, { shop: 'Etsy Corner', platformOrderId: 'E-1', buyer: { name: 'Eve' }, address: {}, items: [{ sku: 'CUP', quantity: 1 }], paid: true }, NOW);
    const all = pickOrders(db, { refs: [], all: true }, { mark: false }, NOW);
    expect(all.orders.map((o) => o.order).sort()).toEqual([CN_ORDER, US_ORDER, 'E-1'].sort());
    const etsy = pickOrders(db, { refs: [], all: true, shop: 'Etsy Corner' }, { mark: true }, NOW);
    expect(etsy.orders.map((o) => o.order)).toEqual(['E-1']);
    expect(status(db, CN_ORDER)).toBe('paid');
    packOrders(db, { refs: [CN_ORDER], all: false }, { mark: true }, NOW);
    const rest = pickOrders(db, { refs: [], all: true }, { mark: false }, NOW);
    expect(rest.orders.map((o) => o.order).sort()).toEqual([US_ORDER, 'E-1'].sort());
  });

  it('refuses nothing selected (usage) and an order that is not paid, picking or packed (conflict), marking none', () => {
    const db = fixture();
    expect(() => pickOrders(db, { refs: [], all: false }, { mark: true }, NOW)).toThrow(expect.objectContaining({ kind: 'usage', key: 'fulfilment.nothingSelected' }));
    expect(() => pickOrders(db, { refs: [CN_ORDER, 'UNPAID-1'], all: false }, { mark: true }, NOW)).toThrow(
      expect.objectContaining({ kind: 'conflict', key: 'fulfilment.notPickable', params: { order: 'UNPAID-1', status: 'pending_payment' } }),
    );
    expect(status(db, CN_ORDER)).toBe('paid');
    expect(() => pickOrders(db, { refs: ['NOPE'], all: false }, { mark: true }, NOW)).toThrow(expect.objectContaining({ kind: 'not_found' }));
  });

  it('has a stable English-keyed JSON shape', () => {
    const db = fixture();
    const json = pickListJson(pickOrders(db, { refs: [CN_ORDER], all: false }, { mark: true }, NOW)) as { pickList: Record<string, unknown> };
    expect(Object.keys(json.pickList)).toEqual(['orders', 'items', 'unmatched']);
    expect(json.pickList.orders).toEqual([{ id: findOrder(db, CN_ORDER).id, order: CN_ORDER, shop: 'Tea House', status: 'picking' }]);
    expect(json.pickList.items).toEqual([
      { sku: 'LJ-250', title: '西湖龙井 Longjing', variant: '250 g', location: 'A-2', quantity: 2, orders: [CN_ORDER] },
      { sku: 'SCARF-RED', title: 'Silk scarf', variant: 'red', location: 'A-10', quantity: 1, orders: [CN_ORDER] },
    ]);
  });
});

describe('packing slips', () => {
  it('marks every order packed in one transaction, or none when one is refused', () => {
    const db = fixture();
    holdOrder(db, { ref: US_ORDER }, 'address check', NOW);
    expect(() => packOrders(db, { refs: [CN_ORDER, US_ORDER], all: false }, { mark: true }, NOW)).toThrow(
      expect.objectContaining({ kind: 'conflict', params: expect.objectContaining({ status: 'on_hold' }) }),
    );
    expect(status(db, CN_ORDER)).toBe('paid');
    const { slips, marked } = packOrders(db, { refs: [CN_ORDER], all: false }, { mark: true }, NOW);
    expect(marked).toBe(1);
    expect(status(db, CN_ORDER)).toBe('packed');
    expect(slips[0]!.lines).toEqual([
      { sku: 'LJ-250', title: '西湖龙井 Longjing', variant: '250 g', quantity: 2 },
      { sku: 'SCARF-RED', title: 'Silk scarf', variant: 'red', quantity: 1 },
    ]);
    expect(packOrders(db, { refs: [CN_ORDER], all: false }, { mark: true }, NOW).marked).toBe(0);
    expect(orderById(db, slips[0]!.id)!.status).toBe('packed');
  });

  it('masks the phone unless revealed', () => {
    const db = fixture();
    const { slips } = packOrders(db, { refs: [CN_ORDER], all: false }, { mark: false }, NOW);
    const masked = packingSlipsJson(slips, { reveal: false }) as { packingSlips: { recipient: { phone: string } }[] };
    expect(masked.packingSlips[0]!.recipient.phone).toBe('138****1234');
    const shown = packingSlipsJson(slips, { reveal: true }) as { packingSlips: { recipient: { phone: string }; placedAt: string }[] };
    expect(shown.packingSlips[0]!.recipient.phone).toBe('13812341234');
    expect(shown.packingSlips[0]!.placedAt).toBe('2026-11-25T16:00:00+08:00');
    expect(status(db, CN_ORDER)).toBe('paid');
  });

  it('writes Chinese addresses province first in one line, others street first', () => {
    const none = { province: null, city: null, district: null, street: null, postcode: null, country: null };
    expect(addressLines({ ...none, province: '浙江省', city: '杭州市', district: '西湖区', street: '龙井路 1 号', postcode: '310000', country: 'CN' })).toEqual(['浙江省杭州市西湖区龙井路 1 号', '310000']);
    expect(addressLines({ ...none, street: '1 Market St', city: 'San Francisco', province: 'CA', postcode: '94105', country: 'United States' })).toEqual([
      '1 Market St',
      'San Francisco, CA 94105',
      'United States',
    ]);
  });
});

describe('documents match the golden files', () => {
  let render: RenderTemplate;
  beforeAll(async () => {
    render = await loadTemplates();
  });

  // UPDATE_GOLDEN=1 rewrites the files; read the diff before committing it.
  const golden = (name: string, actual: string) => {
    const path = join(GOLDEN, name);
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(path, actual);
    }
    expect(existsSync(path), `${name} is missing; run with UPDATE_GOLDEN=1 and check it`).toBe(true);
    expect(actual).toBe(readFileSync(path, 'utf8'));
  };

  const cases: [Lang, TemplateFormat][] = (['en', 'zh-CN'] as const).flatMap((lang) => (['txt', 'md', 'html'] as const).map((f): [Lang, TemplateFormat] => [lang, f]));

  it.each(cases)('pick list, %s, %s', (lang, format) => {
    const db = fixture();
    const list = pickOrders(db, { refs: [CN_ORDER, US_ORDER], all: false }, { mark: true }, NOW);
    golden(`pick-list.${lang}.${format}`, renderPickList(render, list, lang, format, NOW));
  });

  it.each(cases)('packing slips, %s, %s', (lang, format) => {
    const db = fixture();
    const { slips } = packOrders(db, { refs: [CN_ORDER, US_ORDER], all: false }, { mark: true }, NOW);
    golden(`packing-slip.${lang}.${format}`, renderPackingSlips(render, slips, lang, format, { reveal: false }));
  });

  it('escapes for the format: HTML entities in html, Markdown punctuation in md, nothing in text', () => {
    const db = fixture();
    const { slips } = packOrders(db, { refs: [CN_ORDER], all: false }, { mark: false }, NOW);
    const doc = (format: TemplateFormat) => renderPackingSlips(render, slips, 'en', format, { reveal: false });
    expect(doc('txt')).toContain('Gift-wrap, <no invoice> & *thanks*');
    expect(doc('html')).toContain('Gift-wrap, &lt;no invoice&gt; &amp; *thanks*');
    expect(doc('md')).toContain('Gift-wrap, \\<no invoice\\> & \\*thanks\\*');
    const list = pickOrders(db, { refs: [US_ORDER], all: false }, { mark: false }, NOW);
    expect(renderPickList(render, list, 'en', 'md', NOW)).toContain('| ☐ | Mystery gift \\| sample · mixed | 1 |');
  });

  it('says there is nothing to pick when --all finds no order', () => {
    const db = shopDb();
    const list = pickOrders(db, { refs: [], all: true }, { mark: true }, NOW);
    expect(list).toEqual({ orders: [], items: [], unmatched: [], marked: 0, timezone: 'Asia/Shanghai' });
    expect(renderPickList(render, list, 'en', 'txt', NOW)).toBe('PICK LIST\nPrinted 2026-11-25 16:00\nOrders (0)\n\nNothing to pick.\n\nTotal units: 0 · SKUs: 0\n');
    expect(renderPickList(render, list, 'zh-CN', 'html', NOW)).toContain('<p class="empty">没有需要拣货的商品。</p>');
  });

  it('separates slips with a form feed in text and a page break in HTML, and is one self-contained file', () => {
    const db = fixture();
    const { slips } = packOrders(db, { refs: [CN_ORDER, US_ORDER], all: false }, { mark: false }, NOW);
    const text = renderPackingSlips(render, slips, 'en', 'txt', { reveal: false });
    expect(text.split('\f')).toHaveLength(2);
    const html = renderPackingSlips(render, slips, 'zh-CN', 'html', { reveal: false });
    expect(html.match(/<section class="slip">/g)).toHaveLength(2);
    expect(html).toMatch(/\.slip \+ \.slip \{[^}]*page-break-before: always/);
    expect(html).not.toMatch(/<script|<link|src=/i);
  });
});
