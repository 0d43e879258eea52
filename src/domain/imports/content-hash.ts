import { hash } from 'node:crypto';
import type { ImportOrder } from './types.js';

/** What a file says about an order, as text: the same order in two exports gives the same text. */
export function contentJson(order: ImportOrder): string {
  const { line: _line, ...content } = order;
  return JSON.stringify(content);
}

export const hashOfContent = (json: string) => hash('sha1', json, 'base64');

/** Re-importing an order whose hash is stored changes nothing and costs one look-up. */
export const contentHash = (order: ImportOrder) => hashOfContent(contentJson(order));
