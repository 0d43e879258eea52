import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import { linkListing } from '../catalog/links.js';
import { addProduct, setProductStatus } from '../catalog/products.js';
import { addSku } from '../catalog/skus.js';
import { findSku } from '../catalog/lookup.js';
import { adjustStock, countStock, receiveStock } from '../inventory/stock.js';
import { addShop } from '../shops/shops.js';
import { DEMO_PRODUCTS, DEMO_SHOPS, type DemoProduct } from './catalogue.js';
import { planDemoOrders, type TimedStep } from './orders.js';
import { seeded, type Random } from './random.js';
import { planDemoService } from './service.js';
import { planDemoTrafficAds } from './traffic.js';

const DAY = 86_400_000;
const HISTORY_DAYS = 90;

const variantCode = (base: string, value: string, index: number) => {
  const ascii = value.toUpperCase().replace(/[^A-Z0-9]+/g, '');
  return `${base}-${ascii || String(index + 1)}`;
};

/** Fills an empty database with a realistic seller, in one transaction, the same on every run for the same `now`. */
export function seedDemo(db: Db, now: number): void {
  const random = seeded(20261125);
  const start = now - HISTORY_DAYS * DAY;
  writeTransaction(db, () => {
    for (const shop of DEMO_SHOPS) addShop(db, { ...shop }, start - DAY);
    const codes = DEMO_PRODUCTS.flatMap((p, i) => addDemoProduct(db, p, i, random, start - DAY));
    const steps = codes.flatMap((code, i) => stockHistory(db, code, i, random, start, now));
    steps.push(...planDemoOrders(db, random, start, now));
    // Applied in time order, so every movement's on-hand-after reads as the seller lived it.
    for (const step of steps.sort((a, b) => a.at - b.at)) step.apply(step.at);
    setProductStatus(db, 'OLD-POT', 'archived', now - 10 * DAY);
    for (const step of planDemoService(db, random, now).sort((a, b) => a.at - b.at)) step.apply(step.at);
    planDemoTrafficAds(db, seeded(20261126), start, now);
  });
}

function addDemoProduct(db: Db, p: DemoProduct, index: number, random: Random, at: number): string[] {
  const values = p.variants?.values ?? [''];
  const codes = values.map((v, i) => (v === '' ? p.code : variantCode(p.code, v, i)));
  const chinese = /[\u4e00-\u9fff]/.test(p.title);
  // Bought in and sold abroad: priced and costed in dollars, so the Shopify shop's margins are known.
  const money = chinese ? (cny: number) => String(cny) : (cny: number) => (cny / 7).toFixed(2);
  const sku = (i: number) => ({
    code: codes[i]!,
    ...(!chinese && { currency: 'USD' }),
    price: money(p.price + i * Math.round(p.price * 0.4)),
    cost: money(p.cost + i * Math.round(p.cost * 0.4)),
    weight: String(p.weight),
    variant: p.variants ? { [p.variants.axis]: values[i]! } : {},
    lowStockThreshold: String(random.int(3, 10)),
    reorderPoint: String(random.int(8, 20)),
    leadTimeDays: String(random.int(3, 21)),
    location: `${'ABCD'[index % 4]}-${String((index % 12) + 1).padStart(2, '0')}`,
    barcode: `69${String(20261125000 + index * 10 + 1).padStart(11, '0')}`,
  });
  addProduct(db, { title: p.title, category: p.category, brand: p.brand, attributes: p.attributes, sku: sku(0) }, at);
  for (let i = 1; i < codes.length; i++) addSku(db, p.code === codes[0] ? p.code : codes[0]!, sku(i), at);
  linkListing(db, { sku: codes[0]!, shop: chinese ? DEMO_SHOPS[0].name : DEMO_SHOPS[1].name, listingId: String(650000000000 + index * 7919) }, at);
  if (chinese && index % 3 === 0) linkListing(db, { sku: codes[0]!, shop: DEMO_SHOPS[2].name, listingId: String(330000000 + index * 31) }, at);
  return codes;
}

/** Receipts every few weeks, a breakage now and then, a stocktake a month ago; a few SKUs left low on purpose. */
function stockHistory(db: Db, code: string, index: number, random: Random, start: number, now: number): TimedStep[] {
  const low = index % 9 === 4;
  const events: TimedStep[] = [];
  let at = start + random.int(0, 5) * DAY + random.int(9, 17) * 3_600_000;
  const first = low ? random.int(2, 4) : random.int(20, 80);
  events.push({ at, apply: (t) => receiveStock(db, { sku: code, quantity: first, reference: `PO-${1000 + index}` }, t) });
  while (!low && (at += random.int(18, 35) * DAY) < now - 5 * DAY) {
    const quantity = random.int(10, 40);
    const reference = `PO-${2000 + index}-${events.length}`;
    events.push({ at, apply: (t) => receiveStock(db, { sku: code, quantity, reference }, t) });
  }
  if (!low && random.chance(0.3)) {
    const change = -random.int(1, 2);
    const reason = random.pick(['damaged in transit', 'packaging crushed', 'sample for customer']);
    const apply = (t: number) => {
      const sku = findSku(db, code);
      if (sku.onHand - sku.reserved >= -change) adjustStock(db, { sku: code, change, reason }, t);
    };
    events.push({ at: now - random.int(20, 40) * DAY, apply });
  }
  if (index % 4 === 0) {
    const drift = random.int(-2, 1);
    const apply = (t: number) => {
      const sku = findSku(db, code);
      countStock(db, { sku: code, counted: Math.max(sku.reserved, sku.onHand + drift), note: 'monthly stocktake' }, t);
    };
    events.push({ at: now - 30 * DAY, apply });
  }
  return events;
}
