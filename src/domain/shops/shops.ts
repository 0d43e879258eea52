import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import * as q from '../../db/queries/shops.js';
import { conflict, notFound, usageError } from '../errors.js';
import { isCurrency } from '../money.js';
import { nearest } from '../suggest.js';
import { isTimeZone } from '../zones.js';
import { CHINESE_PLATFORMS, PLATFORMS, type Platform, type Shop, type ShopChanges, type ShopInput } from './types.js';

function checkPlatform(value: string): Platform {
  const p = value.trim().toLowerCase();
  if (!(PLATFORMS as readonly string[]).includes(p)) throw usageError('shop.platformUnknown', { value, platforms: PLATFORMS.join(', ') });
  return p as Platform;
}

export function checkCurrency(value: string): string {
  const c = value.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(c) || !isCurrency(c)) throw usageError('shop.currencyUnknown', { value }, { key: 'shop.currencyUnknown.hint' });
  return c;
}

export function checkTimeZone(value: string): string {
  const z = value.trim();
  if (!isTimeZone(z)) throw usageError('shop.timezoneUnknown', { value }, { key: 'shop.timezoneUnknown.hint' });
  return z;
}

function checkName(value: string): string {
  const name = value.trim();
  if (name.length === 0 || name.length > 80) throw usageError('shop.nameInvalid', { value });
  return name;
}

/** What a platform implies when the seller does not say: CNY on Beijing time for the Chinese platforms. */
export function platformDefaults(platform: string): { currency?: string; timezone?: string } {
  return (CHINESE_PLATFORMS as readonly string[]).includes(platform) ? { currency: 'CNY', timezone: 'Asia/Shanghai' } : {};
}

export function addShop(db: Db, input: ShopInput, now: number): Shop {
  const platform = checkPlatform(input.platform);
  const defaults = platformDefaults(platform);
  const currencyText = input.currency ?? defaults.currency;
  const zoneText = input.timezone ?? defaults.timezone;
  if (currencyText === undefined) throw usageError('input.missingFlag', { flag: '--currency' }, { key: 'shop.currency.hint' });
  if (zoneText === undefined) throw usageError('input.missingFlag', { flag: '--timezone' }, { key: 'shop.timezone.hint' });
  const shop = { name: checkName(input.name), platform, currency: checkCurrency(currencyText), timezone: checkTimeZone(zoneText) };
  return writeTransaction(db, () => {
    if (q.shopByName(db, shop.name)) throw conflict('shop.exists', { name: shop.name });
    const first = q.shopCount(db) === 0;
    const id = q.insertShop(db, { ...shop, isDefault: false, createdAt: now });
    if (first || input.makeDefault) q.setDefaultShop(db, id);
    return q.shopById(db, id)!;
  });
}

export function listShops(db: Db): Shop[] {
  return q.allShops(db);
}

export function findShop(db: Db, name: string): Shop {
  const shop = q.shopByName(db, name.trim());
  if (shop) return shop;
  const suggestions = nearest(name, q.allShops(db).map((s) => s.name));
  throw notFound(
    'shop.notFound',
    { name },
    suggestions.length > 0 ? { key: 'hint.didYouMean', params: { names: suggestions.join(', ') } } : { key: 'shop.list.hint' },
  );
}

/** The named shop, else the default one; a database without shops is told how to add one. */
export function resolveShop(db: Db, name?: string): Shop {
  if (name !== undefined) return findShop(db, name);
  const shop = q.defaultShopRow(db);
  if (!shop) throw notFound('shop.none', {}, { key: 'shop.none.hint' });
  return shop;
}

export function defaultShop(db: Db): Shop | undefined {
  return q.defaultShopRow(db);
}

export function editShop(db: Db, name: string, changes: ShopChanges): Shop {
  const updates = {
    ...(changes.name !== undefined && { name: checkName(changes.name) }),
    ...(changes.platform !== undefined && { platform: checkPlatform(changes.platform) }),
    ...(changes.currency !== undefined && { currency: checkCurrency(changes.currency) }),
    ...(changes.timezone !== undefined && { timezone: checkTimeZone(changes.timezone) }),
  };
  return writeTransaction(db, () => {
    const shop = findShop(db, name);
    if (updates.name && updates.name.toLowerCase() !== shop.name.toLowerCase() && q.shopByName(db, updates.name)) {
      throw conflict('shop.exists', { name: updates.name });
    }
    q.updateShop(db, { ...shop, ...updates });
    if (changes.makeDefault) q.setDefaultShop(db, shop.id);
    return q.shopById(db, shop.id)!;
  });
}
