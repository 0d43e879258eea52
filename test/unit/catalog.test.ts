import { describe, expect, it } from 'vitest';
import { linkListing } from '../../src/domain/catalog/links.js';
import { findSku } from '../../src/domain/catalog/lookup.js';
import { addProduct, editProduct, getProduct, listProducts, setProductStatus } from '../../src/domain/catalog/products.js';
import { addSku, editSku } from '../../src/domain/catalog/skus.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { receiveStock } from '../../src/domain/inventory/stock.js';
import { NOW, shopDb } from '../helpers/db.js';

const scarf = (db = shopDb()) => {
  addProduct(db, { title: 'Silk scarf', category: 'Accessories', brand: 'Hangzhou Silk', attributes: { material: 'silk' }, sku: { code: 'SCARF-RED', price: '129.00', cost: '40', variant: { colour: 'red' }, lowStockThreshold: '3' } }, NOW);
  return db;
};

describe('products and SKUs', () => {
  it('adds a product with its first SKU, money in minor units of the default shop currency', () => {
    const db = scarf();
    const p = getProduct(db, 'silk-scarf');
    expect(p).toMatchObject({ handle: 'silk-scarf', title: 'Silk scarf', status: 'active', attributes: { material: 'silk' } });
    expect(p.skus).toEqual([expect.objectContaining({ code: 'SCARF-RED', price: 12900, cost: 4000, currency: 'CNY', variant: { colour: 'red' }, lowStockThreshold: 3, onHand: 0 })]);
  });

  it('refuses a duplicate SKU code, in any case, as a conflict', () => {
    const db = scarf();
    expect(() => addProduct(db, { title: 'Other', sku: { code: 'scarf-red', price: '1' } }, NOW)).toThrow(expect.objectContaining({ kind: 'conflict', key: 'sku.exists' }));
    expect(listProducts(db, {})).toHaveLength(1);
  });

  it('refuses 12.345 as a CNY price naming the field, and writes nothing', () => {
    const db = shopDb();
    expect(() => addProduct(db, { title: 'Tea', sku: { code: 'T1', price: '12.345' } }, NOW)).toThrow(expect.objectContaining({ kind: 'usage', key: 'money.invalid', params: expect.objectContaining({ field: '--price' }) }));
    expect(listProducts(db, { status: 'all' })).toEqual([]);
  });

  it('gives Chinese titles a generated handle and makes handles unique', () => {
    const db = shopDb();
    const a = addProduct(db, { title: '西湖龙井', sku: { code: 'LJ', price: '368' } }, NOW);
    const b = addProduct(db, { title: 'Silk scarf', sku: { code: 'S1', price: '1' } }, NOW);
    const c = addProduct(db, { title: 'Silk Scarf!', sku: { code: 'S2', price: '1' } }, NOW);
    expect([a.handle, b.handle, c.handle]).toEqual(['p1', 'silk-scarf', 'silk-scarf-2']);
  });

  it('adds variants and finds a product by id, handle or any SKU code', () => {
    const db = scarf();
    addSku(db, 'silk-scarf', { code: 'SCARF-BLUE', price: '139', variant: { colour: 'blue' } }, NOW);
    expect(getProduct(db, 'SCARF-BLUE').skus.map((s) => s.code)).toEqual(['SCARF-RED', 'SCARF-BLUE']);
    expect(getProduct(db, '1').handle).toBe('silk-scarf');
  });

  it('suggests the nearest SKU codes for an unknown one (exit 3)', () => {
    const db = scarf();
    addSku(db, 'silk-scarf', { code: 'SCARF-BLUE', price: '139' }, NOW);
    expect(() => findSku(db, 'SCARF-BLU')).toThrow(expect.objectContaining({ kind: 'not_found', hint: { key: 'hint.didYouMean', params: { names: expect.stringMatching(/^SCARF-BLUE/) } } }));
    expect(() => findSku(db, 'zzzzzzzzzzzz')).toThrow(expect.objectContaining({ kind: 'not_found', hint: { key: 'sku.list.hint' } }));
  });

  it('edits SKU fields, keeps what is not given, clears with an empty value, and renames', () => {
    const db = scarf();
    const edited = editSku(db, 'SCARF-RED', { price: '119.5', barcode: '6901234567892', reorderPoint: '10', leadTimeDays: '7', newCode: 'SCARF-R' }, NOW);
    expect(edited).toMatchObject({ code: 'SCARF-R', price: 11950, cost: 4000, barcode: '6901234567892', reorderPoint: 10, leadTimeDays: 7 });
    expect(editSku(db, 'SCARF-R', { cost: '' }, NOW).cost).toBeNull();
    expect(() => editSku(db, 'SCARF-R', { price: '' }, NOW)).toThrow(expect.objectContaining({ kind: 'usage' }));
  });

  it('edits products and archives them out of the default list', () => {
    const db = scarf();
    editProduct(db, 'silk-scarf', { title: 'Mulberry silk scarf', attributes: { origin: 'Hangzhou' }, removeAttributes: ['material'], brand: '' }, NOW);
    expect(getProduct(db, '1')).toMatchObject({ title: 'Mulberry silk scarf', attributes: { origin: 'Hangzhou' }, brand: null });
    expect(setProductStatus(db, '1', 'archived', NOW).changed).toBe(true);
    expect(setProductStatus(db, '1', 'archived', NOW).changed).toBe(false);
    expect(listProducts(db, {})).toEqual([]);
    expect(listProducts(db, { status: 'archived' })).toHaveLength(1);
  });

  it('lists with search (title, SKU, barcode), category and low stock', () => {
    const db = scarf();
    addProduct(db, { title: 'Gaiwan', category: 'Teaware', sku: { code: 'GW-1', price: '168', barcode: '6900000000017', lowStockThreshold: '2' } }, NOW);
    receiveStock(db, { sku: 'GW-1', quantity: 10 }, NOW);
    receiveStock(db, { sku: 'SCARF-RED', quantity: 3 }, NOW);
    expect(listProducts(db, { search: 'gai' }).map((p) => p.title)).toEqual(['Gaiwan']);
    expect(listProducts(db, { search: 'SCARF' }).map((p) => p.title)).toEqual(['Silk scarf']);
    expect(listProducts(db, { search: '6900000000017' }).map((p) => p.title)).toEqual(['Gaiwan']);
    expect(listProducts(db, { search: '%' })).toEqual([]);
    expect(listProducts(db, { category: 'teaware' }).map((p) => p.title)).toEqual(['Gaiwan']);
    expect(listProducts(db, { lowStock: true }).map((p) => p.title)).toEqual(['Silk scarf']);
  });

  it('links a shop listing to a SKU, and moves a link that pointed elsewhere', () => {
    const db = scarf();
    addShop(db, { name: 'US', platform: 'shopify', currency: 'USD', timezone: 'UTC' }, NOW);
    addSku(db, 'silk-scarf', { code: 'SCARF-BLUE', price: '139' }, NOW);
    expect(linkListing(db, { sku: 'SCARF-RED', shop: 'Tea House', listingId: '652281934471', platformSku: '5012' }, NOW).outcome).toBe('created');
    expect(linkListing(db, { sku: 'SCARF-RED', shop: 'Tea House', listingId: '652281934471', platformSku: '5012' }, NOW).outcome).toBe('unchanged');
    expect(linkListing(db, { sku: 'SCARF-BLUE', shop: 'Tea House', listingId: '652281934471', platformSku: '5012' }, NOW)).toMatchObject({ outcome: 'moved', previousSku: 'SCARF-RED' });
    expect(() => linkListing(db, { sku: 'SCARF-RED', shop: 'Nope', listingId: '1' }, NOW)).toThrow(expect.objectContaining({ kind: 'not_found' }));
  });
});
