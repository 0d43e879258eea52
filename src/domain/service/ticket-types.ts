/** Tickets: the buyer's questions and problems, with their thread and SLA clocks (docs/tickets.md). */
export const TICKET_TYPES = ['presale', 'order', 'aftersale', 'complaint', 'other'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const TICKET_CHANNELS = ['chat', 'phone', 'email', 'other'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const TICKET_STATUSES = ['open', 'pending', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses in the queue: the ones whose clocks still run (pending pauses the resolution clock). */
export const ACTIVE_STATUSES: readonly TicketStatus[] = ['open', 'pending'];

/** How a ticket ended; codes stay English in JSON, translated in tables. */
export const RESOLUTION_CODES = ['answered', 'reshipped', 'refunded', 'partial_refund', 'replaced', 'returned', 'compensated', 'no_action', 'duplicate', 'spam', 'other'] as const;
export type ResolutionCode = (typeof RESOLUTION_CODES)[number];

export const MESSAGE_DIRECTIONS = ['inbound', 'outbound', 'note'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

export interface Ticket {
  id: number;
  /** "T-000042": the id, zero-padded to six digits (longer once past 999999). */
  number: string;
  shopId: number;
  shopName: string;
  platform: string;
  timezone: string;
  customerId: number | null;
  customerName: string | null;
  customerPhone: string | null;
  customerEmail: string | null;
  platformBuyerId: string | null;
  orderId: number | null;
  platformOrderId: string | null;
  skuId: number | null;
  skuCode: string | null;
  type: TicketType;
  channel: TicketChannel;
  priority: TicketPriority;
  status: TicketStatus;
  subject: string;
  tags: string[];
  resolution: ResolutionCode | null;
  openedAt: number;
  firstResponseAt: number | null;
  firstResponseDue: number | null;
  resolutionDue: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  /**
   * The last change. While a ticket is pending it is the moment it went pending (replies and notes added
   * meanwhile leave it alone): the resolution clock is paused from then on.
   */
  updatedAt: number;
}

export interface TicketMessage {
  id: number;
  ticketId: number;
  direction: MessageDirection;
  body: string;
  template: string | null;
  at: number;
}

/**
 * The ticket state machine. Open tickets wait on the seller; pending ones on the buyer; resolved ones are
 * done but may still be reopened or get a last reply; closed ones are filed (reopen brings any back).
 */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  open: ['pending', 'resolved'],
  pending: ['open', 'resolved'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};

export function canMoveTicket(from: TicketStatus, to: TicketStatus): boolean {
  return TICKET_TRANSITIONS[from].includes(to);
}

export const ticketNumber = (id: number): string => `T-${String(id).padStart(6, '0')}`;
