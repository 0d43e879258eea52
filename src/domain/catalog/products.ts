import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import * as q from '../../db/queries/catalog.js';
import { conflict } from '../errors.js';
import { findProduct } from './lookup.js';
import { insertNewSku } from './skus.js';
import { flagNames, type FieldNames, type NewProduct, type ProductFields, type ProductFilter, type ProductStatus, type ProductWithSkus } from './types.js';
import { checkHandle, checkTitle, slugify } from './values.js';

const optional = (text: string | undefined, current: string | null) => (text === undefined ? current : text.trim() === '' ? null : text.trim());

/** A handle from the title, unique: "silk-scarf", "silk-scarf-2"; a title with no ASCII words gets "p<id>". */
export function uniqueHandle(db: Db, title: string): string {
  const base = slugify(title) || `p${q.nextProductId(db)}`;
  let handle = base;
  for (let n = 2; q.handleTaken(db, handle); n++) handle = `${base}-${n}`;
  return handle;
}

export function addProduct(db: Db, input: NewProduct, now: number, names: FieldNames = flagNames): ProductWithSkus {
  const title = checkTitle(input.title, names);
  return writeTransaction(db, () => {
    const handle = input.handle !== undefined ? checkHandle(input.handle) : uniqueHandle(db, title);
    if (input.handle !== undefined && q.handleTaken(db, handle)) throw conflict('product.handleExists', { handle });
    const id = q.insertProduct(db, {
      handle,
      title,
      category: optional(input.category, null),
      brand: optional(input.brand, null),
      description: optional(input.description, null),
      attributes: input.attributes ?? {},
      status: 'active',
      createdAt: now,
      updatedAt: now,
    });
    insertNewSku(db, id, input.sku, now, names);
    return getProduct(db, String(id));
  });
}

export function getProduct(db: Db, ref: string): ProductWithSkus {
  const product = findProduct(db, ref);
  return { ...product, skus: q.skusOfProduct(db, product.id) };
}

export function listProducts(db: Db, filter: ProductFilter): ProductWithSkus[] {
  return q.productsWithSkus(db, filter).map(({ product, skus }) => ({ ...product, skus }));
}

export function productLinks(db: Db, productId: number) {
  return q.linksOfProduct(db, productId);
}

export function editProduct(db: Db, ref: string, changes: ProductFields & { handle?: string }, now: number, names: FieldNames = flagNames): ProductWithSkus {
  return writeTransaction(db, () => {
    const product = findProduct(db, ref);
    const handle = changes.handle !== undefined ? checkHandle(changes.handle) : product.handle;
    if (handle.toLowerCase() !== product.handle.toLowerCase() && q.handleTaken(db, handle)) throw conflict('product.handleExists', { handle });
    const attributes = { ...product.attributes, ...changes.attributes };
    for (const key of changes.removeAttributes ?? []) delete attributes[key];
    q.updateProduct(db, {
      ...product,
      handle,
      title: changes.title !== undefined ? checkTitle(changes.title, names) : product.title,
      category: optional(changes.category, product.category),
      brand: optional(changes.brand, product.brand),
      description: optional(changes.description, product.description),
      attributes,
      updatedAt: now,
    });
    return getProduct(db, String(product.id));
  });
}

/** Archiving hides a product from lists and imports' matching without losing its history. */
export function setProductStatus(db: Db, ref: string, status: ProductStatus, now: number): { product: ProductWithSkus; changed: boolean } {
  return writeTransaction(db, () => {
    const product = findProduct(db, ref);
    const changed = product.status !== status;
    if (changed) q.updateProduct(db, { ...product, status, updatedAt: now });
    return { product: getProduct(db, String(product.id)), changed };
  });
}
