import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentHash, sealOrder, unsealOrder } from '../../src/domain/imports/content-hash.js';
import { parseOrderFiles } from '../../src/domain/imports/parse-files.js';
import { PROFILES } from '../../src/domain/imports/profiles/index.js';

/** The definition: the order's JSON without `line`, as stored hashes were made. */
const byDefinition = (order: object) => {
  const { line: _line, ...content } = order as { line: number };
  return hash('sha1', JSON.stringify(content), 'base64');
};

describe('an order’s content hash', () => {
  const files = ['shopify-orders_export.csv', 'amazon-all-orders.txt', 'taobao-ExportOrderList201904011200.csv'];
  const orders = files.flatMap((name) => parseOrderFiles([{ name, bytes: readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url)) }], PROFILES, { zone: 'UTC', currency: 'USD' }).orders);

  it('is the JSON without `line`, whatever the field order, and does not change with the line', () => {
    expect(orders.length).toBeGreaterThan(10);
    for (const order of orders) {
      expect(contentHash(order)).toBe(byDefinition(order));
      expect(contentHash({ ...order, line: order.line + 1000 })).toBe(contentHash(order));
      const { line, ...rest } = order;
      expect(contentHash({ line, ...rest })).toBe(contentHash(order)); // `line` first: the slow path, same value
    }
  });

  it('is the one the reader thread worked out, when it did', () => {
    expect(contentHash({ ...orders[0]!, hash: 'from the reader' })).toBe('from the reader');
  });

  it('seals an order for the writer thread with the same hash, and unseals it as it was', () => {
    for (const order of orders) {
      const sealed = sealOrder(order);
      expect(sealed).toMatchObject({ platformOrderId: order.platformOrderId, currency: order.currency, line: order.line, lines: order.lines.length });
      expect(sealed.hash).toBe(byDefinition(order));
      expect(unsealOrder(sealed)).toEqual({ ...order, hash: sealed.hash });
    }
  });
});
