import type { MessageKey } from '../../i18n/index.js';
import type { MessageParams } from '../errors.js';
import type { Address, OrderStatus } from '../orders/types.js';
import type { Platform } from '../shops/types.js';

/** One order line as a platform file gives it, normalised: money in minor units, ids as text. */
export interface ImportLine {
  /** The platform's line id, or a key stable across exports of the same order (never a row number). */
  lineKey: string;
  /** The seller's own SKU code (Shopify Lineitem sku, 商家编码, eBay Custom Label…). */
  sku: string | null;
  /** The platform's id for the variant (Taobao/JD SKU id…). */
  platformSku: string | null;
  /** The platform's listing / item / product id. */
  listingId: string | null;
  title: string;
  variant: string | null;
  quantity: number;
  /** Minor units of the order's currency. */
  unitPrice: number;
  discount: number;
  /** The line total the file states, when it states one (checked against quantity × price − discount). */
  statedTotal: number | null;
  /** Units of this line already shipped, when the file says per line (Shopify line fulfilment status). */
  shipped: number | null;
  /** True when the platform cancelled or refunded this item alone (Amazon item-status, Douyin 售后). */
  cancelled: boolean;
  /** The cancelled item had been paid, and its money went back (Douyin 售后 退款成功): it counts in the order's paid and refunded. */
  refunded?: boolean;
  /** The file gives no price (Amazon's Unshipped report): unitPrice is 0 and never replaces a price already known. */
  priceUnknown?: boolean;
  /** Shipped from the platform's warehouse (Amazon FBA): the seller's own stock neither moves nor is reserved. */
  platformStock?: boolean;
}

/** What a platform file says about an order. Null means "the file does not say". */
export interface ImportOrderFields {
  status: OrderStatus | null;
  currency: string | null;
  buyerId: string | null;
  buyerName: string | null;
  buyerPhone: string | null;
  buyerEmail: string | null;
  address: Partial<Address>;
  itemSubtotal: number | null;
  shipping: number | null;
  discount: number | null;
  tax: number | null;
  total: number | null;
  paid: number | null;
  refunded: number | null;
  placedAt: number | null;
  paidAt: number | null;
  shippedAt: number | null;
  deliveredAt: number | null;
  completedAt: number | null;
  cancelledAt: number | null;
  buyerNote: string | null;
  sellerMemo: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  /**
   * The status is the file's guess from its dates (an Etsy items file, eBay), not a state it names: it moves a stored
   * order forward along paid → shipped → completed, never back, and never out of cancelled or on hold.
   */
  statusFromDates?: boolean;
  /**
   * Read from the items half of a two-file export (宝贝报表, SoldOrderItems): it states no order amounts, so an update
   * from it alone keeps the amounts stored rather than adding up its lines (which miss shipping, discounts, tax).
   */
  itemsOnly?: boolean;
}

/** One data row, read by a profile: order-level fields, a line, or both (several rows may build one order). */
export interface RowRecord {
  orderId: string;
  order: Partial<ImportOrderFields>;
  line: ImportLine | null;
  /** Further lines of the same row, for layouts that put several items in one row (WooCommerce WebToffee, Analytics). */
  moreLines?: ImportLine[];
  /** Amounts each row states for its own item, which add up to the order's (Amazon: shipping and tax per item). */
  sums?: Partial<Pick<ImportOrderFields, 'shipping' | 'tax' | 'discount' | 'refunded'>>;
}

/**
 * The key of a stand-in line: the orders half of a two-file export (Taobao 订单报表, Etsy SoldOrders) read alone gives
 * each order one line standing in for its items, which the items half's lines replace (apply.ts, group.ts).
 */
export const STAND_IN = '(order row) ';

export const isStandIn = (lineKey: string) => lineKey.startsWith(STAND_IN);

/** A whole order rebuilt from its rows. */
export interface ImportOrder extends ImportOrderFields {
  platformOrderId: string;
  lines: ImportLine[];
  /** The file line the order starts on (for messages and rejects). */
  line: number;
  /** Its contentHash, when already known (an order the reader thread sealed carries the hash it made). */
  hash?: string;
  /** Keys of items the file writes cancelled with 0 units (Amazon): no lines, but a stored line of that key is cancelled. */
  cancelledKeys?: string[];
}

/** Cells of one data row by (normalised) column name. */
export interface Row {
  line: number;
  get(column: string): string | undefined;
  has(column: string): boolean;
}

/** What a profile may need to read a row: the zone for timestamps without offset, the shop's currency. */
export interface RowContext {
  zone: string;
  currency: string;
  /** The shop being imported into (shopkeep's own export names its shop on every row). */
  shop?: string;
}

/** A reason to reject a row: a message key and its parameters; the engine adds the line number. */
export class RowError extends Error {
  constructor(readonly key: MessageKey, readonly params: MessageParams = {}) {
    super(key);
  }
}

/**
 * One platform export layout. Detection compares a file's normalised header with `signature`; `required`
 * columns must all be present for the profile to be chosen. Two-file exports (Taobao, Etsy) have a profile
 * per file with the same `group`, joined on the order id.
 */
export interface Profile {
  id: string;
  platform: Platform;
  /** English name shown when the run says which profile it chose. */
  label: string;
  signature: readonly string[];
  required: readonly string[];
  /**
   * Two-file exports: 'orders' or 'items' half of `group`. The orders half names its order id column, so the
   * items of an order whose row is rejected are rejected with it.
   */
  part?: { group: string; role: 'orders' | 'items' };
  /**
   * The order id of a row, read as `read` reads it, without the rest of the row: when a row is rejected, the order's
   * other rows (and the other half's) are rejected with it, so no order lands half-read.
   */
  orderIdOf(row: Row, ctx: RowContext): string | null;
  /** Returns null for a row that carries nothing (a blank summary); throws RowError to reject. */
  read(row: Row, ctx: RowContext): RowRecord | null;
  /** One row is one whole order (a mapping's `"lines": "one-per-order"`): a second row for an order id is rejected, not added as a line. */
  rowPerOrder?: boolean;
  /** A --mapping profile's own text, so a worker thread can rebuild it. */
  mapping?: { json: string; file: string };
  /** Rows after the data that are not data (eBay's "N record(s) downloaded", "Seller ID : …"). */
  isFooter?(cells: readonly string[]): boolean;
}
