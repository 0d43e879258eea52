import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Mustache from 'mustache';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/open.js';
import { addProduct } from '../../src/domain/catalog/products.js';
import { receiveStock } from '../../src/domain/inventory/stock.js';
import { addOrder } from '../../src/domain/orders/create.js';
import { shipOrder } from '../../src/domain/orders/ship.js';
import { templatesDir } from '../../src/domain/fulfilment/render-template.js';
import { listReplyTemplates, renderReply } from '../../src/domain/service/replies.js';
import { buyerLang, REPLY_VARIABLES, replyToTicket, replyValues } from '../../src/domain/service/ticket-replies.js';
import { findTicket, getTicket, openTicket } from '../../src/domain/service/tickets.js';
import { addShop } from '../../src/domain/shops/shops.js';
import type { Lang } from '../../src/i18n/index.js';
import { memoryDb, NOW } from '../helpers/db.js';
import { tempDir } from '../helpers/cli.js';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'golden', 'replies');
const BUILT_IN = ['apology', 'out-of-stock', 'return-instructions', 'shipping-delay', 'size-advice', 'thanks-for-review', 'tracking-info'];
const LANGS: Lang[] = ['en', 'zh-CN'];

// UPDATE_GOLDEN=1 rewrites the files; read the diff before committing it.
function golden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
  }
  expect(existsSync(path), `${name} is missing; run with UPDATE_GOLDEN=1 and check it`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

const PEOPLE = {
  'zh-CN': { shop: '山间茶舍', platform: 'taobao', tea: '西湖龙井 明前', buyer: '王芳', order: '3012345678901234567', carrier: 'SF', tracking: 'SF1234567890123', message: '物流怎么不动了？' },
  en: { shop: 'Mountain Tea House', platform: 'shopify', tea: 'West Lake Longjing', buyer: 'Ann Lee', order: '1001', carrier: 'UPS', tracking: '1Z999AA10123456784', message: 'My parcel has not moved for days' },
} as const;

/** A shop whose buyers read `lang`, an order for two SKUs (one shipped parcel) and a ticket on it about one SKU. */
function fixture(lang: Lang = 'zh-CN'): Db {
  const p = PEOPLE[lang];
  const db = memoryDb();
  addShop(db, { name: p.shop, platform: p.platform, ...(lang === 'en' && { currency: 'USD', timezone: 'America/New_York' }) }, NOW);
  addProduct(db, { title: p.tea, sku: { code: 'LJ-250G', price: '36.80', variant: { size: '250g' } } }, NOW);
  addProduct(db, { title: 'Celadon gaiwan', sku: { code: 'GW', price: '8.80' } }, NOW);
  receiveStock(db, { sku: 'LJ-250G', quantity: 10 }, NOW);
  receiveStock(db, { sku: 'GW', quantity: 10 }, NOW);
  addOrder(
    db,
    {
      platformOrderId: p.order,
      buyer: { name: p.buyer, phone: '13812345678' },
      address: { name: p.buyer, phone: '13812345678', province: '浙江省', city: '杭州市', street: '文三路 100 号' },
      items: [
        { sku: 'LJ-250G', quantity: 2 },
        { sku: 'GW', quantity: 1 },
      ],
      paid: true,
    },
    NOW,
  );
  shipOrder(db, { ref: p.order, carrier: p.carrier, tracking: p.tracking }, NOW);
  openTicket(db, { order: p.order, sku: 'LJ-250G', message: p.message }, NOW);
  return db;
}

describe('reply templates', () => {
  it('ship the seven built-ins in both languages, using only variables shopkeep knows', () => {
    const dir = join(templatesDir(), 'replies');
    for (const lang of LANGS) {
      expect(readdirSync(join(dir, lang)).sort()).toEqual(BUILT_IN.map((n) => `${n}.txt`));
      for (const name of BUILT_IN) {
        const tokens = Mustache.parse(readFileSync(join(dir, lang, `${name}.txt`), 'utf8')) as unknown[][];
        const names = new Set<string>();
        const walk = (ts: unknown[][]) => ts.forEach((t) => (t[0] === 'name' || t[0] === '#' || t[0] === '^' ? names.add(String(t[1])) : null, Array.isArray(t[4]) && walk(t[4] as unknown[][])));
        walk(tokens);
        for (const v of names) expect(REPLY_VARIABLES, `${lang}/${name}: {{${v}}}`).toContain(v);
      }
    }
  });

  it('values come from the ticket, its customer, order, latest shipment and SKU', () => {
    const db = fixture();
    const ticket = findTicket(db, 'T-1');
    expect(replyValues(db, ticket, 'zh-CN', NOW)).toEqual({
      ticket_number: 'T-000001',
      subject: '物流怎么不动了？',
      shop_name: '山间茶舍',
      buyer_name: '王芳',
      order_number: '3012345678901234567',
      items: '西湖龙井 明前 250g × 2、Celadon gaiwan × 1',
      carrier: '顺丰速运',
      tracking_number: 'SF1234567890123',
      tracking_link: 'https://www.sf-express.com/chn/sc/waybill/waybill-detail/SF1234567890123',
      sku: 'LJ-250G',
      product: '西湖龙井 明前 250g',
    });
    expect(replyValues(db, ticket, 'en', NOW)).toMatchObject({ carrier: 'SF Express', items: '西湖龙井 明前 250g × 2, Celadon gaiwan × 1' });
    expect(buyerLang('taobao')).toBe('zh-CN');
    expect(buyerLang('shopify')).toBe('en');
  });

  for (const lang of LANGS) {
    it.each(BUILT_IN)(`%s (${lang}) matches its golden file`, async (name) => {
      const db = fixture(lang);
      const values = replyValues(db, findTicket(db, 'T-1'), lang, NOW);
      const { text, template } = await renderReply(name, lang, values, null);
      expect(template).toMatchObject({ lang, source: 'built-in' });
      golden(`${name}.${lang}.txt`, `${text}\n`);
    });
  }

  it('optional parts drop out when the ticket has no buyer name or order', async () => {
    const db = fixture();
    openTicket(db, { subject: 'Thanks!' }, NOW);
    const values = replyValues(db, findTicket(db, 'T-2'), 'en', NOW);
    expect(values).toMatchObject({ buyer_name: null, order_number: null, items: null, tracking_number: null, sku: null, product: null });
    const { text } = await renderReply('thanks-for-review', 'en', values, null);
    expect(text.split('\n')[0]).toBe('Hi,');
    expect(text).toContain('review your purchase.');
    expect(text).not.toMatch(/\{\{|order\s+\./);
  });

  it('a value the template needs but this ticket lacks is exit 2 naming it', async () => {
    const db = fixture();
    openTicket(db, { subject: 'presale' }, NOW);
    const values = replyValues(db, findTicket(db, 'T-2'), 'en', NOW);
    await expect(renderReply('tracking-info', 'en', values, null)).rejects.toMatchObject({ kind: 'usage', key: 'reply.noValue', params: expect.objectContaining({ variable: 'order_number' }) });
  });

  it("an unknown variable in the seller's own template is exit 2 naming it, and nothing is recorded", async () => {
    const db = fixture();
    const own = join(tempDir(), 'replies');
    mkdirSync(join(own, 'en'), { recursive: true });
    writeFileSync(join(own, 'en', 'coupon.txt'), 'Hi {{buyer_name}}, here is your code {{coupon_code}}.\n');
    await expect(replyToTicket(db, { ref: 'T-1', template: 'coupon', lang: 'en', ownDir: own }, NOW)).rejects.toMatchObject({
      kind: 'usage',
      key: 'reply.unknownVariable',
      params: expect.objectContaining({ variable: 'coupon_code', template: 'coupon' }),
    });
    expect(getTicket(db, 'T-1', NOW).messages).toHaveLength(1);
    expect(findTicket(db, 'T-1').firstResponseAt).toBeNull();
    await expect(replyToTicket(db, { ref: 'T-1', template: 'no-such', ownDir: own }, NOW)).rejects.toMatchObject({ kind: 'not_found' });
  });

  it("the seller's own templates win over built-ins of the same name; a missing language falls back to English", async () => {
    const db = fixture();
    const own = join(tempDir(), 'replies');
    mkdirSync(join(own, 'en'), { recursive: true });
    writeFileSync(join(own, 'en', 'apology.txt'), 'So sorry, {{buyer_name}}! Order {{order_number}} is on us.\n');
    writeFileSync(join(own, 'en', 'restock.txt'), '{{product}} is back.\n');
    const list = listReplyTemplates(own);
    expect(list.filter((t) => t.name === 'apology').map((t) => [t.lang, t.source])).toEqual([
      ['en', 'own'],
      ['zh-CN', 'built-in'],
    ]);
    const result = await replyToTicket(db, { ref: 'T-1', template: 'apology', lang: 'en', ownDir: own }, NOW + 60_000);
    expect(result.text).toBe('So sorry, 王芳! Order 3012345678901234567 is on us.');
    const fallback = await replyToTicket(db, { ref: 'T-1', template: 'restock', ownDir: own }, NOW + 120_000);
    expect(fallback).toMatchObject({ text: '西湖龙井 明前 250g is back.', lang: 'en' });
  });

  it('replying with a template records it as outbound with its name and stops the first-response clock', async () => {
    const db = fixture();
    const result = await replyToTicket(db, { ref: 'T-1', template: 'tracking-info', ownDir: null }, NOW + 60_000);
    expect(result).toMatchObject({ template: 'tracking-info', lang: 'zh-CN' });
    expect(result.text).toContain('快递单号：SF1234567890123');
    const detail = getTicket(db, 'T-1', NOW + 60_000);
    expect(detail.messages.at(-1)).toMatchObject({ direction: 'outbound', template: 'tracking-info', body: result.text, at: NOW + 60_000 });
    expect(detail.ticket.firstResponseAt).toBe(NOW + 60_000);
  });
});
