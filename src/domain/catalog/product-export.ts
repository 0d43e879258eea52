import type { Db } from '../../db/open.js';
import { listProducts } from './products.js';
import { formatAmount } from '../money.js';
import { formatPairs } from './values.js';
import type { ProductColumn } from './product-csv.js';

/** Every product (archived too) as CSV rows in the import layout, so an export imports back unchanged. */
export function productExportRows(db: Db): Record<ProductColumn, string | number | null>[] {
  return listProducts(db, { status: 'all' }).flatMap((p) =>
    p.skus.map((s) => ({
      handle: p.handle,
      title: p.title,
      category: p.category,
      brand: p.brand,
      description: p.description,
      attributes: formatPairs(p.attributes),
      status: p.status,
      sku: s.code,
      variant: formatPairs(s.variant),
      barcode: s.barcode,
      currency: s.currency,
      price: formatAmount(s.price, s.currency),
      cost: s.cost === null ? null : formatAmount(s.cost, s.currency),
      weight_g: s.weightGrams,
      low_stock_threshold: s.lowStockThreshold,
      reorder_point: s.reorderPoint,
      lead_time_days: s.leadTimeDays,
      location: s.location,
      allow_backorder: s.allowBackorder ? 'yes' : 'no',
    })),
  );
}
