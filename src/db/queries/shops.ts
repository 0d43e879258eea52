import { statement, type Db } from '../open.js';
import type { Platform, Shop } from '../../domain/shops/types.js';

interface ShopRow {
  id: number;
  name: string;
  platform: string;
  currency: string;
  timezone: string;
  is_default: number;
  created_at: number;
}

const toShop = (r: ShopRow): Shop => ({
  id: r.id,
  name: r.name,
  platform: r.platform as Platform,
  currency: r.currency,
  timezone: r.timezone,
  isDefault: r.is_default === 1,
  createdAt: r.created_at,
});

export function allShops(db: Db): Shop[] {
  return (statement(db, 'SELECT * FROM shop ORDER BY is_default DESC, name').all() as ShopRow[]).map(toShop);
}

export function shopByName(db: Db, name: string): Shop | undefined {
  const row = statement(db, 'SELECT * FROM shop WHERE name = ?').get(name) as ShopRow | undefined;
  return row && toShop(row);
}

export function shopById(db: Db, id: number): Shop | undefined {
  const row = statement(db, 'SELECT * FROM shop WHERE id = ?').get(id) as ShopRow | undefined;
  return row && toShop(row);
}

export function defaultShopRow(db: Db): Shop | undefined {
  const row = statement(db, 'SELECT * FROM shop WHERE is_default = 1').get() as ShopRow | undefined;
  return row && toShop(row);
}

export function insertShop(db: Db, s: Omit<Shop, 'id'>): number {
  const info = statement(db, 'INSERT INTO shop (name, platform, currency, timezone, is_default, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(s.name, s.platform, s.currency, s.timezone, s.isDefault ? 1 : 0, s.createdAt);
  return Number(info.lastInsertRowid);
}

export function updateShop(db: Db, s: Shop): void {
  statement(db, 'UPDATE shop SET name = ?, platform = ?, currency = ?, timezone = ? WHERE id = ?').run(s.name, s.platform, s.currency, s.timezone, s.id);
}

export function setDefaultShop(db: Db, id: number): void {
  statement(db, 'UPDATE shop SET is_default = 0 WHERE is_default = 1 AND id <> ?').run(id);
  statement(db, 'UPDATE shop SET is_default = 1 WHERE id = ?').run(id);
}

export function shopCount(db: Db): number {
  return (statement(db, 'SELECT count(*) AS n FROM shop').get() as { n: number }).n;
}
