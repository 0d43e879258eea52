import type { Db } from '../../db/open.js';
import { skuById } from '../../db/queries/catalog.js';
import * as iq from '../../db/queries/imports.js';
import * as q from '../../db/queries/orders.js';
import { recordMovement } from '../inventory/ledger.js';
import { RESERVING } from '../orders/types.js';

/**
 * Gives unmatched order lines the SKU a new listing link (or a new SKU code) now points them to, inside the
 * caller's transaction, and brings stock in line: units already shipped become sale movements, units still
 * to ship are reserved (not for a line the platform ships from its own warehouse). Returns how many lines found
 * their SKU.
 */
export function reattributeLines(db: Db, now: number, scope: { shopId?: number; sellerSku?: string } = {}): number {
  let matched = 0;
  for (const line of iq.unmatchedLines(db, scope.shopId, scope.sellerSku)) {
    const skuId = iq.linkedSku(db, line.shopId, line.listingId, line.platformSku) ?? (line.sellerSku === null ? undefined : iq.skuIdByCode(db, line.sellerSku));
    if (skuId === undefined) continue;
    iq.setLineSku(db, line.lineId, skuId);
    matched++;
    if (line.platformStock) continue;
    const order = q.orderById(db, line.orderId)!;
    if (line.shipped > 0) {
      recordMovement(db, skuById(db, skuId)!, { kind: 'sale', quantity: -line.shipped, reference: `order ${order.platformOrderId}`, occurredAt: order.shippedAt ?? now, allowNegative: true, orderId: order.id });
    }
    const stored = q.linesOf(db, order.id).find((l) => l.id === line.lineId)!;
    // An item the platform cancelled holds nothing, matched or not.
    if (RESERVING.includes(order.status) && !stored.cancelled) {
      const reserve = stored.quantity - stored.shipped;
      q.addReserved(db, skuId, reserve - stored.reserved);
      q.saveLine(db, { ...stored, reserved: reserve });
    }
  }
  return matched;
}
