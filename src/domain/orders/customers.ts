import type { Db } from '../../db/open.js';
import * as q from '../../db/queries/orders.js';
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

/**
 * The shop's customer for this buyer: matched by platform buyer id, else phone, else email; created when
 * there is none. Returns null when nothing identifies the buyer.
 */
export function matchCustomer(db: Db, shopId: number, buyer: BuyerInput, now: number): Customer | null {
  const clean = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());
  const b = { buyerId: clean(buyer.buyerId), name: clean(buyer.name), phone: clean(buyer.phone), email: clean(buyer.email) };
  const key = { buyerId: b.buyerId, phone: isMasked(b.phone) ? null : b.phone, email: isMasked(b.email) ? null : b.email };
  const found = q.findCustomer(db, shopId, key);
  if (found) {
    const merged = { ...found, name: found.name ?? b.name, phone: found.phone ?? b.phone, email: found.email ?? b.email };
    if (merged.name !== found.name || merged.phone !== found.phone || merged.email !== found.email) q.updateCustomerContacts(db, merged);
    return merged;
  }
  if (!b.buyerId && !b.name && !b.phone && !b.email) return null;
  const customer = { shopId, platformBuyerId: b.buyerId, name: b.name, phone: b.phone, email: b.email };
  return { id: q.insertCustomer(db, customer, now), ...customer };
}
