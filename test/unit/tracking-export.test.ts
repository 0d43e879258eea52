import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/open.js';
import { addProduct } from '../../src/domain/catalog/products.js';
import {
  GENERIC_HEADER,
  amazonCarrier,
  amazonLayout,
  checkTrackingPlatform,
  genericLayout,
  itemsText,
  shopifyLayout,
  taobaoLayout,
  trackingExport,
} from '../../src/domain/fulfilment/tracking-export.js';
import { receiveStock } from '../../src/domain/inventory/stock.js';
import { addOrder } from '../../src/domain/orders/create.js';
import { shipOrder } from '../../src/domain/orders/ship.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { NOW, shopDb } from '../helpers/db.js';

const TAOBAO_ORDER = '6917926768823643751'; // 19 digits: more than a JS number keeps
const AMAZON_ORDER = '114-3941689-8772232';
/** 02:00Z: 10:00 in Shanghai on the 25th, 21:00 in New York on the 24th. NOW (08:00Z) is the 25th in both. */
const EARLY = Date.parse('2026-11-25T02:00:00Z');

/**
 * A Taobao shop (Asia/Shanghai, the default) and an Amazon shop (America/New_York), one order each, each
 * shipped in two parcels: one unit of X early, then the rest at NOW.
 */
function seeded(): Db {
  const db = shopDb();
  addShop(db, { name: 'US Store', platform: 'amazon', currency: 'USD', timezone: 'America/New_York' }, NOW);
  addProduct(db, { title: 'Longjing', sku: { code: 'X', price: '368' } }, NOW);
  addProduct(db, { title: 'Teacup', sku: { code: 'Y', price: '99' } }, NOW);
  receiveStock(db, { sku: 'X', quantity: 20 }, NOW);
  receiveStock(db, { sku: 'Y', quantity: 20 }, NOW);
  addOrder(db, { platformOrderId: TAOBAO_ORDER, buyer: {}, address: {}, items: [{ sku: 'X', quantity: 2 }, { sku: 'Y', quantity: 1 }], paid: true }, EARLY - 3_600_000);
  addOrder(
    db,
    { shop: 'US Store', platformOrderId: AMAZON_ORDER, buyer: {}, address: {}, items: [{ sku: 'X', quantity: 2, unitPrice: '12.00' }, { sku: 'Y', quantity: 1, unitPrice: '5.00' }], paid: true },
    EARLY - 3_600_000,
  );
  shipOrder(db, { ref: TAOBAO_ORDER, carrier: '顺丰', tracking: 'SF1234567890123', items: [{ sku: 'X', quantity: 1 }] }, EARLY);
  shipOrder(db, { ref: TAOBAO_ORDER, carrier: '中通', tracking: '773000000000001' }, NOW);
  shipOrder(db, { ref: AMAZON_ORDER, carrier: 'UPS', tracking: '1Z999AA10123456784', items: [{ sku: 'X', quantity: 1 }] }, EARLY);
  shipOrder(db, { ref: AMAZON_ORDER, carrier: 'zto', tracking: '773000000000002' }, NOW);
  return db;
}

describe('platform choice', () => {
  it('takes the four layouts in any case and refuses others as usage errors listing the choices', () => {
    expect(checkTrackingPlatform(' Amazon ')).toBe('amazon');
    expect(checkTrackingPlatform('TAOBAO')).toBe('taobao');
    expect(() => checkTrackingPlatform('ebay')).toThrow(
      expect.objectContaining({ kind: 'usage', key: 'tracking.platformUnknown', params: { value: 'ebay', platforms: 'amazon, shopify, taobao, generic' } }),
    );
  });
});

describe('selecting shipments', () => {
  it('reads each layout from the shops on its platform, generic from all, --shop from that one', () => {
    const db = seeded();
    const pick = (platform: 'amazon' | 'taobao' | 'generic' | 'shopify', shop?: string) => trackingExport(db, { platform, shop }, NOW);
    expect(pick('amazon').shipments.map((s) => s.order)).toEqual([AMAZON_ORDER, AMAZON_ORDER]);
    expect(pick('taobao').shipments.map((s) => s.order)).toEqual([TAOBAO_ORDER, TAOBAO_ORDER]);
    expect(pick('generic').shipments.map((s) => s.shop)).toEqual(['Tea House', 'US Store', 'Tea House', 'US Store']);
    expect(pick('shopify')).toEqual({ shops: [], shipments: [] });
    expect(pick('amazon', 'Tea House').shipments.map((s) => s.order)).toEqual([TAOBAO_ORDER, TAOBAO_ORDER]);
    expect(() => pick('amazon', 'Nowhere')).toThrow(expect.objectContaining({ kind: 'not_found', key: 'shop.notFound' }));
  });

  it('carries each parcel with its order as text, carrier, time and the units of each line', () => {
    const [first, second] = trackingExport(seeded(), { platform: 'taobao' }, NOW).shipments;
    expect(first).toMatchObject({ shop: 'Tea House', platform: 'taobao', timezone: 'Asia/Shanghai', order: TAOBAO_ORDER, carrier: 'SF', trackingNumber: 'SF1234567890123', shippedAt: EARLY });
    expect(typeof first!.order).toBe('string');
    expect(first!.items).toEqual([{ lineKey: '1', sku: 'X', platformSku: null, title: 'Longjing', quantity: 1 }]);
    expect(second!.items.map((i) => [i.lineKey, i.sku, i.quantity])).toEqual([
      ['1', 'X', 1],
      ['2', 'Y', 1],
    ]);
  });

  it('reads --since in each shop\'s own time zone', () => {
    const db = seeded();
    // 2026-11-25 starts at 16:00Z on the 24th in Shanghai (both Taobao parcels) and at 05:00Z in New York (the later US parcel only).
    const since = trackingExport(db, { platform: 'generic', since: '2026-11-25' }, NOW).shipments;
    expect(since.map((s) => [s.shop, s.trackingNumber])).toEqual([
      ['Tea House', 'SF1234567890123'],
      ['Tea House', '773000000000001'],
      ['US Store', '773000000000002'],
    ]);
    expect(trackingExport(db, { platform: 'amazon', since: '2026-11-24 21:00' }, NOW).shipments).toHaveLength(2);
    expect(trackingExport(db, { platform: 'amazon', since: '2026-11-24 21:01' }, NOW).shipments).toHaveLength(1);
    expect(trackingExport(db, { platform: 'taobao', since: '3h' }, NOW).shipments.map((s) => s.trackingNumber)).toEqual(['773000000000001']);
    expect(trackingExport(db, { platform: 'generic', since: '2026-11-26' }, NOW).shipments).toEqual([]);
  });

  it('refuses a bad --since even when no shop is read', () => {
    const db = seeded();
    expect(() => trackingExport(db, { platform: 'shopify', since: 'last tuesday' }, NOW)).toThrow(
      expect.objectContaining({ kind: 'usage', key: 'time.invalid', params: { field: '--since', value: 'last tuesday' } }),
    );
  });
});

describe('layouts', () => {
  it('amazon: one row per line in each parcel, ship-date with the shop\'s offset, Amazon carrier codes', () => {
    const file = amazonLayout(trackingExport(seeded(), { platform: 'amazon' }, NOW).shipments);
    expect(file.delimiter).toBe('tab');
    expect(file.header).toEqual(['order-id', 'order-item-id', 'quantity', 'ship-date', 'carrier-code', 'carrier-name', 'tracking-number', 'ship-method']);
    expect(file.rows).toEqual([
      [AMAZON_ORDER, '1', '1', '2026-11-24T21:00:00-05:00', 'UPS', '', '1Z999AA10123456784', ''],
      [AMAZON_ORDER, '1', '1', '2026-11-25T03:00:00-05:00', 'Other', 'ZTO Express', '773000000000002', ''],
      [AMAZON_ORDER, '2', '1', '2026-11-25T03:00:00-05:00', 'Other', 'ZTO Express', '773000000000002', ''],
    ]);
  });

  it('amazon: the same parcels from a Shanghai shop carry +08:00', () => {
    const rows = amazonLayout(trackingExport(seeded(), { platform: 'amazon', shop: 'Tea House' }, NOW).shipments).rows;
    expect(rows.map((r) => [r[0], r[3], r[4], r[5]])).toEqual([
      [TAOBAO_ORDER, '2026-11-25T10:00:00+08:00', 'SF Express', ''],
      [TAOBAO_ORDER, '2026-11-25T16:00:00+08:00', 'Other', 'ZTO Express'],
      [TAOBAO_ORDER, '2026-11-25T16:00:00+08:00', 'Other', 'ZTO Express'],
    ]);
  });

  it('amazon carrier codes: listed carriers by Amazon\'s spelling, others as Other with their name', () => {
    expect(amazonCarrier('UPS')).toEqual({ code: 'UPS', name: '' });
    expect(amazonCarrier('FEDEX')).toEqual({ code: 'FedEx', name: '' });
    expect(amazonCarrier('DHL')).toEqual({ code: 'DHL', name: '' });
    expect(amazonCarrier('USPS')).toEqual({ code: 'USPS', name: '' });
    expect(amazonCarrier('ROYALMAIL')).toEqual({ code: 'Royal Mail', name: '' });
    expect(amazonCarrier('CHINAPOST')).toEqual({ code: 'China Post', name: '' });
    expect(amazonCarrier('SF')).toEqual({ code: 'SF Express', name: '' });
    expect(amazonCarrier('yanwen')).toEqual({ code: 'Yanwen', name: '' });
    expect(amazonCarrier('JT')).toEqual({ code: 'Other', name: 'J&T Express' });
    expect(amazonCarrier('Acme Couriers')).toEqual({ code: 'Other', name: 'Acme Couriers' });
  });

  it('taobao: one row per parcel, Chinese headers and carrier names, the 19-digit order id intact', () => {
    const file = taobaoLayout(trackingExport(seeded(), { platform: 'taobao' }, NOW).shipments);
    expect(file).toEqual({
      delimiter: 'comma',
      header: ['订单编号', '物流公司', '运单号'],
      rows: [
        [TAOBAO_ORDER, '顺丰速运', 'SF1234567890123'],
        [TAOBAO_ORDER, '中通快递', '773000000000001'],
      ],
    });
  });

  it('shopify: one row per parcel with the carrier\'s name and tracking link; unknown carriers as typed, no link', () => {
    const db = shopDb();
    addShop(db, { name: 'Maple', platform: 'shopify', currency: 'CNY', timezone: 'America/New_York' }, NOW);
    addProduct(db, { title: 'Longjing', sku: { code: 'X', price: '368' } }, NOW);
    receiveStock(db, { sku: 'X', quantity: 5 }, NOW);
    addOrder(db, { shop: 'Maple', platformOrderId: '#1001', buyer: {}, address: {}, items: [{ sku: 'X', quantity: 2 }], paid: true }, NOW);
    shipOrder(db, { ref: '#1001', carrier: 'usps', tracking: '9400111899223197428490', items: [{ sku: 'X', quantity: 1 }] }, NOW);
    shipOrder(db, { ref: '#1001', carrier: 'Acme Couriers', tracking: 'AC-77' }, NOW + 1);
    const file = shopifyLayout(trackingExport(db, { platform: 'shopify' }, NOW).shipments);
    expect(file.header).toEqual(['Order Name', 'Tracking Number', 'Tracking Company', 'Tracking URL', 'Notify Customer']);
    expect(file.rows).toEqual([
      ['#1001', '9400111899223197428490', 'USPS', 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223197428490', 'true'],
      ['#1001', 'AC-77', 'Acme Couriers', '', 'true'],
    ]);
  });

  it('generic: every shop, one row per parcel, times with each shop\'s offset, items as SKU:QTY', () => {
    const file = genericLayout(trackingExport(seeded(), { platform: 'generic' }, NOW).shipments);
    expect(file.header).toEqual([...GENERIC_HEADER]);
    expect(file.rows).toEqual([
      ['Tea House', 'taobao', TAOBAO_ORDER, 'SF', 'SF1234567890123', 'https://www.sf-express.com/chn/sc/waybill/waybill-detail/SF1234567890123', '2026-11-25T10:00:00+08:00', 'X:1'],
      ['US Store', 'amazon', AMAZON_ORDER, 'UPS', '1Z999AA10123456784', 'https://www.ups.com/track?tracknum=1Z999AA10123456784', '2026-11-24T21:00:00-05:00', 'X:1'],
      ['Tea House', 'taobao', TAOBAO_ORDER, 'ZTO', '773000000000001', 'https://www.zto.com/?num=773000000000001', '2026-11-25T16:00:00+08:00', 'X:1,Y:1'],
      ['US Store', 'amazon', AMAZON_ORDER, 'ZTO', '773000000000002', 'https://www.zto.com/?num=773000000000002', '2026-11-25T03:00:00-05:00', 'X:1,Y:1'],
    ]);
  });

  it('items text adds up lines of one SKU and names unmatched lines by platform SKU or line key', () => {
    expect(
      itemsText([
        { lineKey: '1', sku: 'X', platformSku: null, title: 'a', quantity: 2 },
        { lineKey: '2', sku: 'Y', platformSku: null, title: 'b', quantity: 1 },
        { lineKey: '3', sku: 'X', platformSku: null, title: 'a', quantity: 3 },
        { lineKey: '4', sku: null, platformSku: 'P-9', title: 'c', quantity: 1 },
        { lineKey: '5', sku: null, platformSku: null, title: 'd', quantity: 4 },
      ]),
    ).toBe('X:5,Y:1,P-9:1,#5:4');
  });

  it('no shipments: a header and no rows', () => {
    const db = shopDb();
    for (const layout of [amazonLayout, shopifyLayout, taobaoLayout, genericLayout]) {
      const file = layout(trackingExport(db, { platform: 'generic' }, NOW).shipments);
      expect(file.rows).toEqual([]);
      expect(file.header.length).toBeGreaterThan(0);
    }
  });
});
