import type { Db } from '../../db/open.js';
import { productById, skuById } from '../../db/queries/catalog.js';
import type { Lang } from '../../i18n/index.js';
import { findCarrier, trackingUrl } from '../fulfilment/carriers.js';
import { CHINESE_PLATFORMS } from '../shops/types.js';
import { renderReply, type ReplyValues } from './replies.js';
import { findTicket, getTicket, recordReply, type Ticket, type TicketMessage } from './tickets.js';

/** Every variable a reply template may use (docs/tickets.md); a value is null when this ticket has none. */
export const REPLY_VARIABLES = [
  'ticket_number',
  'subject',
  'shop_name',
  'buyer_name',
  'order_number',
  'items',
  'carrier',
  'tracking_number',
  'tracking_link',
  'sku',
  'product',
] as const;

/** The language buyers of this shop read: Chinese on the Chinese platforms, English elsewhere. */
export function buyerLang(platform: string): Lang {
  return (CHINESE_PLATFORMS as readonly string[]).includes(platform) ? 'zh-CN' : 'en';
}

const variantText = (variant: Record<string, string>) => Object.values(variant).filter(Boolean).join(' / ');

/**
 * The values of a ticket's reply variables, from the ticket, its customer, its order (lines and the latest
 * shipment) and its SKU (else the order's only SKU).
 */
export function replyValues(db: Db, ticket: Ticket, lang: Lang, now: number): ReplyValues {
  const { order } = getTicket(db, `id:${ticket.id}`, now);
  const shipment = order && order.shipments.length > 0 ? order.shipments[order.shipments.length - 1]! : null;
  const carrier = shipment ? findCarrier(shipment.carrier) : undefined;
  const itemSeparator = lang === 'zh-CN' ? '、' : ', ';
  const items = order && order.lines.length > 0 ? order.lines.map((l) => `${[l.title, l.variant].filter(Boolean).join(' ')} × ${l.quantity}`).join(itemSeparator) : null;
  let skuCode: string | null = ticket.skuCode;
  let product: string | null = null;
  const sku = ticket.skuId !== null ? skuById(db, ticket.skuId) : undefined;
  if (sku) {
    const p = productById(db, sku.productId);
    product = [p?.title, variantText(sku.variant)].filter(Boolean).join(' ') || null;
  } else if (order) {
    const skus = [...new Set(order.lines.map((l) => l.skuCode).filter((c): c is string => c !== null))];
    if (skus.length === 1) {
      const line = order.lines.find((l) => l.skuCode === skus[0])!;
      skuCode = skus[0]!;
      product = [line.title, line.variant].filter(Boolean).join(' ');
    }
  }
  return {
    ticket_number: ticket.number,
    subject: ticket.subject,
    shop_name: ticket.shopName,
    buyer_name: ticket.customerName ?? order?.address.name ?? null,
    order_number: ticket.platformOrderId,
    items,
    carrier: carrier ? (lang === 'zh-CN' ? carrier.nameZh : carrier.name) : (shipment?.carrier ?? null),
    tracking_number: shipment?.trackingNumber ?? null,
    tracking_link: shipment ? trackingUrl(shipment.carrier, shipment.trackingNumber) : null,
    sku: skuCode,
    product,
  };
}

export interface ReplyRequest {
  ref: string;
  template?: string;
  message?: string;
  /** The language of the reply (default: the shop's buyers'). */
  lang?: Lang;
  /** Where the seller's own templates live (<database directory>/replies), or null. */
  ownDir: string | null;
  pending?: boolean;
  at?: string;
}

export interface ReplyResult {
  ticket: Ticket;
  message: TicketMessage;
  text: string;
  template: string | null;
  lang: Lang | null;
}

/**
 * Replies to a ticket with a typed message or a filled template, and records it in the thread as outbound
 * (with the template's name). The template is rendered first, so a bad variable (exit 2) writes nothing.
 */
export async function replyToTicket(db: Db, req: ReplyRequest, now: number): Promise<ReplyResult> {
  let text = req.message ?? '';
  let lang: Lang | null = null;
  if (req.template !== undefined) {
    const ticket = findTicket(db, req.ref);
    lang = req.lang ?? buyerLang(ticket.platform);
    const rendered = await renderReply(req.template.trim(), lang, replyValues(db, ticket, lang, now), req.ownDir);
    text = rendered.text;
    lang = rendered.template.lang;
  }
  const { ticket, message } = recordReply(db, { ref: req.ref, body: text, template: req.template?.trim() ?? null, at: req.at, pending: req.pending }, now);
  return { ticket, message, text: message.body, template: message.template, lang };
}
