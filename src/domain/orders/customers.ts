import type { Db } from '../../db/open.js';
import * as q from '../../db/queries/orders.js';
import { StringHashSet } from '../hash-set.js';
import type { Customer } from './types.js';

export interface BuyerInput {
  buyerId?: string | null;
  name?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** Masked or encrypted values from platforms ("138****1234", "##…", "$$…") are stored but never used to match. */
export function isMasked(value: string | null | undefined): boolean {
  return value != null && (/\*{2,}/.test(value) || /^(##|\$\$)/.test(value));
}

/** Emails are compared COLLATE NOCASE, which folds only A–Z. */
const asciiLower = (text: string) => text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());

/**
 * The keys a shop's customers are matched by (platform buyer id, phone, email as NOCASE compares it), hashed:
 * a buyer with none of the keys `findCustomer` would search by is new without asking the database. Worth it
 * for a big first import, where most buyers are new and each miss would read two indexes bigger than the page
 * cache; a yes (or a hash collision) only means looking in the database as usual.
 */
export class CustomerKeys {
  /** Keys kept at most (a table of 8 MB): past them every buyer is searched for again, so memory stays bounded. */
  static readonly MAX = 500_000;
  private readonly seen = new StringHashSet();

  static of(db: Db, shopId: number): CustomerKeys {
    const keys = new CustomerKeys();
    for (const [platformBuyerId, phone, email] of q.customerKeys(db, shopId)) keys.add({ platformBuyerId, phone, email });
    return keys;
  }

  add(c: Pick<Customer, 'platformBuyerId' | 'phone' | 'email'>): void {
    if (this.seen.size >= CustomerKeys.MAX) return;
    if (c.platformBuyerId !== null) this.seen.add(`b${c.platformBuyerId}`);
    if (c.phone !== null) this.seen.add(`p${c.phone}`);
    if (c.email !== null) this.seen.add(`e${asciiLower(c.email)}`);
  }

  /** Whether findCustomer could find a customer for `key`: it searches by buyer id alone when there is one. */
  mayMatch(key: { buyerId: string | null; phone: string | null; email: string | null }): boolean {
    if (this.seen.size >= CustomerKeys.MAX) return true;
    if (key.buyerId !== null) return this.seen.has(`b${key.buyerId}`);
    return (key.phone !== null && this.seen.has(`p${key.phone}`)) || (key.email !== null && this.seen.has(`e${asciiLower(key.email)}`));
  }
}

/**
 * The shop's customer for this buyer: matched by platform buyer id, else phone, else email; created when
 * there is none. Returns null when nothing identifies the buyer. With `known`, every key the shop's customers
 * have (kept up to date here), a buyer it rules out is created without a search.
 */
export function matchCustomer(db: Db, shopId: number, buyer: BuyerInput, now: number, known?: CustomerKeys): Customer | null {
  const clean = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());
  const b = { buyerId: clean(buyer.buyerId), name: clean(buyer.name), phone: clean(buyer.phone), email: clean(buyer.email) };
  const key = { buyerId: b.buyerId, phone: isMasked(b.phone) ? null : b.phone, email: isMasked(b.email) ? null : b.email };
  const found = known?.mayMatch(key) === false ? undefined : q.findCustomer(db, shopId, key);
  if (found) {
    const merged = { ...found, name: found.name ?? b.name, phone: found.phone ?? b.phone, email: found.email ?? b.email };
    if (merged.name !== found.name || merged.phone !== found.phone || merged.email !== found.email) q.updateCustomerContacts(db, merged);
    known?.add(merged);
    return merged;
  }
  if (!b.buyerId && !b.name && !b.phone && !b.email) return null;
  const customer = { shopId, platformBuyerId: b.buyerId, name: b.name, phone: b.phone, email: b.email };
  known?.add(customer);
  return { id: q.insertCustomer(db, customer, now), ...customer };
}
