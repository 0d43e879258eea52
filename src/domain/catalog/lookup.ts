import type { Db } from '../../db/open.js';
import * as q from '../../db/queries/catalog.js';
import { notFound, type Hint } from '../errors.js';
import { nearest } from '../suggest.js';
import type { Product, Sku } from './types.js';

const didYouMean = (names: string[], otherwise: Hint): Hint =>
  names.length > 0 ? { key: 'hint.didYouMean', params: { names: names.join(', ') } } : otherwise;

/** An unknown SKU is exit 3 with the closest codes offered. */
export function findSku(db: Db, code: string): Sku {
  const sku = q.skuByCode(db, code.trim());
  if (sku) return sku;
  throw notFound('sku.notFound', { code }, didYouMean(nearest(code.trim(), q.allSkuCodes(db)), { key: 'sku.list.hint' }));
}

/** Finds a product by id, handle, or the code of one of its SKUs; suggests near names when none matches. */
export function findProduct(db: Db, ref: string): Product {
  const r = ref.trim();
  const byId = /^\d+$/.test(r) ? q.productById(db, Number(r)) : undefined;
  const bySku = () => {
    const sku = q.skuByCode(db, r);
    return sku && q.productById(db, sku.productId);
  };
  const product = byId ?? q.productByHandle(db, r) ?? bySku();
  if (product) return product;
  throw notFound('product.notFound', { ref }, didYouMean(nearest(r, [...q.allHandles(db), ...q.allSkuCodes(db)]), { key: 'product.list.hint' }));
}
