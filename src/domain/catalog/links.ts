import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import * as q from '../../db/queries/catalog.js';
import { usageError } from '../errors.js';
import { findShop } from '../shops/shops.js';
import { findSku } from './lookup.js';
import { reattributeLines } from '../imports/reattribute.js';

export interface LinkInput {
  sku: string;
  shop: string;
  listingId: string;
  platformSku?: string;
}

export interface LinkResult {
  shop: string;
  listingId: string;
  platformSku: string;
  sku: string;
  /** The SKU the listing pointed at before, when the link moved. */
  previousSku: string | null;
  outcome: 'created' | 'moved' | 'unchanged';
  /** Unmatched order lines that this link gave a SKU. */
  reattributed: number;
}

/** Maps a shop's listing (and optionally its platform SKU code) to one of our SKUs; imports match order lines through it. */
export function linkListing(db: Db, input: LinkInput, now: number): LinkResult {
  const listingId = input.listingId.trim();
  const platformSku = (input.platformSku ?? '').trim();
  if (listingId === '') throw usageError('input.required', { field: '--listing' });
  return writeTransaction(db, () => {
    const sku = findSku(db, input.sku);
    const shop = findShop(db, input.shop);
    const existing = q.linkFor(db, shop.id, listingId, platformSku);
    const previousSku = existing && existing.sku_id !== sku.id ? q.skuById(db, existing.sku_id)!.code : null;
    q.upsertLink(db, shop.id, sku.id, listingId, platformSku, now);
    const outcome = !existing ? 'created' : previousSku ? 'moved' : 'unchanged';
    const reattributed = reattributeLines(db, now, { shopId: shop.id });
    return { shop: shop.name, listingId, platformSku, sku: sku.code, previousSku, outcome, reattributed };
  });
}
