import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/open.js';
import { findCustomer } from '../../src/db/queries/orders.js';
import { CustomerKeys, matchCustomer, type BuyerInput } from '../../src/domain/orders/customers.js';
import { shopDb, NOW } from '../helpers/db.js';

const SHOP = 1;

/** A shop whose customers were made by earlier imports and by hand. */
function withCustomers(): Db {
  const db = shopDb();
  for (const buyer of [
    { buyerId: 'tb_nick_01', name: '王芳' },
    { phone: '13812345678', name: '李雷' },
    { email: 'Ann.Lee@Example.com', name: 'Ann Lee' },
    { phone: '139****1111', name: '张三' }, // masked: stored, never matched
    { email: 'Élodie@example.fr' },
    { buyerId: 'tb_nick_02', phone: '13900002222', email: 'both@example.com' },
  ]) {
    matchCustomer(db, SHOP, buyer, NOW);
  }
  return db;
}

/** Buyers an import meets: the shop's own in other spellings, new ones, and new ones met twice. */
const BUYERS: BuyerInput[] = [
  { buyerId: 'tb_nick_01' },
  { buyerId: ' tb_nick_01 ', phone: '18800000000' },
  { buyerId: 'TB_NICK_01' }, // buyer ids compare exactly
  { phone: '13812345678', email: 'new1@example.com' },
  { email: 'ann.lee@EXAMPLE.com' }, // emails compare without ASCII case
  { email: 'élodie@example.fr' }, // … and only ASCII case
  { phone: '139****1111' },
  { phone: '13900002222' }, // a phone of a customer known by buyer id
  { email: 'BOTH@example.com', name: 'Both' },
  { email: 'new2@example.com', name: 'New Two' },
  { email: 'NEW2@example.com', phone: '18811112222' },
  { phone: '18811112222' },
  { buyerId: 'tb_nick_03', email: 'new2@example.com' },
  { buyerId: 'tb_nick_03' },
  { name: 'Name Only' },
  { name: 'Name Only' },
  {},
];

const customers = (db: Db) => db.prepare('SELECT * FROM customer ORDER BY id').all();

describe('CustomerKeys', () => {
  it('matches every buyer to the customer the database search gives, and creates the same new customers', () => {
    const searched = withCustomers();
    const filtered = withCustomers();
    const known = CustomerKeys.of(filtered, SHOP);
    const ids = (db: Db, keys?: CustomerKeys) => BUYERS.map((b) => matchCustomer(db, SHOP, b, NOW, keys)?.id ?? null);
    expect(ids(filtered, known)).toEqual(ids(searched));
    expect(customers(filtered)).toEqual(customers(searched));
    expect(customers(filtered).length).toBeGreaterThan(6);
  });

  it('rules out only keys no customer of the shop has, and rules out new ones', () => {
    const db = withCustomers();
    const known = CustomerKeys.of(db, SHOP);
    const key = (k: Partial<{ buyerId: string; phone: string; email: string }>) => ({ buyerId: k.buyerId ?? null, phone: k.phone ?? null, email: k.email ?? null });
    const candidates = [
      key({ buyerId: 'tb_nick_01' }),
      key({ buyerId: 'tb_nick_09' }),
      key({ phone: '13812345678' }),
      key({ phone: '13812345679' }),
      key({ email: 'ANN.LEE@example.com' }),
      key({ email: 'ann.lee@example.org' }),
      key({ phone: '10000000000', email: 'both@EXAMPLE.COM' }),
      key({ buyerId: 'tb_nick_09', phone: '13812345678' }), // a buyer id is searched alone
    ];
    const verdicts = candidates.map((k) => known.mayMatch(k));
    expect(verdicts).toEqual([true, false, true, false, true, false, true, false]);
    for (const [i, k] of candidates.entries()) if (!verdicts[i]) expect(findCustomer(db, SHOP, k)).toBeUndefined();
  });

  it('learns the customers matchCustomer creates or completes', () => {
    const db = withCustomers();
    const known = CustomerKeys.of(db, SHOP);
    const fresh = { buyerId: null, phone: '17700000000', email: null };
    expect(known.mayMatch(fresh)).toBe(false);
    matchCustomer(db, SHOP, { phone: '17700000000' }, NOW, known);
    expect(known.mayMatch(fresh)).toBe(true);
    // Ann Lee had no phone: the import that finds her by email gives her one, and the keys know it.
    matchCustomer(db, SHOP, { email: 'ann.lee@example.com', phone: '16600000000' }, NOW, known);
    expect(known.mayMatch({ buyerId: null, phone: '16600000000', email: null })).toBe(true);
  });

  it('stops ruling buyers out once it holds its most keys, so its memory stays bounded', () => {
    const keys = new CustomerKeys();
    const stranger = { buyerId: 'never-added', phone: null, email: null };
    let added = 0;
    while (!keys.mayMatch(stranger) && added <= CustomerKeys.MAX) keys.add({ platformBuyerId: `buyer${added++}`, phone: null, email: null });
    expect(added).toBe(CustomerKeys.MAX);
    expect(keys.mayMatch({ buyerId: null, phone: '10000000000', email: 'nobody@example.com' })).toBe(true);
  });
});
