export type ProductStatus = 'active' | 'archived';
export type Attributes = Record<string, string>;

export interface Product {
  id: number;
  handle: string;
  title: string;
  category: string | null;
  brand: string | null;
  description: string | null;
  attributes: Attributes;
  status: ProductStatus;
  createdAt: number;
  updatedAt: number;
}

export interface Sku {
  id: number;
  productId: number;
  code: string;
  barcode: string | null;
  variant: Attributes;
  currency: string;
  /** Minor units of `currency`. */
  cost: number | null;
  price: number;
  weightGrams: number | null;
  lowStockThreshold: number;
  reorderPoint: number | null;
  leadTimeDays: number | null;
  location: string | null;
  allowBackorder: boolean;
  onHand: number;
  reserved: number;
}

export interface ProductWithSkus extends Product {
  skus: Sku[];
}

/** SKU fields as typed by a person or read from a file: text, parsed with the SKU's currency. */
export interface SkuFields {
  barcode?: string;
  variant?: Attributes;
  currency?: string;
  cost?: string;
  price?: string;
  weight?: string;
  lowStockThreshold?: string;
  reorderPoint?: string;
  leadTimeDays?: string;
  location?: string;
  allowBackorder?: boolean;
}

export type SkuField = Exclude<keyof SkuFields, 'variant' | 'allowBackorder'> | 'code';

export interface NewSku extends SkuFields {
  code: string;
  price: string;
}

export interface ProductFields {
  title?: string;
  category?: string;
  brand?: string;
  description?: string;
  attributes?: Attributes;
  removeAttributes?: string[];
}

export interface NewProduct extends ProductFields {
  title: string;
  handle?: string;
  sku: NewSku;
}

export interface ProductFilter {
  search?: string;
  category?: string;
  status?: ProductStatus | 'all';
  lowStock?: boolean;
}

/** Names used for fields in messages: flags on the command line, column names in a CSV. */
export type FieldNames = (field: SkuField | 'title' | 'handle') => string;
export const flagNames: FieldNames = (field) =>
  `--${{ lowStockThreshold: 'threshold', reorderPoint: 'reorder-point', leadTimeDays: 'lead-time', code: 'sku' }[field as string] ?? field}`;
