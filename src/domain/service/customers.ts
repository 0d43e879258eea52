import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import * as q from '../../db/queries/customers.js';
import { notFound, usageError } from '../errors.js';
import { maskEmail, maskPhone } from '../privacy.js';
import { findShop } from '../shops/shops.js';

export type CustomerRecord = q.CustomerRecord;

/** Lifetime money of a customer in one currency, over non-cancelled orders. */
export interface Spend {
  currency: string;
  /** Non-cancelled orders with a payment. */
  paidOrders: number;
  paid: number;
  refunded: number;
  /** paid − refunded. */
  spend: number;
  /** Average order value: paid ÷ paid orders, rounded to the minor unit (null without a paid order). */
  averageOrder: number | null;
}

export interface CustomerSummary extends CustomerRecord {
  /** Every order of the customer, cancelled ones included. */
  orders: number;
  firstOrderAt: number | null;
  lastOrderAt: number | null;
  spend: Spend[];
  /** With --top: the place among the customers of the same currency. */
  rank?: number;
}

export interface CustomerDetail extends CustomerSummary {
  recentOrders: q.CustomerOrderRow[];
  tickets: { count: number; recent: q.CustomerTicketRow[] };
  returns: { count: number; recent: q.CustomerReturnRow[] };
  reviews: { count: number; recent: q.CustomerReviewRow[] };
}

export interface CustomerListInput {
  search?: string;
  shop?: string;
  tags?: string[];
  top?: number;
  limit?: number;
}

export interface CustomerChanges {
  tag?: string[];
  untag?: string[];
  /** An empty text clears the note. */
  note?: string;
}

export const RECENT_ORDERS = 10;
export const RECENT_ITEMS = 5;

const OWN_ID = /^(?:c-?|id:)(\d{1,15})$/i;

/** Splits repeatable, comma-separated tag options into clean tags. */
export function tagList(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((t) => t.trim()).filter(Boolean);
}

/**
 * A customer by reference: `C-123`, `id:123` or the bare number 123 (shopkeep's id); else the platform buyer id;
 * else an email; else a phone (compared on its digits, with or without 86). The first kind of key that matches
 * wins; several customers for it (the same buyer in two shops) ask for --shop (exit 2); none is exit 3.
 */
export function findCustomer(db: Db, ref: string, shopName?: string): CustomerRecord {
  const r = ref.trim();
  // Personal data never appears in error messages: a phone or email typed as the reference is masked there.
  const shown = r.includes('@') ? maskEmail(r)! : /^\+?[\d\s\-().]{7,}$/.test(r) ? maskPhone(r)! : r;
  const shopId = shopName === undefined ? undefined : findShop(db, shopName).id;
  const own = OWN_ID.exec(r) ?? /^(\d{1,15})$/.exec(r);
  if (own) {
    const c = q.customerRecord(db, Number(own[1]));
    if (c && (shopId === undefined || c.shopId === shopId)) return c;
  }
  if (r !== '') {
    const digits = r.replace(/[\s\-+().]/g, '');
    const tries: [key: 'buyerId' | 'email' | 'phone', value: string][] = [['buyerId', r]];
    if (r.includes('@')) tries.push(['email', r]);
    if (/^\d{5,}$/.test(digits)) tries.push(['phone', digits.replace(/^86(?=1\d{10}$)/, '')]);
    for (const [key, value] of tries) {
      const found = q.customersBy(db, key, value, shopId);
      if (found.length === 1) return found[0]!;
      if (found.length > 1) {
        throw usageError('customer.ambiguous', { ref: shown, shops: [...new Set(found.map((c) => c.shop))].join(', ') }, { key: 'customer.ambiguous.hint' });
      }
    }
  }
  throw notFound('customer.notFound', { ref: shown }, { key: 'customer.notFound.hint' });
}

function summaries(db: Db, records: CustomerRecord[]): CustomerSummary[] {
  const ids = records.map((c) => c.id);
  const spend = q.spendOf(db, ids);
  const spans = new Map(q.orderSpansOf(db, ids).map((s) => [s.customerId, s]));
  return records.map((c) => {
    const span = spans.get(c.id);
    return {
      ...c,
      orders: span?.orders ?? 0,
      firstOrderAt: span?.firstOrderAt ?? null,
      lastOrderAt: span?.lastOrderAt ?? null,
      spend: spend
        .filter((s) => s.customerId === c.id)
        .map((s) => ({
          currency: s.currency,
          paidOrders: s.paidOrders,
          paid: s.paid,
          refunded: s.refunded,
          spend: s.paid - s.refunded,
          averageOrder: s.paidOrders > 0 ? Math.round(s.paid / s.paidOrders) : null,
        })),
    };
  });
}

/**
 * Customers by text (name, phone, email, buyer id, note, or C-id), shop and tags (all of them). With `top`, the
 * biggest spenders of each currency instead, best first.
 */
export function listCustomers(db: Db, input: CustomerListInput): CustomerSummary[] {
  const search = input.search?.trim() || undefined;
  const own = search === undefined ? undefined : OWN_ID.exec(search);
  const filter: q.CustomerFilter = {
    shopId: input.shop === undefined ? undefined : findShop(db, input.shop).id,
    search,
    searchId: own ? Number(own[1]) : undefined,
    tags: tagList(input.tags),
    limit: input.limit ?? 200,
  };
  if (input.top === undefined) return summaries(db, q.customerRecords(db, filter));
  if (!Number.isInteger(input.top) || input.top < 1) throw usageError('customer.topInvalid', { value: String(input.top) });
  const ranked = q.topCustomerIds(db, filter, input.top);
  const records = new Map(q.customerRecordsByIds(db, ranked.map((r) => r.id)).map((c) => [c.id, c]));
  const rows = summaries(db, ranked.map((r) => records.get(r.id)!));
  return rows.map((row, i) => ({ ...row, rank: ranked[i]!.rank }));
}

export function customerSummary(db: Db, record: CustomerRecord): CustomerSummary {
  return summaries(db, [record])[0]!;
}

/** Everything `customer show` prints: the summary, recent orders, and the tickets, returns and reviews linked to them. */
export function customerDetail(db: Db, ref: string, shopName?: string): CustomerDetail {
  const record = findCustomer(db, ref, shopName);
  return {
    ...customerSummary(db, record),
    recentOrders: q.recentOrdersOf(db, record.id, RECENT_ORDERS),
    tickets: { count: q.ticketCountOf(db, record.id), recent: q.recentTicketsOf(db, record.id, RECENT_ITEMS) },
    returns: { count: q.returnCountOf(db, record.id), recent: q.recentReturnsOf(db, record.id, RECENT_ITEMS) },
    reviews: { count: q.reviewCountOf(db, record.id), recent: q.recentReviewsOf(db, record.id, RECENT_ITEMS) },
  };
}

const MAX_TAG = 40;

function checkTag(tag: string): string {
  if ([...tag].length > MAX_TAG || /[\r\n\t]/.test(tag)) throw usageError('customer.badTag', { tag, max: MAX_TAG });
  return tag;
}

/**
 * Adds and removes tags (compared without case; a new tag keeps the spelling given) and sets or clears the
 * note, in one transaction. Nothing to change is exit 2.
 */
export function editCustomer(db: Db, ref: string, changes: CustomerChanges, shopName?: string): { customer: CustomerSummary; changed: boolean } {
  const add = tagList(changes.tag).map(checkTag);
  const remove = tagList(changes.untag);
  if (add.length === 0 && remove.length === 0 && changes.note === undefined) throw usageError('input.nothingToChange');
  return writeTransaction(db, () => {
    const c = findCustomer(db, ref, shopName);
    const gone = new Set(remove.map((t) => t.toLowerCase()));
    const tags = c.tags.filter((t) => !gone.has(t.toLowerCase()));
    for (const tag of add) if (!tags.some((t) => t.toLowerCase() === tag.toLowerCase())) tags.push(tag);
    const note = changes.note === undefined ? c.note : changes.note.trim() === '' ? null : changes.note.trim();
    const changed = JSON.stringify(tags) !== JSON.stringify(c.tags) || note !== c.note;
    if (changed) q.updateCustomerTagsNote(db, c.id, tags, note);
    return { customer: customerSummary(db, { ...c, tags, note }), changed };
  });
}

/** "C-12": how customers are named in output and accepted back. */
export const customerCode = (id: number) => `C-${id}`;
