import { hash } from 'node:crypto';
import type { ImportOrder } from './types.js';

/**
 * What a file says about an order, hashed: re-importing an order whose hash is stored changes nothing and costs one
 * look-up. Everything but `line` (where the order starts in its file). The grouper builds orders with `line` last, so
 * it is cut from the end of the JSON; V8 copies `{ line, ...rest }` of a 27-field object on a slow path.
 */
export function contentHash(order: ImportOrder): string {
  if (order.hash !== undefined) return order.hash;
  return hashOf(order, JSON.stringify(order));
}

function hashOf(order: ImportOrder, json: string): string {
  const at = json.lastIndexOf(',"line":');
  if (at > 0 && /^,"line":\d+}$/.test(json.slice(at))) return hash('sha1', `${json.slice(0, at)}}`, 'base64');
  const { line: _line, hash: _hash, ...content } = order;
  return hash('sha1', JSON.stringify(content), 'base64');
}

/**
 * An order as the reader thread hands it to the writer: what an unchanged order needs (its id, currency, hash and
 * line count) beside its JSON, which the writer parses only for an order it must write. The JSON is the one the hash
 * was made from, so sealing costs the reader nothing extra, and a string crosses threads as one copy.
 */
export interface SealedOrder {
  platformOrderId: string;
  currency: string | null;
  line: number;
  lines: number;
  hash: string;
  json: string;
}

export function sealOrder(order: ImportOrder): SealedOrder {
  const json = JSON.stringify(order);
  const { platformOrderId, currency, line } = order;
  return { platformOrderId, currency, line, lines: order.lines.length, hash: hashOf(order, json), json };
}

/** The order a sealed one was made from, with its hash. */
export function unsealOrder(sealed: SealedOrder): ImportOrder {
  const order = JSON.parse(sealed.json) as ImportOrder;
  order.hash = sealed.hash;
  return order;
}
