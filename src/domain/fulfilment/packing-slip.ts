import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import { linesOf } from '../../db/queries/orders.js';
import type { Lang } from '../../i18n/index.js';
import { markPacked } from '../orders/transitions.js';
import type { Address, Order, OrderStatus } from '../orders/types.js';
import { maskPhone } from '../privacy.js';
import { formatInstant, formatWallTime } from '../time.js';
import { selectOrders, type OrderSelection } from './pick-list.js';
import { displayWidth, padEnd, padStart, type RenderTemplate, type TemplateFormat } from './render-template.js';

export interface SlipLine {
  sku: string | null;
  title: string;
  variant: string | null;
  quantity: number;
}

export interface PackingSlip {
  id: number;
  order: string;
  shop: string;
  status: OrderStatus;
  placedAt: number;
  timezone: string;
  recipient: { name: string | null; phone: string | null };
  address: Omit<Address, 'name' | 'phone'>;
  lines: SlipLine[];
  buyerNote: string | null;
}

export interface PackResult {
  slips: PackingSlip[];
  /** How many orders became packed (a reprint of a packed order changes nothing). */
  marked: number;
}

/**
 * A packing slip per selected order (paid, picking or packed; `all` = every paid or picking one): the units
 * still to ship, as the buyer ordered them. With `mark`, every order becomes packed in one transaction;
 * one refused and none is.
 */
export function packOrders(db: Db, selection: OrderSelection, options: { mark: boolean }, now: number): PackResult {
  const work = () => {
    const orders = selectOrders(db, selection);
    let marked = 0;
    if (options.mark) {
      for (const order of orders) {
        if (order.status === 'packed') continue;
        markPacked(db, order, now);
        marked++;
      }
    }
    return { slips: orders.map((o) => slipOf(db, o)), marked };
  };
  return options.mark ? writeTransaction(db, work) : db.transaction(work).deferred();
}

function slipOf(db: Db, order: Order): PackingSlip {
  const { name, phone, ...address } = order.address;
  return {
    id: order.id,
    order: order.platformOrderId,
    shop: order.shopName,
    status: order.status,
    placedAt: order.placedAt,
    timezone: order.timezone,
    recipient: { name, phone },
    address,
    lines: linesOf(db, order.id)
      .filter((l) => !l.cancelled && l.quantity > l.shipped)
      .map((l) => ({ sku: l.skuCode, title: l.title, variant: l.variant, quantity: l.quantity - l.shipped })),
    buyerNote: order.buyerNote,
  };
}

const phoneOf = (slip: PackingSlip, reveal: boolean) => (reveal ? slip.recipient.phone : maskPhone(slip.recipient.phone));

/** The JSON contract: `{ packingSlips: [...] }`, English keys; the phone masked unless revealed. */
export function packingSlipsJson(slips: PackingSlip[], options: { reveal: boolean }): unknown {
  return {
    packingSlips: slips.map((s) => ({
      id: s.id,
      order: s.order,
      shop: s.shop,
      status: s.status,
      placedAt: formatInstant(s.placedAt, s.timezone),
      recipient: { name: s.recipient.name, phone: phoneOf(s, options.reveal) },
      address: s.address,
      lines: s.lines,
      buyerNote: s.buyerNote,
    })),
  };
}

const CJK = /[\u3400-\u9fff]/u;
/** A Chinese address inside China needs no country line. */
const DOMESTIC = /^(cn|chn|china|中国|中华人民共和国)?$/i;

/**
 * The address as it is written on a parcel: Chinese addresses run province → street in one line
 * (浙江省杭州市西湖区龙井路1号); others put the street first, then city, region and postcode.
 */
export function addressLines(a: PackingSlip['address']): string[] {
  const has = (v: string | null): v is string => v !== null && v !== '';
  const region = [a.province, a.city, a.district, a.street].filter(has);
  if (CJK.test(region.join(''))) return [region.join(''), a.postcode, DOMESTIC.test(a.country ?? '') ? null : a.country].filter(has);
  const cityLine = [[a.district, a.city].filter(has).join(', '), [a.province, a.postcode].filter(has).join(' ')].filter((v) => v !== '').join(', ');
  return [a.street, cityLine, a.country].filter(has);
}

/** What the packing-slip template sees for one slip. */
export function packingSlipData(slip: PackingSlip, options: { reveal: boolean }) {
  const skus = slip.lines.map((l) => l.sku ?? '—');
  const skuWidth = Math.max(0, ...skus.map(displayWidth));
  const quantityWidth = Math.max(0, ...slip.lines.map((l) => String(l.quantity).length));
  return {
    shop: slip.shop,
    order: slip.order,
    placed: formatWallTime(slip.placedAt, slip.timezone),
    recipient: slip.recipient.name ?? '—',
    phone: phoneOf(slip, options.reveal),
    addressLines: addressLines(slip.address),
    lines: slip.lines.map((l, n) => ({
      ...l,
      skuText: skus[n]!,
      skuPad: padEnd(skus[n]!, skuWidth),
      quantityPad: padStart(String(l.quantity), quantityWidth),
    })),
    units: slip.lines.reduce((sum, l) => sum + l.quantity, 0),
    buyerNote: slip.buyerNote,
  };
}

/**
 * All slips as one document: text slips separated by a form feed (a new page on a printer), Markdown by a
 * rule, HTML as one file whose slips each start a new printed page.
 */
export function renderPackingSlips(render: RenderTemplate, slips: PackingSlip[], lang: Lang, format: TemplateFormat, options: { reveal: boolean }): string {
  const data = slips.map((s) => packingSlipData(s, options));
  if (format === 'html') return render('packing-slip', lang, 'html', { slips: data });
  const pages = data.map((d) => render('packing-slip', lang, format, d));
  return pages.join(format === 'txt' ? '\f' : '\n---\n\n');
}
