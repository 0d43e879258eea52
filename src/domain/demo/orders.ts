import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import { findSku } from '../catalog/lookup.js';
import { listProducts } from '../catalog/products.js';
import { receiveStock } from '../inventory/stock.js';
import { addOrder } from '../orders/create.js';
import { findOrder, getOrder } from '../orders/find.js';
import { shipOrder } from '../orders/ship.js';
import { cancelOrder, completeOrder, deliverOrder, holdOrder, markPacked, payOrder, startPicking } from '../orders/transitions.js';
import { dayOf, periodDays } from '../reports/period.js';
import { formatInstant, wallTimeToInstant } from '../time.js';
import { DEMO_PRODUCTS, DEMO_SHOPS } from './catalogue.js';
import { chineseBuyer, usBuyer, type DemoBuyer } from './people.js';
import type { Random } from './random.js';

export interface TimedStep {
  at: number;
  apply: (at: number) => void;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface PlanSku {
  code: string;
  price: number;
  currency: string;
  /** No order for it from this instant on (DemoProduct.salesEndedDaysAgo). */
  salesEnd?: number;
}

interface ShopPlan {
  name: string;
  zone: string;
  perDay: number;
  skus: PlanSku[];
  buyer: (random: Random, n: number) => DemoBuyer;
  number: (n: number, at: number) => string;
  carriers: { code: string; tracking: (random: Random) => string }[];
  /** Prices of CNY-priced SKUs in this shop's currency, when it differs. */
  price?: (cny: number) => string;
  notes: string[];
}

const digits = (random: Random, n: number) => Array.from({ length: n }, () => random.int(0, 9)).join('');
const CN_CARRIERS = [
  { code: 'SF', tracking: (r: Random) => `SF${digits(r, 13)}` },
  { code: 'ZTO', tracking: (r: Random) => `7${digits(r, 13)}` },
  { code: 'YTO', tracking: (r: Random) => `YT${digits(r, 13)}` },
  { code: 'YUNDA', tracking: (r: Random) => `43${digits(r, 11)}` },
  { code: 'JT', tracking: (r: Random) => `JT${digits(r, 13)}` },
];
const US_CARRIERS = [
  { code: 'USPS', tracking: (r: Random) => `9400${digits(r, 18)}` },
  { code: 'UPS', tracking: (r: Random) => `1Z${digits(r, 16)}` },
];

/**
 * Plans ~90 days of orders for the demo shops as timed steps (placed, paid, picked, packed, shipped, delivered,
 * completed; some cancelled, held, partly shipped or still unpaid), to be applied in time order with the stock
 * history so the ledger reads right.
 */
export function planDemoOrders(db: Db, random: Random, start: number, now: number): TimedStep[] {
  const products = listProducts(db, {});
  const salesEnd = new Map(DEMO_PRODUCTS.filter((p) => p.salesEndedDaysAgo !== undefined).map((p) => [p.title, now - p.salesEndedDaysAgo! * DAY]));
  const skusOf = (list: typeof products): PlanSku[] =>
    list.flatMap((p) => p.skus.map((s) => ({ code: s.code, price: s.price, currency: s.currency, salesEnd: salesEnd.get(p.title) })));
  const chinese = skusOf(products.filter((p) => /[\u4e00-\u9fff]/.test(p.title)));
  const english = skusOf(products.filter((p) => !/[\u4e00-\u9fff]/.test(p.title)));
  const [taobao, shopify, pdd] = DEMO_SHOPS;
  const plans: ShopPlan[] = [
    {
      name: taobao.name, zone: taobao.timezone, perDay: 9, skus: chinese, buyer: chineseBuyer, carriers: CN_CARRIERS,
      number: (n) => `30${String(1_234_567_890_123_456 + n * 7_919).padStart(17, '0')}`,
      notes: ['请发顺丰，谢谢', '送人的，帮忙包装好一点', '不要放发票', '周末在家，工作日请放快递柜'],
    },
    {
      name: shopify.name, zone: shopify.timezone, perDay: 4, skus: [...english, ...chinese.slice(0, 6)], buyer: usBuyer, carriers: US_CARRIERS,
      number: (n) => `#${1001 + n}`,
      price: (cny) => `${Math.max(1, Math.round(cny / 700))}.99`,
      notes: ['Please gift wrap', 'Leave at the back door', 'It is a birthday present!'],
    },
    {
      name: pdd.name, zone: pdd.timezone, perDay: 6, skus: chinese.filter((_, i) => i % 2 === 0), buyer: chineseBuyer, carriers: CN_CARRIERS,
      number: (n, at) => `${formatInstant(at, pdd.timezone).slice(2, 10).replace(/-/g, '')}-${String(483_000_000_000_000 + n * 104_729).padStart(15, '0')}`,
      notes: ['快点发货', '包装要结实'],
    },
  ];
  const steps: TimedStep[] = [];
  let serial = 0;
  for (const plan of plans) {
    const buyers: DemoBuyer[] = [];
    const placedOrders: { buyer: DemoBuyer; ref: string; placed: number }[] = [];
    // Calendar days, not 24-hour steps (those land twice on one day where a clock change falls back near midnight).
    const days = periodDays({ fromDay: dayOf(start, plan.zone), toDay: dayOf(now, plan.zone) }).slice(0, 90);
    for (const [day, text] of days.entries()) {
      const date = text.split('-').map(Number) as [number, number, number];
      const weekend = new Date(Date.UTC(...(date.map((v, i) => (i === 1 ? v - 1 : v)) as [number, number, number]))).getUTCDay() % 6 === 0;
      const count = Math.max(0, Math.round(plan.perDay * (weekend ? 1.3 : 1) * (0.7 + day / 150) + random.int(-2, 2)));
      for (let i = 0; i < count; i++) {
        const hour = random.pick([9, 10, 11, 13, 14, 15, 16, 19, 20, 20, 21, 21, 22, 23]);
        const placed = wallTimeToInstant(plan.zone, date[0], date[1], date[2], hour, random.int(0, 59), random.int(0, 59));
        if (placed >= now) continue;
        const repeat = buyers.length > 5 && random.chance(0.35);
        const buyer = repeat ? random.pick(buyers) : plan.buyer(random, serial);
        if (!repeat) buyers.push(buyer);
        placedOrders.push({ buyer, ref: plan.number(serial++, placed), placed });
      }
    }
    // The newest two of each shop are still waiting for payment, whatever the time of day.
    placedOrders.forEach((o, i) => steps.push(...orderSteps(db, plan, random, o.buyer, o.ref, o.placed, now, i >= placedOrders.length - 2)));
  }
  return steps;
}

function orderSteps(db: Db, plan: ShopPlan, random: Random, buyer: DemoBuyer, ref: string, placed: number, now: number, unpaid: boolean): TimedStep[] {
  const lineCount = random.chance(0.25) ? 2 : 1;
  const forSale = plan.skus.filter((s) => s.salesEnd === undefined || placed < s.salesEnd);
  const items = Array.from({ length: lineCount }, () => {
    const sku = random.pick(forSale);
    return { sku: sku.code, quantity: random.chance(0.15) ? random.int(2, 3) : 1, ...(plan.price && sku.currency === 'CNY' && { unitPrice: plan.price(sku.price) }) };
  }).filter((item, i, all) => all.findIndex((x) => x.sku === item.sku) === i);
  const t = { ref, shop: plan.name };
  const steps: TimedStep[] = [];
  const at = (offset: number, apply: (time: number) => void) => {
    if (placed + offset < now) steps.push({ at: placed + offset, apply });
    return placed + offset < now;
  };
  at(0, (time) =>
    addOrder(db, {
      shop: plan.name, platformOrderId: ref, buyer: { buyerId: buyer.buyerId, name: buyer.name, phone: buyer.phone, email: buyer.email },
      address: buyer.address, items, buyerNote: random.chance(0.1) ? random.pick(plan.notes) : undefined, shipping: plan.price ? '4.99' : undefined, placedAt: time,
    }, time),
  );
  if (random.chance(0.02)) {
    at(45 * MINUTE, (time) => cancelOrder(db, t, 'unpaid: closed by the platform', time));
    return steps;
  }
  if (unpaid) return steps;
  if (!at(random.int(1, 25) * MINUTE, (time) => payWithRestock(db, t, time))) return steps;
  if (random.chance(0.025)) {
    at(3 * HOUR, (time) => cancelOrder(db, t, 'buyer asked to cancel', time));
    return steps;
  }
  const pick = (offset: number) => at(offset, (time) => writeTransaction(db, () => startPicking(db, findOrder(db, ref, plan.name), time)));
  const pack = (offset: number) => at(offset, (time) => writeTransaction(db, () => markPacked(db, findOrder(db, ref, plan.name), time)));
  const shipAt = random.int(4, 40) * HOUR;
  if (placed + shipAt >= now) {
    // Still in today's queue: some held, some on the pick list, some packed and waiting for the courier.
    const roll = random.next();
    if (roll < 0.2) at(HOUR, (time) => holdOrder(db, t, random.pick(['buyer asked to change the address', 'waiting for the buyer to confirm the colour']), time));
    else if (roll < 0.45) pick(2 * HOUR);
    else if (roll < 0.7) pick(2 * HOUR) && pack(3 * HOUR);
    return steps;
  }
  if (random.chance(0.6)) {
    pick(shipAt - 2 * HOUR);
    pack(shipAt - HOUR);
  }
  const carrier = random.pick(plan.carriers);
  const partial = items.length > 1 && random.chance(0.3);
  const first = partial ? [{ sku: items[0]!.sku, quantity: items[0]!.quantity }] : undefined;
  if (!at(shipAt, (time) => shipOrder(db, { ...t, carrier: carrier.code, tracking: carrier.tracking(random), items: first }, time))) return steps;
  const restAt = shipAt + random.int(2, 6) * DAY;
  if (partial && !at(restAt, (time) => shipOrder(db, { ...t, carrier: carrier.code, tracking: carrier.tracking(random) }, time))) return steps;
  const deliveredAt = (partial ? restAt : shipAt) + random.int(2, 5) * DAY;
  if (!at(deliveredAt, (time) => deliverOrder(db, t, time))) return steps;
  at(deliveredAt + random.int(6, 10) * DAY, (time) => completeOrder(db, t, time));
  return steps;
}

/** A seller restocks before a sell-out: when an order would oversell, goods arrive just before it is paid. */
function payWithRestock(db: Db, t: { ref: string; shop: string }, at: number): void {
  const need = new Map<string, number>();
  for (const line of getOrder(db, t.ref, t.shop).lines) if (line.skuCode) need.set(line.skuCode, (need.get(line.skuCode) ?? 0) + line.quantity);
  for (const [code, quantity] of need) {
    const sku = findSku(db, code);
    const short = quantity - (sku.onHand - sku.reserved);
    if (short > 0) receiveStock(db, { sku: code, quantity: short + 30, reference: `PO-restock-${code}` }, at);
  }
  payOrder(db, t, {}, at);
}
