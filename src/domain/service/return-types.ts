import { conflict } from '../errors.js';

export const RETURN_TYPES = ['return', 'exchange', 'refund_only', 'repair'] as const;
export type ReturnType = (typeof RETURN_TYPES)[number];

export const RETURN_STATUSES = ['requested', 'approved', 'rejected', 'received', 'refunded', 'closed'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

export const RETURN_CONDITIONS = ['resellable', 'damaged', 'scrap'] as const;
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number];

export interface ReturnRequest {
  id: number;
  /** "R-000001": the id, padded to six digits (docs/returns.md). */
  number: string;
  orderId: number;
  orderNumber: string;
  orderStatus: string;
  shopId: number;
  shopName: string;
  timezone: string;
  currency: string;
  customerId: number | null;
  ticketId: number | null;
  type: ReturnType;
  status: ReturnStatus;
  reason: string;
  condition: ReturnCondition | null;
  /** Minor units of the order's currency. */
  refundAmount: number;
  replacementOrderId: number | null;
  replacementOrderNumber: string | null;
  note: string | null;
  openedAt: number;
  approvedAt: number | null;
  rejectedAt: number | null;
  receivedAt: number | null;
  refundedAt: number | null;
  closedAt: number | null;
  updatedAt: number;
}

export interface ReturnLine {
  orderLineId: number;
  skuId: number | null;
  skuCode: string | null;
  title: string;
  variant: string | null;
  quantity: number;
  unitPrice: number;
}

export interface LinkedTicket {
  id: number;
  shopId: number;
  orderId: number | null;
  subject: string;
  status: string;
}

export interface ReturnDetail extends ReturnRequest {
  lines: ReturnLine[];
  ticket: LinkedTicket | null;
  buyer: { name: string | null; phone: string | null } | null;
  order: { total: number; paid: number; refunded: number };
}

/** "R-000001" from an id. */
export const returnNumber = (id: number): string => `R-${String(id).padStart(6, '0')}`;

/**
 * The return state machine, per type (docs/returns.md):
 *
 *   requested → approved | rejected
 *   approved  → received (return, exchange, repair) | refunded (refund_only)
 *   received  → refunded | closed (return) · closed (exchange, repair)
 *   refunded  → closed
 *   rejected, closed: final
 */
export const RETURN_TRANSITIONS: Readonly<Record<ReturnType, Readonly<Record<ReturnStatus, readonly ReturnStatus[]>>>> = {
  return: { requested: ['approved', 'rejected'], approved: ['received'], received: ['refunded', 'closed'], refunded: ['closed'], rejected: [], closed: [] },
  exchange: { requested: ['approved', 'rejected'], approved: ['received'], received: ['closed'], refunded: [], rejected: [], closed: [] },
  refund_only: { requested: ['approved', 'rejected'], approved: ['refunded'], received: [], refunded: ['closed'], rejected: [], closed: [] },
  repair: { requested: ['approved', 'rejected'], approved: ['received'], received: ['closed'], refunded: [], rejected: [], closed: [] },
};

/** The verb that moves a return into each state, for hints. */
const VERB: Record<ReturnStatus, string> = {
  requested: 'open',
  approved: 'approve',
  rejected: 'reject --reason TEXT',
  received: 'receive --condition resellable|damaged|scrap',
  refunded: 'refund --amount AMOUNT',
  closed: 'close',
};

export function nextSteps(r: Pick<ReturnRequest, 'type' | 'status'>): readonly ReturnStatus[] {
  return RETURN_TRANSITIONS[r.type][r.status];
}

/** A refused step is exit 4 naming the current state, what may come next and the commands that do it. */
export function assertReturnMove(r: Pick<ReturnRequest, 'number' | 'type' | 'status'>, to: ReturnStatus): void {
  const allowed = nextSteps(r);
  if (allowed.includes(to)) return;
  throw conflict(
    'return.badTransition',
    { number: r.number, type: r.type, from: r.status, to, allowed: allowed.length > 0 ? allowed.join(', ') : '—' },
    allowed.length > 0
      ? { key: 'return.next.hint', params: { commands: allowed.map((s) => `shopkeep return ${VERB[s].replace(/^(\S+)/, `$1 ${r.number}`)}`).join(' · ') } }
      : { key: 'return.final.hint', params: { number: r.number } },
  );
}
