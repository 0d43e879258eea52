import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import * as q from '../../db/queries/orders.js';
import { conflict, usageError, type Detail } from '../errors.js';
import { findCarrier, trackingLooksRight } from '../fulfilment/carriers.js';
import { logEvent, setStatus } from './events.js';
import { findOrder, orderDetail } from './find.js';
import { allocateItems } from './items.js';
import { assertMove } from './lifecycle.js';
import { shipFromLine } from './reservations.js';
import type { ItemSpec, Order, OrderDetail, OrderLine } from './types.js';

export interface ShipInput {
  ref: string;
  shop?: string;
  carrier: string;
  tracking: string;
  items?: ItemSpec[];
}

export interface ShipResult {
  order: OrderDetail;
  warnings: Detail[];
}

/** Which units of which lines go: the named SKUs, or everything left. */
function allocate(order: Order, lines: OrderLine[], items: ItemSpec[] | undefined): Map<OrderLine, number> {
  // An item the platform cancelled has nothing left to ship.
  const left = (l: OrderLine) => (l.cancelled ? 0 : l.quantity - l.shipped);
  if (items !== undefined) return allocateItems(order, lines, items, left);
  return new Map(lines.filter((l) => left(l) > 0).map((l) => [l, left(l)]));
}

/** Ships inside the caller's transaction: one shipment with its tracking number, sale movements, the new status. */
export function shipLoaded(db: Db, order: Order, input: Omit<ShipInput, 'ref' | 'shop'>, at: number): Detail[] {
  const carrierText = input.carrier.trim();
  const tracking = input.tracking.trim();
  if (carrierText === '') throw usageError('input.missingFlag', { flag: '--carrier' });
  if (tracking === '') throw usageError('input.missingFlag', { flag: '--tracking' });
  assertMove(order, 'shipped');
  const lines = q.linesOf(db, order.id);
  const plan = allocate(order, lines, input.items);
  if (plan.size === 0) throw conflict('order.nothingToShip', { order: order.platformOrderId });
  const carrier = findCarrier(carrierText);
  const code = carrier?.code ?? carrierText;
  const shipmentId = q.insertShipment(db, order.id, code, tracking, at);
  for (const [line, quantity] of plan) {
    shipFromLine(db, order, line, quantity, at);
    q.insertShipmentLine(db, shipmentId, line.id, quantity);
  }
  logEvent(db, order, at, 'tracking', null, `${code} ${tracking}`);
  const done = lines.every((l) => l.cancelled || l.shipped === l.quantity);
  setStatus(order, done ? 'shipped' : 'partially_shipped', db, at);
  if (done) order.shippedAt = at;
  q.saveOrder(db, order, at);
  const warnings: Detail[] = [];
  if (!carrier) warnings.push({ key: 'carrier.unknown', params: { carrier: carrierText } });
  else if (!trackingLooksRight(code, tracking)) warnings.push({ key: 'carrier.oddTracking', params: { tracking, carrier: carrier.name } });
  return warnings;
}

export function shipOrder(db: Db, input: ShipInput, now: number): ShipResult {
  return writeTransaction(db, () => {
    const order = findOrder(db, input.ref, input.shop);
    const warnings = shipLoaded(db, order, input, now);
    return { order: orderDetail(db, q.orderById(db, order.id)!), warnings };
  });
}
