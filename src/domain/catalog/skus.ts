import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import * as q from '../../db/queries/catalog.js';
import { conflict } from '../errors.js';
import { defaultShop } from '../shops/shops.js';
import { findProduct, findSku } from './lookup.js';
import { reattributeLines } from '../imports/reattribute.js';
import { flagNames, type FieldNames, type NewSku, type Sku, type SkuFields } from './types.js';
import { checkSkuCode, skuValues } from './values.js';

const EMPTY_SKU = {
  barcode: null,
  variant: {},
  cost: null,
  price: 0,
  weightGrams: null,
  lowStockThreshold: 0,
  reorderPoint: null,
  leadTimeDays: null,
  location: null,
  allowBackorder: false,
};

/** The currency new SKUs are priced in: the default shop's, else CNY. */
export function catalogueCurrency(db: Db): string {
  return defaultShop(db)?.currency ?? 'CNY';
}

/** Inserts a SKU inside the caller's transaction. */
export function insertNewSku(db: Db, productId: number, input: NewSku, now: number, names: FieldNames): number {
  const code = checkSkuCode(input.code, names);
  const currency = catalogueCurrency(db);
  const values = skuValues(input, { ...EMPTY_SKU, currency }, names);
  if (q.skuByCode(db, code)) throw conflict('sku.exists', { code }, { key: 'sku.exists.hint', params: { code } });
  const id = q.insertSku(db, productId, code, values, now);
  reattributeLines(db, now, { sellerSku: code });
  return id;
}

export function addSku(db: Db, productRef: string, input: NewSku, now: number, names: FieldNames = flagNames): Sku {
  return writeTransaction(db, () => {
    const product = findProduct(db, productRef);
    const id = insertNewSku(db, product.id, input, now, names);
    return q.skuById(db, id)!;
  });
}

export function editSku(db: Db, code: string, fields: SkuFields & { newCode?: string }, now: number, names: FieldNames = flagNames): Sku {
  return writeTransaction(db, () => {
    const sku = findSku(db, code);
    q.updateSku(db, sku.id, skuValues(fields, sku, names), now);
    if (fields.newCode !== undefined) {
      const newCode = checkSkuCode(fields.newCode, names);
      const other = q.skuByCode(db, newCode);
      if (other && other.id !== sku.id) throw conflict('sku.exists', { code: newCode }, { key: 'sku.exists.hint', params: { code: newCode } });
      q.setSkuCode(db, sku.id, newCode, now);
    }
    return q.skuById(db, sku.id)!;
  });
}
