/** The product CSV layout (README "Product CSV"): one row per SKU; rows sharing a handle are one product. */
export const PRODUCT_COLUMNS = [
  'handle',
  'title',
  'category',
  'brand',
  'description',
  'attributes',
  'status',
  'sku',
  'variant',
  'barcode',
  'currency',
  'price',
  'cost',
  'weight_g',
  'low_stock_threshold',
  'reorder_point',
  'lead_time_days',
  'location',
  'allow_backorder',
] as const;

export type ProductColumn = (typeof PRODUCT_COLUMNS)[number];
export const REQUIRED_PRODUCT_COLUMNS: readonly ProductColumn[] = ['sku', 'title', 'price'];
