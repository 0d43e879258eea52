import { conflict } from '../errors.js';
import type { OrderStatus } from './types.js';

/**
 * The order state machine. Shipping may start from paid, picking or packed (a solo seller often ships
 * straight from paid); on_hold comes from and returns to paid/picking/packed; cancelling is possible
 * until anything has shipped.
 */
export const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending_payment: ['paid', 'cancelled'],
  paid: ['picking', 'packed', 'partially_shipped', 'shipped', 'on_hold', 'cancelled'],
  picking: ['packed', 'partially_shipped', 'shipped', 'on_hold', 'cancelled'],
  packed: ['partially_shipped', 'shipped', 'on_hold', 'cancelled'],
  partially_shipped: ['partially_shipped', 'shipped'],
  shipped: ['delivered', 'completed'],
  delivered: ['completed'],
  completed: [],
  on_hold: ['paid', 'picking', 'packed', 'cancelled'],
  cancelled: [],
};

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * A refused transition is exit 4 naming the current state and what may come next. A held order leaves
 * on_hold only by release (back where it was) or cancel; anything else is told to release it first.
 */
export function assertMove(order: { platformOrderId: string; status: OrderStatus }, to: OrderStatus, releasing = false): void {
  if (order.status === 'on_hold' && to !== 'cancelled' && !releasing) {
    throw conflict('order.held', { order: order.platformOrderId }, { key: 'order.held.hint', params: { order: order.platformOrderId } });
  }
  if (canMove(order.status, to)) return;
  const allowed = TRANSITIONS[order.status];
  throw conflict(
    'order.badTransition',
    { order: order.platformOrderId, from: order.status, to, allowed: allowed.length > 0 ? allowed.join(', ') : '—' },
    { key: allowed.length > 0 ? 'order.badTransition.hint' : 'order.final.hint', params: { allowed: allowed.join(', ') } },
  );
}
