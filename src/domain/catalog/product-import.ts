import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import * as q from '../../db/queries/catalog.js';
import { invalidData, ShopkeepError, usageError, type Detail } from '../errors.js';
import { decodeText } from '../text/decode.js';
import { headerIndex, parseCsv } from '../text/csv.js';
import { catalogueCurrency } from './skus.js';
import { PRODUCT_COLUMNS, REQUIRED_PRODUCT_COLUMNS, type ProductColumn } from './product-csv.js';
import type { FieldNames, Product, ProductStatus, Sku, SkuFields } from './types.js';
import { checkHandle, checkSkuCode, checkTitle, parsePairs, skuValues } from './values.js';
import { uniqueHandle } from './products.js';
import { reattributeLines } from '../imports/reattribute.js';

export interface Tally {
  new: number;
  updated: number;
  unchanged: number;
}

export interface ProductImportSummary {
  file: string;
  encoding: string;
  rows: number;
  products: Tally;
  skus: Tally;
  dryRun: boolean;
}

const COLUMN_NAMES: FieldNames = (field) =>
  (({ weight: 'weight_g', lowStockThreshold: 'low_stock_threshold', reorderPoint: 'reorder_point', leadTimeDays: 'lead_time_days', code: 'sku' }) as Record<string, string>)[field] ??
  field;

type Row = { line: number; get: (c: ProductColumn) => string | undefined };

class DryRun {
  constructor(readonly summary: ProductImportSummary) {}
}

/** A cell our export protected with a leading apostrophe reads back as it was. */
const unprotect = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
const blank = (v: string | undefined) => v === undefined || v.trim() === '';

function parseFlag(value: string | undefined, column: string): boolean | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (v === '') return false;
  if (['yes', 'true', '1', 'y', '是'].includes(v)) return true;
  if (['no', 'false', '0', 'n', '否'].includes(v)) return false;
  throw usageError('input.oneOf', { field: column, value, choices: 'yes, no' });
}

function parseStatus(value: string | undefined): ProductStatus | undefined {
  if (blank(value)) return undefined;
  const v = value!.trim().toLowerCase();
  if (v !== 'active' && v !== 'archived') throw usageError('input.oneOf', { field: 'status', value: value!, choices: 'active, archived' });
  return v;
}

function skuFieldsOf(row: Row): SkuFields {
  const currency = row.get('currency');
  return {
    price: row.get('price'),
    cost: row.get('cost'),
    currency: blank(currency) ? undefined : currency,
    variant: row.get('variant') === undefined ? undefined : parsePairs(row.get('variant')!, 'variant'),
    barcode: row.get('barcode'),
    weight: row.get('weight_g'),
    lowStockThreshold: row.get('low_stock_threshold'),
    reorderPoint: row.get('reorder_point'),
    leadTimeDays: row.get('lead_time_days'),
    location: row.get('location'),
    allowBackorder: parseFlag(row.get('allow_backorder'), 'allow_backorder'),
  };
}

const sameSku = (a: Omit<Sku, 'id' | 'productId' | 'code' | 'onHand' | 'reserved'>, b: typeof a) =>
  JSON.stringify([a.barcode, a.variant, a.currency, a.cost, a.price, a.weightGrams, a.lowStockThreshold, a.reorderPoint, a.leadTimeDays, a.location, a.allowBackorder]) ===
  JSON.stringify([b.barcode, b.variant, b.currency, b.cost, b.price, b.weightGrams, b.lowStockThreshold, b.reorderPoint, b.leadTimeDays, b.location, b.allowBackorder]);

/**
 * Imports the product CSV all-or-nothing: every row is checked against the database inside one transaction;
 * any bad row rolls the whole file back and lists every bad line (exit 5). --dry-run does the same work and
 * rolls back, so its counts are exactly what a real run would do.
 */
export function importProducts(db: Db, bytes: Uint8Array, file: string, options: { dryRun: boolean }, now: number): ProductImportSummary {
  const { text, encoding } = decodeText(bytes, file);
  const [header, ...records] = parseCsv(text, file);
  if (!header) throw invalidData('csv.empty', { file });
  const index = headerIndex(header.cells, PRODUCT_COLUMNS, REQUIRED_PRODUCT_COLUMNS, file);
  const rows: Row[] = records.map((r) => ({ line: r.line, get: (c) => (index.has(c) ? unprotect(r.cells[index.get(c)!] ?? '') : undefined) }));
  const summary: ProductImportSummary = { file, encoding, rows: rows.length, products: { new: 0, updated: 0, unchanged: 0 }, skus: { new: 0, updated: 0, unchanged: 0 }, dryRun: options.dryRun };
  try {
    return writeTransaction(db, () => {
      const errors: Detail[] = [];
      const state = new ImportState(db, summary, now);
      for (const row of rows) {
        try {
          state.apply(row);
        } catch (error) {
          if (!(error instanceof ShopkeepError)) throw error;
          errors.push({ line: row.line, key: error.key, params: error.params });
        }
      }
      if (errors.length > 0) throw invalidData('productImport.rejected', { file, count: errors.length }, { key: 'productImport.rejected.hint' }, errors);
      state.finish();
      if (options.dryRun) throw new DryRun(summary);
      return summary;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.summary;
    throw error;
  }
}

/** Per-file bookkeeping: which products this file created or touched, and which SKU codes it has seen. */
class ImportState {
  private readonly byHandle = new Map<string, number>();
  private readonly newByTitle = new Map<string, number>();
  private readonly touched = new Map<number, { changed: boolean; isNew: boolean; line: number }>();
  private readonly seenSkus = new Map<string, number>();
  private readonly currency: string;

  constructor(private readonly db: Db, private readonly summary: ProductImportSummary, private readonly now: number) {
    this.currency = catalogueCurrency(db);
  }

  apply(row: Row): void {
    const code = checkSkuCode(row.get('sku') ?? '', COLUMN_NAMES);
    const key = code.toLowerCase();
    if (this.seenSkus.has(key)) throw usageError('productImport.duplicateSku', { code, line: this.seenSkus.get(key)! });
    this.seenSkus.set(key, row.line);
    const existingSku = q.skuByCode(this.db, code);
    const productId = this.productFor(row, existingSku);
    if (existingSku && existingSku.productId !== productId) {
      throw usageError('productImport.skuElsewhere', { code, handle: q.productById(this.db, existingSku.productId)!.handle });
    }
    const fields = skuFieldsOf(row);
    if (existingSku) {
      const values = skuValues(fields, existingSku, COLUMN_NAMES);
      if (sameSku(existingSku, values)) this.summary.skus.unchanged++;
      else {
        q.updateSku(this.db, existingSku.id, values, this.now);
        this.summary.skus.updated++;
      }
    } else {
      if (blank(fields.price)) throw usageError('input.required', { field: 'price' });
      const base = { barcode: null, variant: {}, currency: this.currency, cost: null, price: 0, weightGrams: null, lowStockThreshold: 0, reorderPoint: null, leadTimeDays: null, location: null, allowBackorder: false };
      q.insertSku(this.db, productId, code, skuValues(fields, base, COLUMN_NAMES), this.now);
      reattributeLines(this.db, this.now, { sellerSku: code });
      this.summary.skus.new++;
    }
  }

  /** The product a row belongs to: by handle, else the existing SKU's product, else a new product grouped by title. */
  private productFor(row: Row, existingSku: Sku | undefined): number {
    const handleText = row.get('handle');
    const handle = blank(handleText) ? undefined : checkHandle(handleText!);
    const known = handle !== undefined ? (this.byHandle.get(handle.toLowerCase()) ?? q.productByHandle(this.db, handle)?.id) : existingSku?.productId;
    if (known !== undefined) {
      this.updateProduct(known, row);
      if (handle !== undefined) this.byHandle.set(handle.toLowerCase(), known);
      return known;
    }
    const title = checkTitle(row.get('title') ?? '', COLUMN_NAMES);
    const grouped = handle === undefined ? this.newByTitle.get(title) : undefined;
    if (grouped !== undefined) return grouped;
    const id = q.insertProduct(this.db, {
      handle: handle ?? uniqueHandle(this.db, title),
      title,
      category: blank(row.get('category')) ? null : row.get('category')!.trim(),
      brand: blank(row.get('brand')) ? null : row.get('brand')!.trim(),
      description: blank(row.get('description')) ? null : row.get('description')!.trim(),
      attributes: blank(row.get('attributes')) ? {} : parsePairs(row.get('attributes')!, 'attributes'),
      status: parseStatus(row.get('status')) ?? 'active',
      createdAt: this.now,
      updatedAt: this.now,
    });
    this.touched.set(id, { changed: true, isNew: true, line: row.line });
    if (handle !== undefined) this.byHandle.set(handle.toLowerCase(), id);
    else this.newByTitle.set(title, id);
    return id;
  }

  /** Product-level cells are read from the first row that names the product; later rows may leave them blank. */
  private updateProduct(id: number, row: Row): void {
    if (this.touched.has(id)) return;
    const current = q.productById(this.db, id)!;
    const text = (c: ProductColumn, value: string | null) => (blank(row.get(c)) ? value : row.get(c)!.trim());
    const next: Product = {
      ...current,
      title: blank(row.get('title')) ? current.title : checkTitle(row.get('title')!, COLUMN_NAMES),
      category: text('category', current.category),
      brand: text('brand', current.brand),
      description: text('description', current.description),
      attributes: blank(row.get('attributes')) ? current.attributes : parsePairs(row.get('attributes')!, 'attributes'),
      status: parseStatus(row.get('status')) ?? current.status,
    };
    const changed = JSON.stringify({ ...next, updatedAt: 0 }) !== JSON.stringify({ ...current, updatedAt: 0 });
    if (changed) q.updateProduct(this.db, { ...next, updatedAt: this.now });
    this.touched.set(id, { changed, isNew: false, line: row.line });
  }

  finish(): void {
    for (const t of this.touched.values()) {
      if (t.isNew) this.summary.products.new++;
      else if (t.changed) this.summary.products.updated++;
      else this.summary.products.unchanged++;
    }
  }
}
