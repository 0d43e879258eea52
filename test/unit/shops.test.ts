import { describe, expect, it } from 'vitest';
import { addShop, editShop, findShop, listShops, resolveShop } from '../../src/domain/shops/shops.js';
import { memoryDb, NOW } from '../helpers/db.js';

describe('shops', () => {
  it('defaults Chinese platforms to CNY on Beijing time and makes the first shop the default', () => {
    const db = memoryDb();
    const shop = addShop(db, { name: '山间茶舍', platform: 'taobao' }, NOW);
    expect(shop).toMatchObject({ platform: 'taobao', currency: 'CNY', timezone: 'Asia/Shanghai', isDefault: true });
    const second = addShop(db, { name: 'US', platform: 'shopify', currency: 'usd', timezone: 'America/New_York' }, NOW);
    expect(second).toMatchObject({ currency: 'USD', isDefault: false });
    expect(resolveShop(db).name).toBe('山间茶舍');
  });

  it('needs a currency and time zone for platforms that do not imply one', () => {
    const db = memoryDb();
    expect(() => addShop(db, { name: 'US', platform: 'shopify', timezone: 'UTC' }, NOW)).toThrow(
      expect.objectContaining({ kind: 'usage', params: { flag: '--currency' } }),
    );
    expect(() => addShop(db, { name: 'US', platform: 'shopify', currency: 'USD' }, NOW)).toThrow(
      expect.objectContaining({ kind: 'usage', params: { flag: '--timezone' } }),
    );
  });

  it('refuses unknown currencies, zones and platforms as usage errors (exit 2)', () => {
    const db = memoryDb();
    expect(() => addShop(db, { name: 'A', platform: 'taobao', currency: 'XYZ' }, NOW)).toThrow(expect.objectContaining({ kind: 'usage', key: 'shop.currencyUnknown' }));
    expect(() => addShop(db, { name: 'A', platform: 'taobao', timezone: 'Asia/Beijing' }, NOW)).toThrow(expect.objectContaining({ kind: 'usage', key: 'shop.timezoneUnknown' }));
    expect(() => addShop(db, { name: 'A', platform: 'aliexpress' }, NOW)).toThrow(expect.objectContaining({ kind: 'usage', key: 'shop.platformUnknown' }));
    expect(listShops(db)).toEqual([]);
  });

  it('refuses a second shop with the same name, whatever its case', () => {
    const db = memoryDb();
    addShop(db, { name: 'Tea', platform: 'jd' }, NOW);
    expect(() => addShop(db, { name: 'TEA', platform: 'pdd' }, NOW)).toThrow(expect.objectContaining({ kind: 'conflict' }));
  });

  it('moves the default and keeps exactly one', () => {
    const db = memoryDb();
    addShop(db, { name: 'A', platform: 'jd' }, NOW);
    addShop(db, { name: 'B', platform: 'pdd', makeDefault: true }, NOW);
    expect(listShops(db).filter((s) => s.isDefault).map((s) => s.name)).toEqual(['B']);
    editShop(db, 'a', { makeDefault: true, timezone: 'Asia/Hong_Kong' });
    expect(listShops(db).filter((s) => s.isDefault).map((s) => s.name)).toEqual(['A']);
    expect(findShop(db, 'A').timezone).toBe('Asia/Hong_Kong');
  });

  it('suggests near names for an unknown shop', () => {
    const db = memoryDb();
    addShop(db, { name: 'Tea House', platform: 'jd' }, NOW);
    expect(() => findShop(db, 'Tea Hose')).toThrow(expect.objectContaining({ kind: 'not_found', hint: { key: 'hint.didYouMean', params: { names: 'Tea House' } } }));
  });

  it('says how to add a shop when there is none', () => {
    expect(() => resolveShop(memoryDb())).toThrow(expect.objectContaining({ kind: 'not_found', key: 'shop.none' }));
  });
});
