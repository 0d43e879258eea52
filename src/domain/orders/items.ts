import { conflict, usageError } from '../errors.js';
import type { ItemSpec, Order, OrderLine } from './types.js';

/** "LJ-250:2,SCARF-RED:1@99.00" → items; a bare "SKU" means one unit. */
export function parseItems(text: string, field = '--items', allowPrice = true): ItemSpec[] {
  const items = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const m = /^([^:@\s]+)(?::(\d{1,6}))?(?:@(.+))?$/.exec(part);
      if (!m || (m[3] !== undefined && !allowPrice) || m[2] === '0') throw usageError('order.itemsInvalid', { field, value: part });
      return { sku: m[1]!, quantity: m[2] === undefined ? 1 : Number(m[2]), ...(m[3] !== undefined && { unitPrice: m[3] }) };
    });
  if (items.length === 0) throw usageError('order.itemsInvalid', { field, value: text });
  return items;
}

/**
 * Spreads SKU:QTY items over the order's lines that carry each SKU, up to `room(line)` units per line.
 * A SKU not on the order, or more than there is room for, is exit 4.
 */
export function allocateItems(order: Order, lines: OrderLine[], items: ItemSpec[], room: (line: OrderLine) => number): Map<OrderLine, number> {
  const plan = new Map<OrderLine, number>();
  const free = (l: OrderLine) => room(l) - (plan.get(l) ?? 0);
  for (const item of items) {
    const carrying = lines.filter((l) => l.skuCode !== null && l.skuCode.toLowerCase() === item.sku.toLowerCase());
    if (carrying.length === 0) throw conflict('order.itemNotOnOrder', { order: order.platformOrderId, sku: item.sku });
    const remaining = carrying.reduce((sum, l) => sum + free(l), 0);
    if (item.quantity > remaining) throw conflict('order.itemTooMany', { order: order.platformOrderId, sku: item.sku, wanted: item.quantity, remaining });
    let left = item.quantity;
    for (const l of carrying) {
      const take = Math.min(left, free(l));
      if (take > 0) plan.set(l, (plan.get(l) ?? 0) + take);
      left -= take;
    }
  }
  return plan;
}
