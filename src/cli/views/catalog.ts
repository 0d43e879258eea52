import type { Db } from '../../db/open.js';
import { productListJsonText } from '../../db/queries/product-json.js';
import { listProducts } from '../../domain/catalog/products.js';
import type { ProductFilter, ProductWithSkus, Sku } from '../../domain/catalog/types.js';
import { formatAmount, formatMoney } from '../../domain/money.js';
import type { Ctx } from '../context.js';
import { JsonText, type Block, type Column, type TableBlock, type View } from '../render/view.js';

const iso = (ms: number) => new Date(ms).toISOString();
const pairs = (v: Record<string, string>) => Object.values(v).join(' / ');

/** The JSON contract for a SKU: money as decimal strings in major units with the currency beside them. */
export function skuJson(s: Sku) {
  return {
    code: s.code,
    barcode: s.barcode,
    variant: s.variant,
    currency: s.currency,
    price: formatAmount(s.price, s.currency),
    cost: s.cost === null ? null : formatAmount(s.cost, s.currency),
    weightGrams: s.weightGrams,
    lowStockThreshold: s.lowStockThreshold,
    reorderPoint: s.reorderPoint,
    leadTimeDays: s.leadTimeDays,
    location: s.location,
    allowBackorder: s.allowBackorder,
    onHand: s.onHand,
    reserved: s.reserved,
    available: s.onHand - s.reserved,
  };
}

export function productJson(p: ProductWithSkus) {
  return {
    id: p.id,
    handle: p.handle,
    title: p.title,
    category: p.category,
    brand: p.brand,
    description: p.description,
    attributes: p.attributes,
    status: p.status,
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
    skus: p.skus.map(skuJson),
  };
}

/** The product list: JSON straight from SQLite, the table from domain objects; only the chosen one is built. */
export function productListView(ctx: Ctx, db: Db, filter: ProductFilter): View {
  const products = () => listProducts(db, filter);
  const columns: Column[] = [
    { key: 'id', label: ctx.t('col.id'), align: 'right' },
    { key: 'sku', label: ctx.t('col.sku') },
    { key: 'title', label: ctx.t('col.title') },
    { key: 'variant', label: ctx.t('col.variant') },
    { key: 'price', label: ctx.t('col.price'), align: 'right' },
    { key: 'available', label: ctx.t('col.available'), align: 'right' },
    { key: 'status', label: ctx.t('col.status') },
  ];
  const rows = () => products().flatMap((p) =>
    (p.skus.length > 0 ? p.skus : [undefined]).map((s) => ({
      id: p.id,
      sku: s?.code ?? '',
      title: p.title,
      variant: s ? pairs(s.variant) : '',
      price: s ? formatMoney(s.price, s.currency) : '',
      available: s ? s.onHand - s.reserved : '',
      status: ctx.t(p.status === 'active' ? 'status.active' : 'status.archived'),
    })),
  );
  return {
    json: () => new JsonText(`{"products":${productListJsonText(db, filter)}}`),
    blocks: () => [{ kind: 'table', columns, rows: rows(), empty: ctx.t('product.list.empty') }],
  };
}

export function skuTable(ctx: Ctx, skus: Sku[]): TableBlock {
  return {
    kind: 'table',
    title: ctx.t('label.skus'),
    columns: [
      { key: 'sku', label: ctx.t('col.sku') },
      { key: 'variant', label: ctx.t('col.variant') },
      { key: 'barcode', label: ctx.t('col.barcode') },
      { key: 'price', label: ctx.t('col.price'), align: 'right' },
      { key: 'cost', label: ctx.t('col.cost'), align: 'right' },
      { key: 'onHand', label: ctx.t('col.onHand'), align: 'right' },
      { key: 'reserved', label: ctx.t('col.reserved'), align: 'right' },
      { key: 'available', label: ctx.t('col.available'), align: 'right' },
      { key: 'threshold', label: ctx.t('col.threshold'), align: 'right' },
    ],
    rows: skus.map((s) => ({
      sku: s.code,
      variant: pairs(s.variant),
      barcode: s.barcode,
      price: formatMoney(s.price, s.currency),
      cost: s.cost === null ? '' : formatMoney(s.cost, s.currency),
      onHand: s.onHand,
      reserved: s.reserved,
      available: s.onHand - s.reserved,
      threshold: s.lowStockThreshold,
    })),
  };
}

export function productDetailView(ctx: Ctx, p: ProductWithSkus, links: { shop: string; listingId: string; platformSku: string; skuCode: string }[] = []): View {
  const none = ctx.t('label.none');
  const blocks: Block[] = [
    {
      kind: 'fields',
      title: `${p.title}`,
      fields: [
        [ctx.t('col.id'), String(p.id)],
        [ctx.t('col.handle'), p.handle],
        [ctx.t('col.category'), p.category ?? none],
        [ctx.t('col.brand'), p.brand ?? none],
        [ctx.t('col.status'), ctx.t(p.status === 'active' ? 'status.active' : 'status.archived')],
        [ctx.t('col.attributes'), Object.entries(p.attributes).map(([k, v]) => `${k}=${v}`).join(', ') || none],
        [ctx.t('col.description'), p.description ?? none],
      ],
    },
    skuTable(ctx, p.skus),
  ];
  if (links.length > 0) {
    blocks.push({
      kind: 'table',
      title: ctx.t('label.listings'),
      columns: [
        { key: 'shop', label: ctx.t('col.shop') },
        { key: 'listingId', label: ctx.t('col.listing') },
        { key: 'platformSku', label: ctx.t('col.platformSku') },
        { key: 'skuCode', label: ctx.t('col.sku') },
      ],
      rows: links.map((l) => ({ ...l })),
    });
  }
  return { json: { product: { ...productJson(p), listings: links } }, blocks };
}
