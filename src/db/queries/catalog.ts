import { statement, type Db } from '../open.js';
import type { Product, ProductFilter, ProductStatus, Sku } from '../../domain/catalog/types.js';
import type { SkuValues } from '../../domain/catalog/values.js';

interface ProductRow {
  id: number;
  handle: string;
  title: string;
  category: string | null;
  brand: string | null;
  description: string | null;
  attributes: string;
  status: string;
  created_at: number;
  updated_at: number;
}

interface SkuRow {
  id: number;
  product_id: number;
  code: string;
  barcode: string | null;
  variant: string;
  currency: string;
  cost: number | null;
  price: number;
  weight_g: number | null;
  low_stock_threshold: number;
  reorder_point: number | null;
  lead_time_days: number | null;
  location: string | null;
  allow_backorder: number;
  on_hand: number;
  reserved: number;
}

export const toProduct = (r: ProductRow): Product => ({
  id: r.id,
  handle: r.handle,
  title: r.title,
  category: r.category,
  brand: r.brand,
  description: r.description,
  attributes: JSON.parse(r.attributes),
  status: r.status as ProductStatus,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toSku = (r: SkuRow): Sku => ({
  id: r.id,
  productId: r.product_id,
  code: r.code,
  barcode: r.barcode,
  variant: JSON.parse(r.variant),
  currency: r.currency,
  cost: r.cost,
  price: r.price,
  weightGrams: r.weight_g,
  lowStockThreshold: r.low_stock_threshold,
  reorderPoint: r.reorder_point,
  leadTimeDays: r.lead_time_days,
  location: r.location,
  allowBackorder: r.allow_backorder === 1,
  onHand: r.on_hand,
  reserved: r.reserved,
});

export function productById(db: Db, id: number): Product | undefined {
  const row = statement(db, 'SELECT * FROM product WHERE id = ?').get(id) as ProductRow | undefined;
  return row && toProduct(row);
}

export function productByHandle(db: Db, handle: string): Product | undefined {
  const row = statement(db, 'SELECT * FROM product WHERE handle = ?').get(handle) as ProductRow | undefined;
  return row && toProduct(row);
}

export function handleTaken(db: Db, handle: string): boolean {
  return statement(db, 'SELECT 1 FROM product WHERE handle = ?').get(handle) !== undefined;
}

export function nextProductId(db: Db): number {
  return (statement(db, 'SELECT coalesce(max(id), 0) + 1 AS id FROM product').get() as { id: number }).id;
}

export function insertProduct(db: Db, p: Omit<Product, 'id'>): number {
  const info = statement(db, 
      'INSERT INTO product (handle, title, category, brand, description, attributes, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(p.handle, p.title, p.category, p.brand, p.description, JSON.stringify(p.attributes), p.status, p.createdAt, p.updatedAt);
  return Number(info.lastInsertRowid);
}

export function updateProduct(db: Db, p: Product): void {
  statement(db, 
    'UPDATE product SET handle = ?, title = ?, category = ?, brand = ?, description = ?, attributes = ?, status = ?, updated_at = ? WHERE id = ?',
  ).run(p.handle, p.title, p.category, p.brand, p.description, JSON.stringify(p.attributes), p.status, p.updatedAt, p.id);
}

export function skuByCode(db: Db, code: string): Sku | undefined {
  const row = statement(db, 'SELECT * FROM sku WHERE code = ?').get(code) as SkuRow | undefined;
  return row && toSku(row);
}

export function skuById(db: Db, id: number): Sku | undefined {
  const row = statement(db, 'SELECT * FROM sku WHERE id = ?').get(id) as SkuRow | undefined;
  return row && toSku(row);
}

export function skusOfProduct(db: Db, productId: number): Sku[] {
  return (statement(db, 'SELECT * FROM sku WHERE product_id = ? ORDER BY id').all(productId) as SkuRow[]).map(toSku);
}

export function allSkuCodes(db: Db): string[] {
  return statement(db, 'SELECT code FROM sku').pluck().all() as string[];
}

export function allHandles(db: Db): string[] {
  return statement(db, 'SELECT handle FROM product').pluck().all() as string[];
}

export function insertSku(db: Db, productId: number, code: string, v: SkuValues, now: number): number {
  const info = statement(db, 
      `INSERT INTO sku (product_id, code, barcode, variant, currency, cost, price, weight_g, low_stock_threshold, reorder_point,
        lead_time_days, location, allow_backorder, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(productId, code, v.barcode, JSON.stringify(v.variant), v.currency, v.cost, v.price, v.weightGrams, v.lowStockThreshold,
      v.reorderPoint, v.leadTimeDays, v.location, v.allowBackorder ? 1 : 0, now, now);
  return Number(info.lastInsertRowid);
}

export function updateSku(db: Db, id: number, v: SkuValues, now: number): void {
  statement(db, 
    `UPDATE sku SET barcode = ?, variant = ?, currency = ?, cost = ?, price = ?, weight_g = ?, low_stock_threshold = ?, reorder_point = ?,
      lead_time_days = ?, location = ?, allow_backorder = ?, updated_at = ? WHERE id = ?`,
  ).run(v.barcode, JSON.stringify(v.variant), v.currency, v.cost, v.price, v.weightGrams, v.lowStockThreshold, v.reorderPoint,
    v.leadTimeDays, v.location, v.allowBackorder ? 1 : 0, now, id);
}

export function setSkuCode(db: Db, id: number, code: string, now: number): void {
  statement(db, 'UPDATE sku SET code = ?, updated_at = ? WHERE id = ?').run(code, now, id);
}

/** The WHERE clause (over `product p`) and parameters of a product list. */
export function productFilterSql(filter: ProductFilter): { condition: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.status !== 'all') {
    where.push('p.status = @status');
    params.status = filter.status ?? 'active';
  }
  if (filter.category) {
    where.push('p.category = @category COLLATE NOCASE');
    params.category = filter.category;
  }
  if (filter.search) {
    where.push(`(p.title LIKE @q ESCAPE '\\' OR p.handle LIKE @q ESCAPE '\\' OR p.brand LIKE @q ESCAPE '\\'
      OR EXISTS (SELECT 1 FROM sku x WHERE x.product_id = p.id AND (x.code LIKE @q ESCAPE '\\' OR x.barcode = @exact)))`);
    params.q = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.exact = filter.search;
  }
  if (filter.lowStock) {
    where.push('EXISTS (SELECT 1 FROM sku x WHERE x.product_id = p.id AND x.on_hand - x.reserved <= x.low_stock_threshold)');
  }
  return { condition: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** Products with their SKUs in two queries (a list of 10,000 SKUs is two statements, not 10,001). */
export function productsWithSkus(db: Db, filter: ProductFilter): { product: Product; skus: Sku[] }[] {
  const { condition, params } = productFilterSql(filter);
  const products = statement(db, `SELECT p.* FROM product p ${condition} ORDER BY p.id`).all(params) as ProductRow[];
  const byProduct = new Map(products.map((r) => [r.id, { product: toProduct(r), skus: [] as Sku[] }]));
  const skus = statement(db, `SELECT s.* FROM sku s JOIN product p ON p.id = s.product_id ${condition} ORDER BY s.product_id, s.id`).all(params) as SkuRow[];
  for (const row of skus) byProduct.get(row.product_id)?.skus.push(toSku(row));
  return [...byProduct.values()];
}

export interface LinkRow {
  shop: string;
  listingId: string;
  platformSku: string;
  skuCode: string;
}

export function linksOfProduct(db: Db, productId: number): LinkRow[] {
  return statement(db, 
      `SELECT sh.name AS shop, l.listing_id AS listingId, l.platform_sku AS platformSku, s.code AS skuCode
       FROM listing_link l JOIN sku s ON s.id = l.sku_id JOIN shop sh ON sh.id = l.shop_id WHERE s.product_id = ? ORDER BY sh.name, l.listing_id`,
    )
    .all(productId) as LinkRow[];
}

export function linkFor(db: Db, shopId: number, listingId: string, platformSku: string): { id: number; sku_id: number } | undefined {
  return statement(db, 'SELECT id, sku_id FROM listing_link WHERE shop_id = ? AND listing_id = ? AND platform_sku = ?').get(shopId, listingId, platformSku) as
    | { id: number; sku_id: number }
    | undefined;
}

export function upsertLink(db: Db, shopId: number, skuId: number, listingId: string, platformSku: string, now: number): void {
  statement(db, 
    `INSERT INTO listing_link (shop_id, sku_id, listing_id, platform_sku, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (shop_id, listing_id, platform_sku) DO UPDATE SET sku_id = excluded.sku_id`,
  ).run(shopId, skuId, listingId, platformSku, now);
}
