import type { Db } from '../../src/db/open.js';
import { addProduct } from '../../src/domain/catalog/products.js';
import { receiveStock } from '../../src/domain/inventory/stock.js';
import { addOrder, type NewOrderInput } from '../../src/domain/orders/create.js';
import { NOW, shopDb } from './db.js';

export const ADDRESS = { name: '王芳', phone: '13812345678', province: '浙江省', city: '杭州市', district: '西湖区', street: '文三路 100 号', postcode: '310000', country: 'CN' };

/** A Taobao shop with SKUs A (stock 10), B (stock 5), C (stock 0, backorders allowed). */
export function orderDb(): Db {
  const db = shopDb();
  addProduct(db, { title: 'Tea A', sku: { code: 'A', price: '10.00', location: 'A-01' } }, NOW);
  addProduct(db, { title: 'Tea B', sku: { code: 'B', price: '25.50', location: 'B-02' } }, NOW);
  addProduct(db, { title: 'Teapot C', sku: { code: 'C', price: '99', allowBackorder: true } }, NOW);
  receiveStock(db, { sku: 'A', quantity: 10 }, NOW);
  receiveStock(db, { sku: 'B', quantity: 5 }, NOW);
  return db;
}

export function order(db: Db, items: NewOrderInput['items'], extra: Partial<NewOrderInput> = {}) {
  return addOrder(db, { buyer: { name: '王芳', phone: '13812345678' }, address: ADDRESS, items, ...extra }, NOW);
}
