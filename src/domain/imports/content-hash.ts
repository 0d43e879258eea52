import { hash } from 'node:crypto';
import type { ImportOrder } from './types.js';

/**
 * What a file says about an order, hashed: re-importing an order whose hash is stored changes nothing and costs one
 * look-up. Everything but `line` (where the order starts in its file). The grouper builds orders with `line` last, so
 * it is cut from the end of the JSON; V8 copies `{ line, ...rest }` of a 27-field object on a slow path.
 */
export function contentHash(order: ImportOrder): string {
  if (order.hash !== undefined) return order.hash;
  const json = JSON.stringify(order);
  const at = json.lastIndexOf(',"line":');
  if (at > 0 && /^,"line":\d+}$/.test(json.slice(at))) return hash('sha1', `${json.slice(0, at)}}`, 'base64');
  const { line: _line, ...content } = order;
  return hash('sha1', JSON.stringify(content), 'base64');
}
