import { hash } from 'node:crypto';
import type { ImportOrder } from './types.js';

/** What a file says about an order, hashed: re-importing an order whose hash is stored changes nothing and costs one look-up. */
export function contentHash(order: ImportOrder): string {
  const { line: _line, ...content } = order;
  return hash('sha1', JSON.stringify(content), 'base64');
}
