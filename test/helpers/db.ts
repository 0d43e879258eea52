import { openMemoryDatabase, type Db } from '../../src/db/open.js';
import { addShop } from '../../src/domain/shops/shops.js';

export const NOW = Date.parse('2026-11-25T08:00:00Z');

/** A fresh migrated in-memory database per test. */
export function memoryDb(): Db {
  return openMemoryDatabase();
}

/** A database with one default Taobao shop (CNY, Asia/Shanghai). */
export function shopDb(): Db {
  const db = memoryDb();
  addShop(db, { name: 'Tea House', platform: 'taobao' }, NOW);
  return db;
}
