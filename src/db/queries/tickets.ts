import { statement, type Db } from '../open.js';
import {
  ticketNumber,
  type MessageDirection,
  type ResolutionCode,
  type Ticket,
  type TicketChannel,
  type TicketMessage,
  type TicketPriority,
  type TicketStatus,
  type TicketType,
} from '../../domain/service/ticket-types.js';

interface TicketRow {
  id: number;
  shop_id: number;
  shop_name: string;
  platform: string;
  timezone: string;
  customer_id: number | null;
  customer_name: string | null;
  customer_phone: string | null;
  customer_email: string | null;
  platform_buyer_id: string | null;
  order_id: number | null;
  platform_order_id: string | null;
  sku_id: number | null;
  sku_code: string | null;
  type: string;
  channel: string;
  priority: string;
  status: string;
  subject: string;
  tags: string;
  resolution: string | null;
  opened_at: number;
  first_response_at: number | null;
  first_response_due: number | null;
  resolution_due: number | null;
  resolved_at: number | null;
  closed_at: number | null;
  updated_at: number;
}

const TICKET_SELECT = `
SELECT t.*, sh.name AS shop_name, sh.platform, sh.timezone,
       c.name AS customer_name, c.phone AS customer_phone, c.email AS customer_email, c.platform_buyer_id,
       o.platform_order_id, k.code AS sku_code
FROM ticket t
JOIN shop sh ON sh.id = t.shop_id
LEFT JOIN customer c ON c.id = t.customer_id
LEFT JOIN sales_order o ON o.id = t.order_id
LEFT JOIN sku k ON k.id = t.sku_id`;

const toTicket = (r: TicketRow): Ticket => ({
  id: r.id,
  number: ticketNumber(r.id),
  shopId: r.shop_id,
  shopName: r.shop_name,
  platform: r.platform,
  timezone: r.timezone,
  customerId: r.customer_id,
  customerName: r.customer_name,
  customerPhone: r.customer_phone,
  customerEmail: r.customer_email,
  platformBuyerId: r.platform_buyer_id,
  orderId: r.order_id,
  platformOrderId: r.platform_order_id,
  skuId: r.sku_id,
  skuCode: r.sku_code,
  type: r.type as TicketType,
  channel: r.channel as TicketChannel,
  priority: r.priority as TicketPriority,
  status: r.status as TicketStatus,
  subject: r.subject,
  tags: JSON.parse(r.tags) as string[],
  resolution: r.resolution as ResolutionCode | null,
  openedAt: r.opened_at,
  firstResponseAt: r.first_response_at,
  firstResponseDue: r.first_response_due,
  resolutionDue: r.resolution_due,
  resolvedAt: r.resolved_at,
  closedAt: r.closed_at,
  updatedAt: r.updated_at,
});

export function ticketById(db: Db, id: number): Ticket | undefined {
  const row = statement(db, `${TICKET_SELECT} WHERE t.id = ?`).get(id) as TicketRow | undefined;
  return row && toTicket(row);
}

export interface TicketQuery {
  statuses?: readonly TicketStatus[];
  types?: readonly TicketType[];
  priorities?: readonly TicketPriority[];
  shopId?: number;
  tag?: string;
  orderId?: number;
  customerId?: number;
}

/** Tickets matching every given filter (the caller orders the queue: due times need each shop's schedule). */
export function ticketsWhere(db: Db, f: TicketQuery): Ticket[] {
  const json = (values: readonly string[] | undefined) => (values && values.length > 0 ? JSON.stringify(values) : null);
  const rows = statement(
    db,
    `${TICKET_SELECT}
     WHERE (:statuses IS NULL OR t.status IN (SELECT value FROM json_each(:statuses)))
       AND (:types IS NULL OR t.type IN (SELECT value FROM json_each(:types)))
       AND (:priorities IS NULL OR t.priority IN (SELECT value FROM json_each(:priorities)))
       AND (:shopId IS NULL OR t.shop_id = :shopId)
       AND (:orderId IS NULL OR t.order_id = :orderId)
       AND (:customerId IS NULL OR t.customer_id = :customerId)
       AND (:tag IS NULL OR EXISTS (SELECT 1 FROM json_each(t.tags) WHERE lower(value) = lower(:tag)))
     ORDER BY t.id`,
  ).all({
    statuses: json(f.statuses),
    types: json(f.types),
    priorities: json(f.priorities),
    shopId: f.shopId ?? null,
    orderId: f.orderId ?? null,
    customerId: f.customerId ?? null,
    tag: f.tag ?? null,
  }) as TicketRow[];
  return rows.map(toTicket);
}

export interface NewTicketRow {
  shopId: number;
  customerId: number | null;
  orderId: number | null;
  skuId: number | null;
  type: TicketType;
  channel: TicketChannel;
  priority: TicketPriority;
  subject: string;
  tags: string[];
  openedAt: number;
  firstResponseDue: number;
  resolutionDue: number;
  updatedAt: number;
}

export function insertTicket(db: Db, t: NewTicketRow): number {
  const info = statement(
    db,
    `INSERT INTO ticket (shop_id, customer_id, order_id, sku_id, type, channel, priority, status, subject, tags, opened_at, first_response_due, resolution_due, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?)`,
  ).run(t.shopId, t.customerId, t.orderId, t.skuId, t.type, t.channel, t.priority, t.subject, JSON.stringify(t.tags), t.openedAt, t.firstResponseDue, t.resolutionDue, t.updatedAt);
  return Number(info.lastInsertRowid);
}

/** Writes back what the lifecycle changes: status, clocks, resolution, tags, priority. */
export function saveTicket(db: Db, t: Ticket): void {
  statement(
    db,
    `UPDATE ticket SET status = ?, priority = ?, tags = ?, resolution = ?, first_response_at = ?, first_response_due = ?, resolution_due = ?,
       resolved_at = ?, closed_at = ?, updated_at = ? WHERE id = ?`,
  ).run(t.status, t.priority, JSON.stringify(t.tags), t.resolution, t.firstResponseAt, t.firstResponseDue, t.resolutionDue, t.resolvedAt, t.closedAt, t.updatedAt, t.id);
}

export function insertMessage(db: Db, ticketId: number, direction: MessageDirection, body: string, template: string | null, at: number): number {
  const info = statement(db, 'INSERT INTO ticket_message (ticket_id, direction, body, template, at) VALUES (?, ?, ?, ?, ?)').run(ticketId, direction, body, template, at);
  return Number(info.lastInsertRowid);
}

export function messagesOf(db: Db, ticketId: number): TicketMessage[] {
  return statement(db, 'SELECT id, ticket_id AS ticketId, direction, body, template, at FROM ticket_message WHERE ticket_id = ? ORDER BY at, id').all(ticketId) as TicketMessage[];
}

/** A customer of the shop by shopkeep id, platform buyer id, phone or email (exact), for `ticket open --customer`. */
export function customerOfShop(db: Db, shopId: number, ref: { id?: number; key?: string }): { id: number } | undefined {
  if (ref.id !== undefined) return statement(db, 'SELECT id FROM customer WHERE id = ? AND shop_id = ?').get(ref.id, shopId) as { id: number } | undefined;
  return statement(
    db,
    `SELECT id FROM customer WHERE shop_id = :shop AND (platform_buyer_id = :key OR phone = :key OR email = :key COLLATE NOCASE) ORDER BY platform_buyer_id = :key DESC, id LIMIT 1`,
  ).get({ shop: shopId, key: ref.key ?? '' }) as { id: number } | undefined;
}

// ── SLA settings. A NULL shop_id is the setting for every shop without its own. ──

export interface TargetRow {
  shopId: number | null;
  type: TicketType;
  firstResponseMinutes: number;
  resolutionMinutes: number;
}

/** The shop's own targets and the all-shops ones. */
export function targetsFor(db: Db, shopId: number): TargetRow[] {
  return statement(
    db,
    'SELECT shop_id AS shopId, type, first_response_minutes AS firstResponseMinutes, resolution_minutes AS resolutionMinutes FROM sla_target WHERE shop_id = ? OR shop_id IS NULL',
  ).all(shopId) as TargetRow[];
}

/** Replaces the target of one type in one scope (UNIQUE does not hold for NULL shop ids, hence delete + insert). */
export function putTarget(db: Db, shopId: number | null, type: TicketType, firstResponseMinutes: number, resolutionMinutes: number): void {
  statement(db, 'DELETE FROM sla_target WHERE shop_id IS ? AND type = ?').run(shopId, type);
  statement(db, 'INSERT INTO sla_target (shop_id, type, first_response_minutes, resolution_minutes) VALUES (?, ?, ?, ?)').run(shopId, type, firstResponseMinutes, resolutionMinutes);
}

export interface HoursRow {
  weekday: number;
  opens: string;
  closes: string;
}

/** The weekly hours stored for exactly this scope (a shop, or NULL for all shops). */
export function hoursOf(db: Db, shopId: number | null): HoursRow[] {
  return statement(db, 'SELECT weekday, opens, closes FROM business_hours WHERE shop_id IS ? ORDER BY weekday, opens').all(shopId) as HoursRow[];
}

export function deleteHours(db: Db, shopId: number | null, weekday: number): void {
  statement(db, 'DELETE FROM business_hours WHERE shop_id IS ? AND weekday = ?').run(shopId, weekday);
}

export function insertHours(db: Db, shopId: number | null, weekday: number, opens: string, closes: string): void {
  statement(db, 'INSERT INTO business_hours (shop_id, weekday, opens, closes) VALUES (?, ?, ?, ?)').run(shopId, weekday, opens, closes);
}

export interface HolidayRow {
  shopId: number | null;
  date: string;
  name: string | null;
}

/** The shop's own holidays and the all-shops ones (shopId undefined: every holiday of every scope). */
export function holidaysFor(db: Db, shopId: number | undefined): HolidayRow[] {
  if (shopId === undefined) return statement(db, 'SELECT shop_id AS shopId, date, name FROM holiday ORDER BY date, shop_id').all() as HolidayRow[];
  return statement(db, 'SELECT shop_id AS shopId, date, name FROM holiday WHERE shop_id = ? OR shop_id IS NULL ORDER BY date, shop_id').all(shopId) as HolidayRow[];
}

export function holidayIn(db: Db, shopId: number | null, date: string): HolidayRow | undefined {
  return statement(db, 'SELECT shop_id AS shopId, date, name FROM holiday WHERE shop_id IS ? AND date = ?').get(shopId, date) as HolidayRow | undefined;
}

export function insertHoliday(db: Db, shopId: number | null, date: string, name: string | null): void {
  statement(db, 'INSERT INTO holiday (shop_id, date, name) VALUES (?, ?, ?)').run(shopId, date, name);
}

export function deleteHoliday(db: Db, shopId: number | null, date: string): number {
  return statement(db, 'DELETE FROM holiday WHERE shop_id IS ? AND date = ?').run(shopId, date).changes;
}

export interface BreachCounts {
  firstResponseDue: number;
  firstResponseBreaches: number;
  resolutionDue: number;
  resolutionBreaches: number;
}

/**
 * SLA breaches among clocks falling due in [from, to). First response: answered (or, unanswered, resolved)
 * after its due time, or still waiting at `asOf`. Resolution: resolved late, or unresolved past its due time
 * at `asOf`; a pending ticket counts only if it was already late when it went pending (its clock is paused).
 */
export function breachCounts(db: Db, from: number, to: number, asOf: number, shopId: number | null): BreachCounts {
  const row = statement(
    db,
    `SELECT
       coalesce(sum(first_response_due >= :from AND first_response_due < :to), 0) AS firstResponseDue,
       coalesce(sum(first_response_due >= :from AND first_response_due < :to
                    AND coalesce(first_response_at, resolved_at, :asOf) > first_response_due), 0) AS firstResponseBreaches,
       coalesce(sum(resolution_due >= :from AND resolution_due < :to), 0) AS resolutionDue,
       coalesce(sum(resolution_due >= :from AND resolution_due < :to
                    AND CASE WHEN resolved_at IS NOT NULL THEN resolved_at > resolution_due
                             WHEN status = 'pending' THEN updated_at > resolution_due
                             ELSE :asOf > resolution_due END), 0) AS resolutionBreaches
     FROM ticket
     WHERE (:shopId IS NULL OR shop_id = :shopId)`,
  ).get({ from, to, asOf, shopId }) as BreachCounts;
  return row;
}
