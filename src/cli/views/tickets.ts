import type { HolidayRow } from '../../db/queries/tickets.js';
import { trackingUrl } from '../../domain/fulfilment/carriers.js';
import { maskEmail, maskName, maskPhone } from '../../domain/privacy.js';
import type { ReplyTemplate } from '../../domain/service/replies.js';
import type { ReplyResult } from '../../domain/service/ticket-replies.js';
import { toHhmm, type ShopSla, type TicketClock } from '../../domain/service/sla.js';
import { TICKET_TYPES, type Ticket, type TicketDetail, type TicketRow } from '../../domain/service/tickets.js';
import { formatWallTime } from '../../domain/time.js';
import type { Ctx } from '../context.js';
import type { Block, View } from '../render/view.js';
import { orderJson } from './orders.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Business minutes as "2h", "1h 30m", "45m" (translated). */
export function formatMinutes(ctx: Ctx, minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (h > 0 && m > 0) return ctx.t('ticket.hm', { h, m });
  return h > 0 ? ctx.t('ticket.h', { h }) : ctx.t('ticket.m', { m });
}

function buyerJson(t: Ticket, reveal: boolean) {
  if (t.customerId === null) return null;
  return {
    id: t.customerId,
    name: reveal ? t.customerName : maskName(t.customerName),
    phone: reveal ? t.customerPhone : maskPhone(t.customerPhone),
    email: reveal ? t.customerEmail : maskEmail(t.customerEmail),
    platformBuyerId: t.platformBuyerId,
  };
}

/** The JSON contract of one ticket: English keys and codes, instants ISO 8601 UTC, personal data masked unless --reveal. */
export function ticketJson(t: Ticket, clock: TicketClock, reveal: boolean) {
  return {
    id: t.id,
    number: t.number,
    shop: t.shopName,
    type: t.type,
    channel: t.channel,
    priority: t.priority,
    status: t.status,
    subject: t.subject,
    tags: t.tags,
    resolution: t.resolution,
    buyer: buyerJson(t, reveal),
    order: t.platformOrderId,
    sku: t.skuCode,
    openedAt: iso(t.openedAt),
    firstResponseAt: iso(t.firstResponseAt),
    firstResponseDue: iso(t.firstResponseDue),
    resolutionDue: iso(t.resolutionDue),
    resolvedAt: iso(t.resolvedAt),
    closedAt: iso(t.closedAt),
    updatedAt: iso(t.updatedAt),
    due: { next: clock.next, at: iso(clock.due), paused: clock.paused, overdue: clock.overdue },
  };
}

function buyerCell(t: Ticket, reveal: boolean): string | null {
  const name = reveal ? t.customerName : maskName(t.customerName);
  return name ?? (t.platformBuyerId || null);
}

function dueCell(ctx: Ctx, t: Ticket, clock: TicketClock): string {
  if (clock.due === null) return ctx.t('label.none');
  const marks = [clock.paused ? ctx.t('ticket.paused') : null, clock.overdue ? ctx.t('ticket.overdue') : null].filter(Boolean);
  return `${formatWallTime(clock.due, t.timezone)}${marks.length > 0 ? ` (${marks.join(', ')})` : ''}`;
}

export function ticketListView(ctx: Ctx, rows: TicketRow[], reveal: boolean): View {
  return {
    json: () => ({ tickets: rows.map((r) => ticketJson(r.ticket, r.clock, reveal)) }),
    blocks: () => [
      {
        kind: 'table',
        columns: [
          { key: 'ticket', label: ctx.t('ticketCol.ticket') },
          { key: 'due', label: ctx.t('ticketCol.due') },
          { key: 'next', label: ctx.t('ticketCol.next') },
          { key: 'status', label: ctx.t('col.status') },
          { key: 'priority', label: ctx.t('ticketCol.priority') },
          { key: 'type', label: ctx.t('ticketCol.type') },
          { key: 'shop', label: ctx.t('col.shop') },
          { key: 'buyer', label: ctx.t('col.buyer') },
          { key: 'order', label: ctx.t('col.order') },
          { key: 'subject', label: ctx.t('ticketCol.subject') },
        ],
        rows: rows.map(({ ticket: t, clock }) => ({
          ticket: t.number,
          due: dueCell(ctx, t, clock),
          next: clock.next ? ctx.t(`ticketNext.${clock.next}`) : '',
          status: ctx.t(`ticketStatus.${t.status}`),
          priority: ctx.t(`ticketPriority.${t.priority}`),
          type: ctx.t(`ticketType.${t.type}`),
          shop: t.shopName,
          buyer: buyerCell(t, reveal),
          order: t.platformOrderId,
          subject: t.subject,
        })),
        empty: ctx.t('ticket.list.empty'),
      },
    ],
  };
}

/** "2026-11-25 10:12 (on time)", "due 2026-11-25 11:00 (overdue)". */
function clockField(ctx: Ctx, t: Ticket, done: number | null, due: number | null, running: TicketClock | null): string {
  const when = (ms: number) => formatWallTime(ms, t.timezone);
  if (done !== null) return due === null ? when(done) : ctx.t('ticket.doneAt', { at: when(done), verdict: ctx.t(done > due ? 'ticket.late' : 'ticket.onTime') });
  if (running && running.due !== null) return `${ctx.t('ticket.dueAt', { due: dueCell(ctx, t, running) })}`;
  return due === null ? ctx.t('label.none') : ctx.t('ticket.dueAt', { due: when(due) });
}

/**
 * Message bodies may quote the buyer's name or phone (a filled template does): the known values are masked
 * like the buyer field unless --reveal. Other free text is shown as written.
 */
function bodyMasker(d: TicketDetail, reveal: boolean): (body: string) => string {
  if (reveal) return (body) => body;
  const t = d.ticket;
  const known: [string | null, (v: string | null) => string | null][] = [
    [t.customerName, maskName],
    [t.customerPhone, maskPhone],
    [t.customerEmail, maskEmail],
    [d.order?.address.name ?? null, maskName],
    [d.order?.address.phone ?? null, maskPhone],
  ];
  const pairs = known
    .filter((k): k is [string, (v: string | null) => string | null] => k[0] !== null && [...k[0].trim()].length >= 2)
    .map(([value, mask]) => [value.trim(), mask(value.trim()) ?? ''] as const)
    .sort((a, b) => b[0].length - a[0].length);
  return (body) => pairs.reduce((text, [value, masked]) => text.split(value).join(masked), body);
}

export function ticketDetailView(ctx: Ctx, d: TicketDetail, reveal: boolean): View {
  const t = d.ticket;
  const mask = bodyMasker(d, reveal);
  const when = (ms: number | null) => (ms === null ? ctx.t('label.none') : formatWallTime(ms, t.timezone));
  const buyer = buyerJson(t, reveal);
  const blocks: Block[] = [
    {
      kind: 'fields',
      fields: [
        [ctx.t('ticketCol.ticket'), t.number],
        [ctx.t('ticketCol.subject'), t.subject],
        [ctx.t('col.status'), ctx.t(`ticketStatus.${t.status}`) + (t.resolution ? ` (${ctx.t(`ticketResolution.${t.resolution}`)})` : '')],
        [ctx.t('col.shop'), t.shopName],
        [ctx.t('ticketCol.type'), ctx.t(`ticketType.${t.type}`)],
        [ctx.t('ticketCol.channel'), ctx.t(`ticketChannel.${t.channel}`)],
        [ctx.t('ticketCol.priority'), ctx.t(`ticketPriority.${t.priority}`)],
        [ctx.t('ticketCol.tags'), t.tags.length > 0 ? t.tags.join(', ') : ctx.t('label.none')],
        [ctx.t('col.buyer'), buyer ? [buyer.name, buyer.phone, buyer.email, buyer.platformBuyerId].filter(Boolean).join(' ') || ctx.t('label.none') : ctx.t('label.none')],
        [ctx.t('col.order'), t.platformOrderId ?? ctx.t('label.none')],
        [ctx.t('ticketCol.sku'), t.skuCode ?? ctx.t('label.none')],
        [ctx.t('ticketCol.opened'), when(t.openedAt)],
        [ctx.t('ticketCol.firstResponse'), clockField(ctx, t, t.firstResponseAt, t.firstResponseDue, d.clock.next === 'firstResponse' ? d.clock : null)],
        [ctx.t('ticketCol.resolution'), clockField(ctx, t, t.resolvedAt, t.resolutionDue, d.clock.next === 'resolution' ? d.clock : null)],
        ...(t.closedAt !== null ? [[ctx.t('ticketCol.closedAt'), when(t.closedAt)] as [string, string]] : []),
      ],
    },
    {
      kind: 'table',
      title: ctx.t('ticket.thread'),
      columns: [
        { key: 'time', label: ctx.t('col.time') },
        { key: 'from', label: ctx.t('ticketCol.from') },
        { key: 'template', label: ctx.t('ticketCol.template') },
        { key: 'message', label: ctx.t('ticketCol.message') },
      ],
      rows: d.messages.map((m) => ({ time: when(m.at), from: ctx.t(`ticketDirection.${m.direction}`), template: m.template, message: mask(m.body) })),
    },
  ];
  const o = d.order;
  if (o) {
    const name = reveal ? o.address.name : maskName(o.address.name);
    blocks.push({
      kind: 'fields',
      title: ctx.t('ticket.linkedOrder'),
      fields: [
        [ctx.t('col.order'), o.platformOrderId],
        [ctx.t('col.status'), ctx.t(`orderStatus.${o.status}`)],
        [ctx.t('col.placed'), when(o.placedAt)],
        [ctx.t('col.recipient'), name ?? ctx.t('label.none')],
        [ctx.t('col.items'), o.lines.map((l) => `${l.skuCode ?? l.title} × ${l.quantity}`).join(', ') || ctx.t('label.none')],
      ],
    });
    if (o.shipments.length > 0) {
      blocks.push({
        kind: 'table',
        title: ctx.t('label.shipments'),
        columns: [
          { key: 'time', label: ctx.t('col.time') },
          { key: 'carrier', label: ctx.t('col.carrier') },
          { key: 'tracking', label: ctx.t('col.tracking') },
          { key: 'link', label: ctx.t('col.link') },
        ],
        rows: o.shipments.map((s) => ({ time: when(s.shippedAt), carrier: s.carrier, tracking: s.trackingNumber, link: trackingUrl(s.carrier, s.trackingNumber) })),
      });
    }
  }
  return {
    json: () => ({
      ticket: {
        ...ticketJson(t, d.clock, reveal),
        messages: d.messages.map((m) => ({ at: iso(m.at), direction: m.direction, body: mask(m.body), template: m.template })),
        linkedOrder: o ? orderJson(o, reveal) : null,
      },
    }),
    blocks,
  };
}

/** `ticket reply`: only the text on stdout (ready to paste), or the recorded message as JSON. */
export function replyView(r: ReplyResult): View {
  return {
    json: { reply: { ticket: r.ticket.number, status: r.ticket.status, template: r.template, lang: r.lang, at: iso(r.message.at), text: r.text } },
    blocks: [{ kind: 'text', text: r.text }],
  };
}

export function templatesView(ctx: Ctx, templates: ReplyTemplate[]): View {
  return {
    json: { templates: templates.map((t) => ({ name: t.name, lang: t.lang, source: t.source, path: t.path })) },
    blocks: [
      {
        kind: 'table',
        columns: [
          { key: 'name', label: ctx.t('col.name') },
          { key: 'lang', label: ctx.t('ticketCol.language') },
          { key: 'source', label: ctx.t('ticketCol.source') },
          { key: 'path', label: ctx.t('col.path') },
        ],
        rows: templates.map((t) => ({ name: t.name, lang: t.lang, source: ctx.t(`replySource.${t.source}`), path: t.path })),
        empty: ctx.t('ticket.templates.empty'),
      },
    ],
  };
}

const DAY_CODES = ['', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function slaJson(s: ShopSla) {
  return {
    shop: s.shop.name,
    timezone: s.shop.timezone,
    targets: Object.fromEntries(TICKET_TYPES.map((type) => [type, s.targets[type]])),
    hours: {
      source: s.hoursSource,
      week: [1, 2, 3, 4, 5, 6, 7].map((d) => ({ day: DAY_CODES[d], intervals: (s.schedule.week[d] ?? []).map((iv) => ({ opens: toHhmm(iv.opens), closes: toHhmm(iv.closes) })) })),
    },
    holidays: s.holidays.map((h) => ({ date: h.date, name: h.name, scope: h.shopId === null ? 'all-shops' : 'shop' })),
  };
}

/** Targets, weekly hours and holidays in force for each shop, and where each comes from. */
export function slaView(ctx: Ctx, slas: ShopSla[]): View {
  return {
    json: { sla: slas.map(slaJson) },
    blocks: () =>
      slas.flatMap((s): Block[] => [
        {
          kind: 'table',
          title: ctx.t('ticket.targetsTitle', { shop: s.shop.name }),
          columns: [
            { key: 'type', label: ctx.t('ticketCol.type') },
            { key: 'first', label: ctx.t('ticketCol.firstResponseTarget'), align: 'right' },
            { key: 'resolution', label: ctx.t('ticketCol.resolutionTarget'), align: 'right' },
            { key: 'source', label: ctx.t('ticketCol.source') },
          ],
          rows: TICKET_TYPES.map((type) => ({
            type: ctx.t(`ticketType.${type}`),
            first: formatMinutes(ctx, s.targets[type].firstResponseMinutes),
            resolution: formatMinutes(ctx, s.targets[type].resolutionMinutes),
            source: ctx.t(`slaSource.${s.targets[type].source}`),
          })),
        },
        {
          kind: 'table',
          title: ctx.t('ticket.hoursTitle', { shop: s.shop.name, zone: s.shop.timezone, source: ctx.t(`slaSource.${s.hoursSource}`) }),
          columns: [
            { key: 'day', label: ctx.t('ticketCol.weekday') },
            { key: 'hours', label: ctx.t('ticketCol.hours') },
          ],
          rows: [1, 2, 3, 4, 5, 6, 7].map((d) => {
            const intervals = s.schedule.week[d] ?? [];
            return {
              day: ctx.t(`ticketWeekday.${d as 1}`),
              hours: intervals.length > 0 ? intervals.map((iv) => `${toHhmm(iv.opens)}–${toHhmm(iv.closes)}`).join(', ') : ctx.t('ticket.closedDay'),
            };
          }),
        },
        holidayTable(ctx, s.holidays, (h) => (h.shopId === null ? ctx.t('ticket.allShops') : s.shop.name)),
      ]),
  };
}

function holidayTable(ctx: Ctx, rows: HolidayRow[], scope: (h: HolidayRow) => string): Block {
  return {
    kind: 'table',
    title: ctx.t('ticket.holidaysTitle'),
    columns: [
      { key: 'date', label: ctx.t('ticketCol.date') },
      { key: 'name', label: ctx.t('col.name') },
      { key: 'scope', label: ctx.t('ticketCol.scope') },
    ],
    rows: rows.map((h) => ({ date: h.date, name: h.name, scope: scope(h) })),
    empty: ctx.t('ticket.holidays.empty'),
  };
}

export function holidaysView(ctx: Ctx, rows: HolidayRow[], shopName: (id: number) => string): View {
  return {
    json: { holidays: rows.map((h) => ({ date: h.date, name: h.name, shop: h.shopId === null ? null : shopName(h.shopId) })) },
    blocks: [holidayTable(ctx, rows, (h) => (h.shopId === null ? ctx.t('ticket.allShops') : shopName(h.shopId)))],
  };
}
