// Builds the orders benchmark database: a tea and teaware seller on Taobao (CNY) and Shopify (USD) with
// 300,000 orders over a year, on the morning of 12 November after a Singles' Day rush, so that the shipping
// queue holds about 12,000 paid/picking/packed orders. Schema, shops and catalogue come from the real binary
// (init, shop add, product import); customers, orders, lines, shipments, events and the stock ledger are
// bulk-inserted with better-sqlite3 in one transaction, keeping every CHECK and the invariants `db check`
// verifies (on-hand = sum of movements, reserved = sum over order lines). Deterministic (seeded PRNG).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Bump when the generated data changes shape, so a cached database is rebuilt. */
export const GENERATOR_VERSION = 1;

/** "Now" for the whole benchmark: 10:00 in Shanghai on 12 November, the morning after Singles' Day. */
export const NOW = Date.parse('2026-11-12T02:00:00Z');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const RUSH_START = Date.parse('2026-11-09T16:00:00Z'); // 10 Nov 00:00 Asia/Shanghai
const HISTORY_START = NOW - 365 * DAY;

/** A small, fast, seeded PRNG (mulberry32), so every machine builds the same database. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const digits = (n) => {
    let s = String(int(1, 9));
    while (s.length < n) s += String(Math.floor(next() * 10));
    return s;
  };
  return { next, int, pick, digits };
}

// ---------------------------------------------------------------------------------------------- catalogue

const TEAS = [
  ['西湖龙井', '绿茶', 368], ['碧螺春', '绿茶', 198], ['黄山毛峰', '绿茶', 158], ['安吉白茶', '绿茶', 268], ['信阳毛尖', '绿茶', 138],
  ['太平猴魁', '绿茶', 328], ['六安瓜片', '绿茶', 218], ['正山小种', '红茶', 188], ['金骏眉', '红茶', 428], ['滇红 古树', '红茶', 168],
  ['祁门红茶', '红茶', 178], ['英德红茶', '红茶', 128], ['铁观音', '乌龙茶', 218], ['大红袍', '乌龙茶', 298], ['凤凰单丛', '乌龙茶', 258],
  ['东方美人', '乌龙茶', 338], ['冻顶乌龙', '乌龙茶', 238], ['普洱熟茶', '普洱', 238], ['普洱生茶', '普洱', 268], ['白毫银针', '白茶', 388],
  ['白牡丹', '白茶', 228], ['寿眉', '白茶', 158], ['茉莉花茶', '花茶', 98], ['桂花乌龙', '花茶', 118], ['六堡茶', '黑茶', 198],
];
const GRADES = ['特级', '一级', '明前', '古树', '高山'];
const TEAWARE = [
  ['Celadon gaiwan', 'Teaware', 168, 'colour', ['celadon', 'white', 'ink', 'sky']],
  ['Yixing clay teapot', 'Teaware', 588, 'clay', ['zhuni', 'zini', 'duanni']],
  ['Glass tea pitcher', 'Teaware', 68, 'size', ['300ml', '500ml']],
  ['Bamboo tea tray', 'Teaware', 238, 'size', ['S', 'M', 'L']],
  ['Tea cups, set of 6', 'Teaware', 128, 'colour', ['blue', 'white', 'green', 'black']],
  ['Tea caddy tin', 'Storage', 58, 'colour', ['red', 'black', 'green', 'gold']],
  ['Travel tea set', 'Teaware', 198, 'colour', ['grey', 'white']],
  ['Linen tea towel', 'Accessories', 38, 'colour', ['natural', 'indigo', 'rust']],
  ['Cold brew bottle', 'Teaware', 88, 'size', ['500ml', '1L']],
  ['Tea table runner', 'Home', 88, 'length', ['150cm', '200cm', '250cm']],
];

/** About 300 SKUs: 100 teas in four pack sizes, 10 teaware pieces in two to four variants. */
export function productCsv() {
  const rows = ['handle,title,category,brand,sku,variant,price,cost,weight_g,low_stock_threshold,location'];
  let n = 0;
  for (const [gi, grade] of GRADES.entries()) {
    for (const [ti, [name, category, base]] of TEAS.entries()) {
      if ((gi + ti) % 5 === 4) continue; // not every grade of every tea
      const handle = `tea-${ti}-${gi}`;
      for (const [si, size] of ['50g', '125g', '250g', '500g'].entries()) {
        const price = Math.round(base * [0.3, 0.55, 1, 1.9][si] * (1 + gi * 0.12));
        rows.push(`${handle},${name} ${grade},${category},山间,T${ti}-${gi}-${size.toUpperCase()},规格=${size},${price}.00,${Math.round(price * 0.45)}.00,${parseInt(size, 10) + 80},10,A-${String(++n).padStart(3, '0')}`);
      }
    }
  }
  for (const [wi, [title, category, price, axis, values]] of TEAWARE.entries()) {
    for (const value of values) {
      rows.push(`ware-${wi},"${title}",${category},Mountain,W${wi}-${value.toUpperCase().replace(/[^A-Z0-9]/g, '')},${axis}=${value},${price}.00,${Math.round(price * 0.4)}.00,400,5,B-${String(++n).padStart(3, '0')}`);
    }
  }
  return rows.join('\n');
}

// --------------------------------------------------------------------------------------------- people

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红鹏辉建华飞鑫波宇浩凯健俊帆帅旭宁文琳晨欣怡子涵梓轩雨'.split('');
const PLACES = [
  ['浙江省', '杭州市', ['西湖区', '上城区', '拱墅区', '滨江区', '余杭区'], '310000'],
  ['江苏省', '苏州市', ['姑苏区', '吴中区', '工业园区'], '215000'],
  ['上海市', '上海市', ['浦东新区', '徐汇区', '静安区', '长宁区', '闵行区'], '200000'],
  ['北京市', '北京市', ['朝阳区', '海淀区', '东城区', '西城区', '丰台区'], '100000'],
  ['广东省', '广州市', ['天河区', '越秀区', '海珠区', '番禺区'], '510000'],
  ['广东省', '深圳市', ['南山区', '福田区', '罗湖区', '宝安区'], '518000'],
  ['四川省', '成都市', ['锦江区', '武侯区', '青羊区', '高新区'], '610000'],
  ['湖北省', '武汉市', ['江汉区', '武昌区', '洪山区'], '430000'],
  ['福建省', '厦门市', ['思明区', '湖里区'], '361000'],
  ['山东省', '青岛市', ['市南区', '崂山区'], '266000'],
  ['陕西省', '西安市', ['雁塔区', '碑林区'], '710000'],
  ['云南省', '昆明市', ['五华区', '盘龙区'], '650000'],
];
const ROADS = ['文一西路', '延安路', '人民路', '中山路', '解放路', '建设路', '学院路', '长江路', '和平路', '东风路'];
const FIRST = ['James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'David', 'Emily', 'Daniel', 'Sarah', 'Chris', 'Olivia', 'Wei', 'Mei'];
const LAST = ['Smith', 'Johnson', 'Brown', 'Garcia', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Lee', 'Chen', 'Wong', 'Martin', 'Clark', 'Lewis', 'Walker'];
const STATES = [['CA', 'San Francisco', '941'], ['NY', 'New York', '100'], ['WA', 'Seattle', '981'], ['TX', 'Austin', '787'], ['MA', 'Boston', '021'], ['IL', 'Chicago', '606'], ['OR', 'Portland', '972']];
const STREETS = ['Oak St', 'Maple Ave', 'Pine St', 'Cedar Rd', 'Elm St', 'Market St', 'Broadway', 'Lake Dr'];

function makeCustomers(rng, shop, count) {
  const list = [];
  for (let i = 0; i < count; i++) {
    if (shop.platform === 'taobao') {
      const [province, city, districts, postcode] = rng.pick(PLACES);
      const name = rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.next() < 0.6 ? rng.pick(GIVEN) : '');
      list.push({
        buyerId: `tb${String(i + 1).padStart(7, '0')}${rng.digits(3)}`,
        name, phone: `1${rng.pick(['3', '5', '7', '8', '9'])}${rng.digits(9)}`, email: null,
        address: [name, null, province, city, rng.pick(districts), `${rng.pick(ROADS)}${rng.int(1, 999)}号${rng.int(1, 30)}幢${rng.int(101, 2806)}室`, postcode, 'CN'],
      });
    } else {
      const [state, city, zip] = rng.pick(STATES);
      const first = rng.pick(FIRST);
      const last = rng.pick(LAST);
      list.push({
        buyerId: `7${String(i + 1).padStart(6, '0')}${rng.digits(6)}`,
        name: `${first} ${last}`, phone: rng.next() < 0.5 ? `+1 ${rng.digits(3)} ${rng.digits(3)} ${rng.digits(4)}` : null,
        email: `${first}.${last}${i}@example.com`.toLowerCase(),
        address: [`${first} ${last}`, null, state, city, null, `${rng.int(1, 9999)} ${rng.pick(STREETS)}`, `${zip}${rng.digits(2)}`, 'US'],
      });
    }
  }
  return list;
}

// ---------------------------------------------------------------------------------------------- helpers

function cli(bin, db, args, input) {
  const r = spawnSync(process.execPath, [bin, '--db', db, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SHOPKEEP_NOW: new Date(NOW).toISOString() }, maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`shopkeep ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** The schema version a fresh `shopkeep init` writes today (a cached database from an older schema is rebuilt). */
export function currentSchemaVersion(bin, dataDir, Database) {
  const probe = join(dataDir, `.schema-probe-${process.pid}.db`);
  try {
    cli(bin, probe, ['init', '--shop', 'Probe', '--platform', 'taobao', '--quiet']);
    const db = new Database(probe, { readonly: true });
    const v = db.pragma('user_version', { simple: true });
    db.close();
    return v;
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(probe + suffix, { force: true });
  }
}

/** Lines per order: 1–5, 2.48 on average; `wide`: 1–6, 3.34 on average (300,000 orders ≈ 1,000,000 lines). */
function lineCount(rng, wide) {
  const r = rng.next();
  if (wide) return r < 0.12 ? 1 : r < 0.32 ? 2 : r < 0.55 ? 3 : r < 0.76 ? 4 : r < 0.91 ? 5 : 6;
  return r < 0.25 ? 1 : r < 0.55 ? 2 : r < 0.8 ? 3 : r < 0.92 ? 4 : 5;
}

/**
 * Builds `file` (through a temporary file and a rename) and returns a summary. `orders` total orders,
 * `rush` of them placed from 10 Nov 00:00 (Shanghai) to now; `wideOrders` for more lines an order (see lineCount).
 */
export function generate({ root, file, orders: TOTAL = 300_000, rush: RUSH = 13_600, wideOrders = false, log = () => {} }) {
  const require = createRequire(join(root, 'package.json'));
  const Database = require('better-sqlite3');
  const bin = join(root, 'bin', 'shopkeep.js');
  const tmp = `${file}.building-${process.pid}`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(tmp + suffix, { force: true });
  mkdirSync(dirname(file), { recursive: true });
  const started = Date.now();

  // 1. Schema, shops and catalogue through the real binary.
  cli(bin, tmp, ['init', '--shop', '山间茶舍 Taobao', '--platform', 'taobao', '--quiet']);
  cli(bin, tmp, ['shop', 'add', 'Mountain Tea House', '--platform', 'shopify', '--currency', 'USD', '--timezone', 'America/New_York', '--quiet']);
  cli(bin, tmp, ['product', 'import', '-', '--quiet'], productCsv());
  log(`  schema, 2 shops and catalogue via the CLI: ${Date.now() - started} ms`);

  // 2. Everything else straight into SQLite, in one transaction.
  const db = new Database(tmp);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF'); // checked afterwards by `db check` (foreign_key_check)
  db.pragma('cache_size = -1000000');
  const shops = db.prepare('SELECT id, name, platform, currency, timezone FROM shop ORDER BY id').all();
  const taobao = shops.find((s) => s.platform === 'taobao');
  const shopify = shops.find((s) => s.platform === 'shopify');
  const skus = db.prepare(`SELECT s.id, s.code, s.price, s.variant, p.title FROM sku s JOIN product p ON p.id = s.product_id ORDER BY s.id`).all();
  for (const s of skus) {
    s.variantText = Object.values(JSON.parse(s.variant)).join(' / ') || null;
    s.usd = Math.max(99, Math.round(s.price / 7.1 / 10) * 10 - 1); // $x.x9 in cents
  }
  // A few best sellers: the first SKUs of each tea sell much more (weights drawn once).
  const rng = prng(20261111);
  const cumulative = [];
  let totalWeight = 0;
  for (const [i, s] of skus.entries()) {
    totalWeight += (i % 4 === 1 ? 5 : i % 4 === 2 ? 3 : 1) * (1 + rng.next() * 3);
    cumulative.push(totalWeight);
  }
  const pickSku = () => {
    const r = rng.next() * totalWeight;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const customers = new Map([
    [taobao.id, makeCustomers(rng, taobao, Math.round(TOTAL * 0.22))],
    [shopify.id, makeCustomers(rng, shopify, Math.round(TOTAL * 0.04))],
  ]);

  // Placement instants: the year before the rush, then the rush (a spike on 11 Nov), in time order.
  const placed = new Float64Array(TOTAL);
  const history = TOTAL - RUSH;
  for (let i = 0; i < history; i++) placed[i] = HISTORY_START + rng.next() * (RUSH_START - HISTORY_START);
  const elevenEleven = RUSH_START + DAY;
  for (let i = history; i < TOTAL; i++) {
    const r = rng.next();
    placed[i] = r < 0.2 ? RUSH_START + rng.next() * DAY // 10 Nov
      : r < 0.35 ? elevenEleven + rng.next() * 2 * HOUR // the midnight peak
      : r < 0.85 ? elevenEleven + rng.next() * DAY // the rest of 11 Nov
      : elevenEleven + DAY + rng.next() * (NOW - elevenEleven - DAY); // 12 Nov morning
  }
  placed.sort();

  const insCustomer = db.prepare('INSERT INTO customer (id, shop_id, platform_buyer_id, name, phone, email, tags, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insOrder = db.prepare(`INSERT INTO sales_order (id, shop_id, platform_order_id, customer_id, status, held_from, currency, item_subtotal, shipping, discount, tax,
      total, paid, refunded, ship_name, ship_phone, ship_province, ship_city, ship_district, ship_street, ship_postcode, ship_country, buyer_note, seller_memo,
      hold_reason, cancel_reason, source, placed_at, paid_at, shipped_at, delivered_at, completed_at, cancelled_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insLine = db.prepare(`INSERT INTO order_line (id, order_id, line_key, sku_id, platform_sku, listing_id, title, variant, quantity, unit_price, discount, reserved, shipped)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insShipment = db.prepare('INSERT INTO shipment (id, order_id, carrier, tracking_number, shipped_at, delivered_at) VALUES (?, ?, ?, ?, ?, ?)');
  const insShipmentLine = db.prepare('INSERT INTO shipment_line (shipment_id, order_line_id, quantity) VALUES (?, ?, ?)');
  const insEvent = db.prepare('INSERT INTO order_event (order_id, at, kind, from_value, to_value, note) VALUES (?, ?, ?, ?, ?, ?)');
  const insRefund = db.prepare("INSERT INTO order_refund (order_id, at, amount, source) VALUES (?, ?, ?, 'cancel')");
  const insMovement = db.prepare(`INSERT INTO stock_movement (sku_id, kind, quantity, on_hand_after, unit_cost, reason, reference, occurred_at, order_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const setSku = db.prepare('UPDATE sku SET on_hand = ?, reserved = ?, updated_at = ? WHERE id = ?');

  // Sales (shipped units) for the ledger, kept compactly: sku index, quantity, instant, order id.
  const saleSku = [];
  const saleQty = [];
  const saleAt = [];
  const saleOrder = [];
  const reservedBySku = new Int32Array(skus.length);
  const platformIds = new Array(TOTAL + 1);
  const counts = { lines: 0, shipments: 0, events: 0, movements: 0, customers: 0 };
  const statusCount = {};
  const min = (a, b) => (a < b ? a : b);

  const build = db.transaction(() => {
    let customerId = 0;
    const customerIds = new Map();
    for (const [shopId, list] of customers) {
      const ids = [];
      for (const c of list) {
        ids.push(++customerId);
        insCustomer.run(customerId, shopId, c.buyerId, c.name, c.phone, c.email, customerId % 17 === 0 ? '["vip"]' : '[]', HISTORY_START);
      }
      customerIds.set(shopId, ids);
    }
    counts.customers = customerId;

    let lineId = 0;
    let shipmentId = 0;
    for (let i = 0; i < TOTAL; i++) {
      const id = i + 1;
      const placedAt = Math.round(placed[i]);
      const shop = rng.next() < 0.85 ? taobao : shopify;
      const cn = shop === taobao;
      const list = customers.get(shop.id);
      const ci = Math.floor(list.length * rng.next() ** 2); // repeat buyers: a skew towards the first customers
      const customer = list[ci];
      const platformOrderId = cn ? `${rng.digits(12)}${String(id).padStart(7, '0')}` : `5${String(id).padStart(6, '0')}${rng.digits(6)}`;
      platformIds[id] = platformOrderId;

      // The timeline, and the status it leads to by now.
      const inRush = placedAt >= RUSH_START;
      let status;
      let paidAt = placedAt + rng.int(10_000, 20 * 60_000);
      let shippedAt = null;
      let deliveredAt = null;
      let completedAt = null;
      let cancelledAt = null;
      let cancelReason = null;
      let heldFrom = null;
      let holdReason = null;
      let partial = false;
      const r = rng.next();
      if (r < 0.025 || (inRush && placedAt > NOW - 2 * HOUR && r < 0.5)) {
        // never paid: cancelled after a day, or still waiting
        paidAt = null;
        if (placedAt + DAY < NOW) {
          status = 'cancelled';
          cancelledAt = placedAt + DAY;
          cancelReason = '超时未付款 payment timeout';
        } else status = 'pending_payment';
      } else if (r < 0.04) {
        status = 'cancelled';
        cancelledAt = min(paidAt + rng.int(HOUR, 20 * HOUR), NOW - 60_000);
        cancelReason = rng.pick(['buyer changed mind 买家不想要了', 'out of stock 缺货', 'wrong address 地址错误']);
      } else if (inRush && !(placedAt < RUSH_START + 12 * HOUR && rng.next() < 0.7)) {
        // the shipping queue
        const q = rng.next();
        status = q < 0.88 ? 'paid' : q < 0.935 ? 'picking' : q < 0.985 ? 'packed' : q < 0.993 ? 'partially_shipped' : 'on_hold';
        if (status === 'on_hold') {
          heldFrom = 'paid';
          holdReason = 'buyer asked to wait 买家要求延迟发货';
        }
        if (status === 'partially_shipped') {
          partial = true;
          shippedAt = null;
        }
      } else {
        shippedAt = paidAt + rng.int(4 * HOUR, 40 * HOUR);
        if (shippedAt >= NOW) shippedAt = NOW - rng.int(60_000, HOUR);
        deliveredAt = shippedAt + rng.int(36 * HOUR, 96 * HOUR);
        completedAt = rng.next() < 0.97 ? deliveredAt + rng.int(DAY, 10 * DAY) : null;
        status = completedAt !== null && completedAt <= NOW ? 'completed' : deliveredAt <= NOW ? 'delivered' : 'shipped';
        if (status === 'shipped') deliveredAt = completedAt = null;
        if (status === 'delivered') completedAt = null;
      }
      statusCount[status] = (statusCount[status] ?? 0) + 1;
      const isPaid = paidAt !== null;

      // Lines: distinct SKUs, 1–3 units each.
      const n = lineCount(rng, wideOrders);
      const chosen = [];
      while (chosen.length < n) {
        const s = pickSku();
        if (!chosen.includes(s)) chosen.push(s);
      }
      if (partial && chosen.length === 1) chosen.push((chosen[0] + 1) % skus.length);
      let subtotal = 0;
      const lines = chosen.map((s, k) => {
        const q = rng.next();
        const quantity = q < 0.72 ? 1 : q < 0.92 ? 2 : 3;
        const unitPrice = cn ? skus[s].price : skus[s].usd;
        subtotal += quantity * unitPrice;
        const shipped = shippedAt !== null || (partial && k === 0) ? quantity : 0;
        const reserved = ['paid', 'picking', 'packed', 'on_hold', 'partially_shipped'].includes(status) ? quantity - shipped : 0;
        return { id: ++lineId, sku: s, quantity, unitPrice, shipped, reserved };
      });
      const shipping = cn ? (subtotal >= 9900 ? 0 : 1000) : subtotal >= 7500 ? 0 : 599;
      const discount = cn && inRush ? Math.min(Math.floor(subtotal / 30000) * 5000, subtotal) : rng.next() < 0.1 ? Math.round(subtotal * 0.1) : 0;
      const tax = cn ? 0 : Math.round((subtotal - discount) * 0.08);
      const total = subtotal + shipping + tax - discount;
      const paid = isPaid ? total : 0;
      const refunded = status === 'cancelled' && isPaid ? total : 0;
      const last = cancelledAt ?? completedAt ?? deliveredAt ?? shippedAt ?? paidAt ?? placedAt;
      const [shipName, , province, city, district, street, postcode, country] = customer.address;
      insOrder.run(id, shop.id, platformOrderId, customerIds.get(shop.id)[ci], status, heldFrom, shop.currency, subtotal, shipping, discount, tax,
        total, paid, refunded, shipName, customer.phone, province, city, district, street, postcode, country,
        rng.next() < 0.05 ? rng.pick(['请尽快发货', '送人的，不要放发票', 'please gift wrap', '周末送货']) : null, null,
        holdReason, cancelReason, 'import', placedAt, paidAt, shippedAt, deliveredAt, completedAt, cancelledAt, last);
      for (const [k, l] of lines.entries()) {
        const s = skus[l.sku];
        insLine.run(l.id, id, String(k + 1), s.id, s.code, `${600000000000 + s.id}`, s.title, s.variantText, l.quantity, l.unitPrice, 0, l.reserved, l.shipped);
        reservedBySku[l.sku] += l.reserved;
      }
      counts.lines += lines.length;

      // Events, in the order shopkeep writes them.
      const event = (at, kind, from, to, note = null) => {
        insEvent.run(id, at, kind, from, to, note);
        counts.events++;
      };
      event(placedAt, 'created', null, 'pending_payment');
      if (isPaid) {
        event(paidAt, 'status', 'pending_payment', 'paid');
        event(paidAt, 'payment', null, String(paid));
      }
      if (status === 'picking' || status === 'packed') event(Math.round(paidAt + (NOW - paidAt) * rng.next()), 'status', 'paid', status === 'packed' ? 'packed' : 'picking');
      if (status === 'on_hold') event(paidAt + HOUR, 'status', 'paid', 'on_hold', holdReason);
      if (status === 'cancelled') {
        // A paid order cancelled gives its payment back, as `order cancel` does: a refund at that time.
        if (refunded > 0) {
          event(cancelledAt, 'payment', 'refunded 0', `refunded ${refunded}`, cancelReason);
          insRefund.run(id, cancelledAt, refunded);
        }
        event(cancelledAt, 'status', isPaid ? 'paid' : 'pending_payment', 'cancelled', cancelReason);
      }

      // The shipment: one per shipped order (the first line only for a partial one).
      const shipAt = shippedAt ?? (partial ? NOW - rng.int(HOUR, 10 * HOUR) : null);
      if (shipAt !== null) {
        const carrier = cn ? rng.pick(['SF', 'ZTO', 'YTO', 'YUNDA']) : rng.pick(['UPS', 'USPS']);
        const tracking = carrier === 'SF' ? `SF${rng.digits(13)}` : carrier === 'UPS' ? `1Z${rng.digits(16)}` : carrier === 'USPS' ? `9${rng.digits(21)}` : rng.digits(13);
        insShipment.run(++shipmentId, id, carrier, tracking, shipAt, deliveredAt);
        counts.shipments++;
        for (const l of lines) {
          if (l.shipped === 0) continue;
          insShipmentLine.run(shipmentId, l.id, l.shipped);
          saleSku.push(l.sku);
          saleQty.push(l.shipped);
          saleAt.push(shipAt);
          saleOrder.push(id);
        }
        event(shipAt, 'tracking', null, `${carrier} ${tracking}`);
        event(shipAt, 'status', 'paid', partial ? 'partially_shipped' : 'shipped');
        if (deliveredAt !== null) event(deliveredAt, 'status', 'shipped', 'delivered');
        if (completedAt !== null) event(completedAt, 'status', 'delivered', 'completed');
      }
    }

    // The stock ledger: a receipt at the start of every 30 days covering that period's sales, a first
    // receipt with a buffer, and a last one before the rush covering what the queue holds, plus spare.
    const PERIOD = 30 * DAY;
    const periods = Math.ceil((NOW - HISTORY_START) / PERIOD);
    const demand = new Int32Array(skus.length * periods);
    for (let k = 0; k < saleSku.length; k++) demand[saleSku[k] * periods + Math.floor((saleAt[k] - HISTORY_START) / PERIOD)] += saleQty[k];
    const moves = []; // [at, skuIndex, quantity, kind, orderId]
    for (let s = 0; s < skus.length; s++) {
      for (let p = 0; p < periods; p++) {
        const units = demand[s * periods + p] + (p === 0 ? 40 : 0);
        if (units > 0) moves.push([HISTORY_START + p * PERIOD - HOUR, s, units, 'receive', null]);
      }
      moves.push([RUSH_START - 2 * DAY, s, reservedBySku[s] + 60, 'receive', null]);
    }
    for (let k = 0; k < saleSku.length; k++) moves.push([saleAt[k], saleSku[k], -saleQty[k], 'sale', saleOrder[k]]);
    moves.sort((a, b) => a[0] - b[0] || (a[3] === 'receive' ? -1 : 1) - (b[3] === 'receive' ? -1 : 1));
    const onHand = new Int32Array(skus.length);
    for (const [at, s, quantity, kind, orderId] of moves) {
      onHand[s] += quantity;
      if (onHand[s] < 0) throw new Error(`generator bug: ${skus[s].code} below zero at ${new Date(at).toISOString()}`);
      if (kind === 'receive') insMovement.run(skus[s].id, 'receive', quantity, onHand[s], Math.round(skus[s].price * 0.45), null, `PO-${new Date(at).toISOString().slice(0, 7)}`, at, null);
      else insMovement.run(skus[s].id, 'sale', quantity, onHand[s], null, null, `order ${platformIds[orderId]}`, at, orderId);
    }
    counts.movements = moves.length;
    for (let s = 0; s < skus.length; s++) {
      if (onHand[s] < reservedBySku[s]) throw new Error(`generator bug: ${skus[s].code} holds less than it reserves`);
      setSku.run(onHand[s], reservedBySku[s], RUSH_START - 2 * DAY, skus[s].id);
    }
  });
  build();
  log(`  ${TOTAL.toLocaleString('en')} orders, ${counts.lines.toLocaleString('en')} lines, ${counts.events.toLocaleString('en')} events, ${counts.movements.toLocaleString('en')} movements inserted: ${Date.now() - started} ms`);
  db.pragma('journal_mode = DELETE');
  db.pragma('journal_mode = WAL'); // as shopkeep leaves it
  db.close();

  // 3. The real `db check` must pass (integrity, foreign keys, ledger, reservations).
  const check = spawnSync(process.execPath, [bin, '--db', tmp, 'db', 'check', '--json'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 26 });
  if (check.status !== 0) throw new Error(`generated database fails \`shopkeep db check\` (exit ${check.status}): ${(check.stdout + check.stderr).slice(0, 2000)}`);
  log(`  shopkeep db check: ok (${Date.now() - started} ms in all)`);
  for (const suffix of ['-wal', '-shm']) rmSync(tmp + suffix, { force: true });
  renameSync(tmp, file);
  if (existsSync(`${file}-wal`)) rmSync(`${file}-wal`);
  if (existsSync(`${file}-shm`)) rmSync(`${file}-shm`);
  return { statusCount, ...counts, bytes: statSync(file).size, ms: Date.now() - started };
}
