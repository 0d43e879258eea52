import { describe, expect, it } from 'vitest';
import { productListJsonText } from '../../src/db/queries/product-json.js';
import { addProduct, listProducts, setProductStatus } from '../../src/domain/catalog/products.js';
import { addSku } from '../../src/domain/catalog/skus.js';
import { seedDemo } from '../../src/domain/demo/seed.js';
import { productJson } from '../../src/cli/views/catalog.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { memoryDb, NOW } from '../helpers/db.js';

describe('product list JSON built by SQLite', () => {
  it('equals the JS serializer, order included, on the demo shop and every filter', () => {
    const db = memoryDb();
    seedDemo(db, NOW);
    for (const filter of [{}, { status: 'all' as const }, { status: 'archived' as const }, { category: 'teaware' }, { search: 'tea' }, { lowStock: true }]) {
      const fromSql = JSON.parse(productListJsonText(db, filter));
      expect(fromSql).toEqual(listProducts(db, filter).map(productJson));
    }
  });

  it('renders money per currency, nulls, booleans and odd millisecond times exactly', () => {
    const db = memoryDb();
    addShop(db, { name: 'JP', platform: 'amazon', currency: 'JPY', timezone: 'Asia/Tokyo' }, NOW);
    addProduct(db, { title: 'Kettle "quoted" \\ back', sku: { code: 'K1', price: '1500', location: 'A-1', allowBackorder: true } }, 1_764_112_788_999);
    addSku(db, 'K1', { code: 'K2', price: '0', currency: 'KWD', cost: '1.005', variant: { colour: '青' } }, 1);
    addSku(db, 'K1', { code: 'K3', price: '0.01', currency: 'USD', cost: '123456789.99' }, 999);
    setProductStatus(db, 'K1', 'active', 1_700_000_000_001);
    expect(JSON.parse(productListJsonText(db, {}))).toEqual(listProducts(db, {}).map(productJson));
    expect(JSON.parse(productListJsonText(db, { search: 'nothing' }))).toEqual([]);
  });
});
