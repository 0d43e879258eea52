// Report benchmark. Whole-process wall time, in one run, of
//   · `shopkeep report kpi --period month --json`   (1–10 Nov, the month so far, compared with 1–10 Oct)
//   · `shopkeep report products --json`             (last 30 days ending yesterday: bestsellers, slow movers, ABC, margin)
// beside the `sqlite3` shell running the equivalent aggregates (printed below with --sql) on the same file: a
// database of 300,000 orders over a year for two shops (Taobao CNY, Shopify USD; bench/orders/generate.js with 3.3 lines an order, so ≈ 1,000,000 lines; reused
// unchanged) plus a year of traffic_daily (shop and per-SKU rows) and ad_daily rows added here.
// The twin is the SQL shopkeep runs (src/db/queries/kpi.ts, reports.ts and the returns, tickets and reviews queries the
// KPI calls) on the same indexes (migration 8), each aggregate once (shopkeep repeats a few cheap ones, and asks for
// the trend one day at a time where the twin groups by day): change one, change the other.
// Targets: each report within 2× its sqlite3 twin, and under 500 ms.
// Usage: npm run build && node bench/report/run.js [runs] [--sql] [--clean]   (`0 --sql` prints the SQL and stops)   (runs default 5; --clean deletes bench/.data/report-*)
// Every command runs untimed once first (warm file cache; its output is checked), then the shopkeep command and its
// sqlite3 twin run in alternation, so a busy moment on the machine hits both alike.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentSchemaVersion, generate, GENERATOR_VERSION, NOW } from '../orders/generate.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'shopkeep.js');
const dataDir = join(root, 'bench', '.data');
const REPORT_VERSION = 2; // bump when the traffic/ad rows added here or the generator's options change
const db = join(dataDir, `report-300k-g${GENERATOR_VERSION}-r${REPORT_VERSION}.db`);
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const runs = Number(args[0] ?? 5);
const ORDERS = 300_000;
const RATIO = 2;
const LIMIT_MS = 500;
const DAY = 86_400_000;
const Database = createRequire(join(root, 'package.json'))('better-sqlite3');
// The reports run four hours after the last order (14:00 on the 12th in Beijing, 01:00 in New York): the 11th has
// ended in both shops' zones, so the month so far is 1–11 November for report kpi as for the sibling reports.
const REPORT_NOW = NOW + 4 * 3_600_000;
const env = { ...process.env, NO_COLOR: '1', SHOPKEEP_NOW: new Date(REPORT_NOW).toISOString() };

if (!existsSync(join(root, 'dist'))) {
  console.error('Build first: npm run build');
  process.exit(2);
}
if (spawnSync('sqlite3', ['-version']).status !== 0) {
  console.error('The sqlite3 shell is needed (apt-get install sqlite3).');
  process.exit(2);
}
mkdirSync(dataDir, { recursive: true });

// ------------------------------------------------------------------------------------------- database

/** Seeded PRNG (mulberry32), so every machine adds the same traffic and ad rows. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ymd = (ms) => new Date(ms).toISOString().slice(0, 10);

/** Traffic rows counted for a day, as src/db/queries/traffic.ts PICKED: the all-sources row, else the sources summed. */
const picked = (shop, fromDay, toDay, sku) => `FROM traffic_daily t
  WHERE t.shop_id = ${shop} AND t.day BETWEEN '${fromDay}' AND '${toDay}' AND t.sku_id ${sku}
    AND (t.source = '' OR NOT EXISTS (SELECT 1 FROM traffic_daily a WHERE a.shop_id = t.shop_id AND a.day = t.day AND a.sku_id IS t.sku_id AND a.source = ''))`;

/** A year of days (shop-local dates, 366 of them) ending yesterday (11 Nov). */
function yearOfDays() {
  const days = [];
  const last = Date.parse('2026-11-11T00:00:00Z');
  for (let t = last - 365 * DAY; t <= last; t += DAY) days.push(ymd(t));
  return days;
}

/** Adds traffic_daily (per shop and source, and per SKU) and ad_daily rows for the year; returns row counts. */
function addTrafficAndAds(file) {
  const d = new Database(file);
  d.pragma('journal_mode = DELETE');
  d.pragma('synchronous = OFF');
  const rnd = prng(1111);
  const shops = d.prepare('SELECT id, platform, currency FROM shop ORDER BY id').all();
  const skus = d.prepare('SELECT id FROM sku ORDER BY id').pluck().all();
  const days = yearOfDays();
  const insTraffic = d.prepare(`INSERT INTO traffic_daily (shop_id, day, sku_id, source, visitors, page_views, bounced, avg_seconds, add_to_cart, favourites)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insAd = d.prepare(`INSERT INTO ad_daily (shop_id, day, channel, campaign, currency, spend, impressions, clicks, orders, revenue)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const counts = { traffic: 0, ads: 0 };
  d.transaction(() => {
    for (const shop of shops) {
      const cn = shop.platform === 'taobao';
      const sources = cn ? ['search', 'recommend', 'ads', 'direct'] : ['organic', 'paid', 'direct', 'social'];
      const campaigns = cn
        ? [['ztc', '龙井 关键词'], ['ztc', '红茶 关键词'], ['ztc', '茶具 关键词'], ['yinli', '猜你喜欢 人群'], ['yinli', '新客 拉新'], ['wanxiangtai', '全店 货品加速']]
        : [['google', 'Search - tea'], ['google', 'Shopping - all'], ['meta', 'Prospecting'], ['meta', 'Retargeting']];
      const scale = cn ? 1 : 0.15;
      for (const [k, day] of days.entries()) {
        const rush = day >= '2026-11-10' ? 4 : 1;
        for (const source of sources) {
          const visitors = Math.round((400 + rnd() * 300) * scale * rush) + 1;
          insTraffic.run(shop.id, day, null, source, visitors, Math.round(visitors * (2 + rnd() * 2)), Math.round(visitors * (0.3 + rnd() * 0.3)),
            Math.round(30 + rnd() * 90), Math.round(visitors * (0.05 + rnd() * 0.1)), Math.round(visitors * rnd() * 0.05));
          counts.traffic++;
        }
        for (const sku of skus) {
          const visitors = Math.round(rnd() * 25 * scale * rush);
          insTraffic.run(shop.id, day, sku, '', visitors, visitors + Math.round(visitors * rnd()), null, null, Math.round(visitors * rnd() * 0.15), null);
          counts.traffic++;
        }
        for (const [channel, campaign] of campaigns) {
          const impressions = Math.round((5000 + rnd() * 20000) * scale * rush);
          const clicks = Math.round(impressions * (0.005 + rnd() * 0.03));
          const spend = Math.round(clicks * (cn ? 60 + rnd() * 120 : 40 + rnd() * 90)); // minor units
          const orders = Math.round(clicks * rnd() * 0.06);
          insAd.run(shop.id, day, channel, campaign, shop.currency, spend, impressions, clicks, orders, Math.round(spend * (0.4 + rnd() * 3.2) * (k % 7 === 0 ? 0.5 : 1)));
          counts.ads++;
        }
      }
    }
  })();
  d.pragma('journal_mode = WAL'); // as shopkeep leaves it
  d.close();
  return counts;
}

function cachedIsCurrent(file) {
  if (!existsSync(file)) return false;
  const d = new Database(file, { readonly: true });
  const version = d.pragma('user_version', { simple: true });
  const orders = d.prepare('SELECT count(*) FROM sales_order').pluck().get();
  d.close();
  return version === currentSchemaVersion(bin, dataDir, Database) && orders === ORDERS;
}

if (!cachedIsCurrent(db)) {
  const started = Date.now();
  const tmp = `${db}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(tmp + suffix, { force: true });
  // The issue's size: 300,000 orders with 1,000,000 lines (bench/orders' own database has 2.5 lines an order).
  console.error(`Generating ${ORDERS.toLocaleString('en')} orders (≈ 1,000,000 lines) with bench/orders/generate.js …`);
  generate({ root, file: tmp, orders: ORDERS, wideOrders: true, log: (line) => console.error(line) });
  const added = addTrafficAndAds(tmp);
  console.error(`  added ${added.traffic.toLocaleString('en')} traffic_daily and ${added.ads.toLocaleString('en')} ad_daily rows`);
  const check = spawnSync(process.execPath, [bin, '--db', tmp, 'db', 'check', '--json'], { encoding: 'utf8', env, maxBuffer: 1 << 26 });
  if (check.status !== 0) throw new Error(`database fails \`shopkeep db check\` (exit ${check.status}): ${(check.stdout + check.stderr).slice(0, 2000)}`);
  for (const suffix of ['-wal', '-shm']) rmSync(tmp + suffix, { force: true });
  renameSync(tmp, db);
  console.error(`  shopkeep db check: ok; ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const stats = (() => {
  const d = new Database(db, { readonly: true });
  const one = (sql) => d.prepare(sql).pluck().get();
  const s = {
    shops: one('SELECT count(*) FROM shop'),
    orders: one('SELECT count(*) FROM sales_order'),
    lines: one('SELECT count(*) FROM order_line'),
    skus: one('SELECT count(*) FROM sku'),
    traffic: one('SELECT count(*) FROM traffic_daily'),
    ads: one('SELECT count(*) FROM ad_daily'),
    first: one('SELECT min(placed_at) FROM sales_order'),
    last: one('SELECT max(placed_at) FROM sales_order'),
    mb: statSync(db).size / 1024 / 1024,
  };
  s.shopRows = d.prepare('SELECT id, timezone, currency FROM shop ORDER BY id').all();
  d.close();
  return s;
})();

// ---------------------------------------------------------------------------------- equivalent SQL

/** Epoch ms of 00:00 on `day` (YYYY-MM-DD) in `zone` (DST-safe: the offset is looked up at that instant). */
function zoneMidnight(day, zone) {
  const guess = Date.parse(`${day}T00:00:00Z`);
  const offsetAt = (t) => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(t)).map((p) => [p.type, p.value]));
    return Date.parse(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}Z`) - t;
  };
  let t = guess - offsetAt(guess);
  t = guess - offsetAt(t);
  return t;
}
const range = (fromDay, toDay, zone) => ({ from: zoneMidnight(fromDay, zone), until: zoneMidnight(ymd(Date.parse(`${toDay}T00:00:00Z`) + DAY), zone) });
const hoursOffset = (zone, at) => Math.round((zoneMidnight(ymd(at), zone) - Date.parse(`${ymd(at)}T00:00:00Z`)) / -60_000); // minutes east of UTC

const YESTERDAY = '2026-11-11'; // in every shop's zone at REPORT_NOW
const MONTH = { fromDay: '2026-11-01', toDay: YESTERDAY };
const PREVIOUS = { fromDay: '2026-10-01', toDay: '2026-10-11' }; // --compare previous: for a month, the month before, day for day
const PRODUCTS = { fromDay: '2026-10-13', toDay: YESTERDAY }; // the sibling reports' default: the last 30 days ending yesterday
const TREND = { fromDay: '2026-10-29', toDay: YESTERDAY }; // the trend shows at least 14 days ending with the period

/** What `report kpi --period month` asks of SQLite (src/db/queries/kpi.ts and the services it calls), per shop. */
function kpiSql() {
  const out = [];
  for (const shop of stats.shopRows) {
    const s = shop.id;
    for (const p of [MONTH, PREVIOUS]) {
      const { from, until } = range(p.fromDay, p.toDay, shop.timezone);
      out.push(`-- shop ${s}, ${p.fromDay}..${p.toDay} (${shop.timezone})`,
        // orders placed (not cancelled) and their units
        `SELECT o.currency, count(*), coalesce(sum((SELECT sum(l.quantity) FROM order_line l WHERE l.order_id = o.id)), 0) FROM sales_order o
          WHERE o.shop_id = ${s} AND o.placed_at >= ${from} AND o.placed_at < ${until} AND o.status <> 'cancelled' GROUP BY o.currency;`,
        // paid orders, GMV, paying / repeat / new buyers in one pass; "paid in this shop before" is one probe per buyer
        // answered by the covering index sales_order_customer_paid (customer_id, shop_id, paid_at)
        `WITH buyers AS (SELECT currency, coalesce(customer_id, -id) AS buyer, customer_id, count(*) AS n, sum(paid) AS paid FROM sales_order
            WHERE shop_id = ${s} AND paid_at >= ${from} AND paid_at < ${until} GROUP BY currency, buyer)
         SELECT currency, sum(n), sum(paid), count(*), sum(n >= 2), sum(customer_id IS NULL OR NOT EXISTS (SELECT 1 FROM sales_order p
            WHERE p.customer_id = buyers.customer_id AND p.shop_id = ${s} AND p.paid_at < ${from})) FROM buyers GROUP BY currency;`,
        // refunds (the refund ledger, src/db/queries/refunds.ts), returns opened (returns.ts), shipped orders (the return rate's denominator)
        `SELECT o.currency, sum(r.amount) FROM order_refund r JOIN sales_order o ON o.id = r.order_id
          WHERE r.at >= ${from} AND r.at < ${until} AND +o.shop_id = ${s} GROUP BY o.currency HAVING sum(r.amount) <> 0 ORDER BY o.currency;`,
        `SELECT r.type, count(*) FROM return_request r JOIN sales_order o ON o.id = r.order_id
          WHERE r.opened_at >= ${from} AND r.opened_at < ${until} AND +o.shop_id = ${s} GROUP BY r.type;`,
        `SELECT count(DISTINCT s.order_id) FROM shipment s JOIN sales_order o ON o.id = s.order_id WHERE +o.shop_id = ${s} AND s.shipped_at >= ${from} AND s.shipped_at < ${until};`,
        // shop traffic, ads, tickets, SLA, ratings
        `SELECT sum(visitors), sum(page_views), sum(bounced), sum(CASE WHEN bounced IS NOT NULL THEN visitors END), sum(add_to_cart),
           sum(CASE WHEN add_to_cart IS NOT NULL THEN visitors END), count(DISTINCT day) ${picked(s, p.fromDay, p.toDay, 'IS NULL')};`,
        // ads: each figure over the rows that state it, each rate's sides over the rows that state both (src/db/queries/ads.ts AD_SUMS)
        `SELECT channel, currency, sum(spend), sum(impressions), sum(clicks), sum(orders), sum(revenue),
           sum(CASE WHEN impressions IS NOT NULL THEN clicks END), sum(CASE WHEN clicks IS NOT NULL THEN impressions END),
           sum(CASE WHEN clicks IS NOT NULL THEN spend END), sum(CASE WHEN revenue IS NOT NULL THEN spend END) FROM ad_daily
          WHERE shop_id = ${s} AND day BETWEEN '${p.fromDay}' AND '${p.toDay}' GROUP BY channel, currency;`,
        `SELECT sum(opened_at >= ${from} AND opened_at < ${until}), sum(resolved_at >= ${from} AND resolved_at < ${until}) FROM ticket WHERE shop_id = ${s};`,
        `SELECT sum(first_response_due >= ${from} AND first_response_due < ${until} AND coalesce(first_response_at, resolved_at, ${REPORT_NOW}) > first_response_due),
           sum(resolution_due >= ${from} AND resolution_due < ${until} AND CASE WHEN resolved_at IS NOT NULL THEN resolved_at > resolution_due
             WHEN status = 'pending' THEN updated_at > resolution_due ELSE ${REPORT_NOW} > resolution_due END) FROM ticket WHERE shop_id = ${s};`,
        `SELECT r.sku_id, count(*), sum(r.rating), sum(r.rating <= 3) FROM review r WHERE r.reviewed_at >= ${from} AND r.reviewed_at < ${until} AND r.shop_id = ${s} GROUP BY r.sku_id;`,
        // returns per SKU ("a rise in returns")
        `SELECT l.sku_id, count(DISTINCT r.id) FROM return_request r JOIN return_line rl ON rl.return_id = r.id JOIN order_line l ON l.id = rl.order_line_id
          JOIN sales_order o ON o.id = r.order_id WHERE +o.shop_id = ${s} AND r.opened_at >= ${from} AND r.opened_at < ${until} GROUP BY l.sku_id;`);
    }
    const { from, until } = range(MONTH.fromDay, MONTH.toDay, shop.timezone);
    const trend = range(TREND.fromDay, TREND.toDay, shop.timezone);
    const tz = hoursOffset(shop.timezone, trend.from);
    out.push(`-- shop ${s}: the month's trend (${TREND.fromDay}..${TREND.toDay}) and SKUs`,
      // GMV and paying buyers per local day, visitors per day
      `SELECT date((paid_at / 1000) + ${tz * 60}, 'unixepoch') AS day, sum(paid), count(DISTINCT coalesce(customer_id, -id)) FROM sales_order
        WHERE shop_id = ${s} AND currency = '${shop.currency}' AND paid_at >= ${trend.from} AND paid_at < ${trend.until} GROUP BY day;`,
      `SELECT t.day, sum(t.visitors) ${picked(s, TREND.fromDay, TREND.toDay, 'IS NULL')} GROUP BY t.day;`,
      // units, revenue and buyers per SKU (top products, low-conversion SKUs), visitors per SKU
      `SELECT x.sku_id, k.code, p.title, x.currency, x.units, x.amount, x.buyers FROM (
         SELECT l.sku_id, o.currency, sum(l.quantity) AS units, sum(l.quantity * l.unit_price - l.discount) AS amount, count(DISTINCT coalesce(o.customer_id, -o.id)) AS buyers
         FROM sales_order o JOIN order_line l ON l.order_id = o.id WHERE o.shop_id = ${s} AND o.paid_at >= ${from} AND o.paid_at < ${until} AND l.sku_id IS NOT NULL
         GROUP BY l.sku_id, o.currency) x JOIN sku k ON k.id = x.sku_id JOIN product p ON p.id = k.product_id ORDER BY x.amount DESC, k.code;`,
      `SELECT t.sku_id, sum(t.visitors) AS v ${picked(s, MONTH.fromDay, MONTH.toDay, 'IS NOT NULL')} GROUP BY t.sku_id ORDER BY v DESC;`);
  }
  // slow movers / stock-outs: stock with units sold in the 30 days ending with the month, each shop's days in its
  // zone (stock is shared by the shops)
  const thirtyFrom = ymd(Date.parse(`${MONTH.toDay}T00:00:00Z`) - 29 * DAY);
  const windows = stats.shopRows.map((shop) => {
    const w = range(thirtyFrom, MONTH.toDay, shop.timezone);
    return `(${shop.id}, ${w.from}, ${w.until})`;
  });
  out.push('-- stock with units sold in the 30 days ending with the month (slow movers, stock-outs)',
    `WITH w(shop_id, from_at, until_at) AS (VALUES ${windows.join(', ')}),
     sold AS (SELECT l.sku_id, sum(l.quantity) AS sold FROM w JOIN sales_order o ON o.shop_id = w.shop_id AND o.paid_at >= w.from_at AND o.paid_at < w.until_at
       JOIN order_line l ON l.order_id = o.id WHERE o.status <> 'cancelled' AND l.sku_id IS NOT NULL GROUP BY l.sku_id)
     SELECT s.id, s.code, s.on_hand, s.on_hand - s.reserved, s.cost, s.lead_time_days, coalesce(sold.sold, 0) FROM sku s JOIN product p ON p.id = s.product_id
       LEFT JOIN sold ON sold.sku_id = s.id WHERE p.status = 'active' ORDER BY s.code;`);
  return out.join('\n');
}

/** What `report products` asks of SQLite: bestsellers/ABC/margin per SKU, and the slow movers' latest sale. */
function productsSql() {
  const out = ['-- SKU details', "SELECT s.id, s.code, p.title, s.variant, s.currency, s.cost, s.on_hand, s.reserved, p.status = 'archived' FROM sku s JOIN product p ON p.id = s.product_id ORDER BY s.code;"];
  for (const shop of stats.shopRows) {
    const { from, until } = range(PRODUCTS.fromDay, PRODUCTS.toDay, shop.timezone);
    const s = shop.id;
    const sale = `o.paid_at IS NOT NULL AND o.status <> 'cancelled'`;
    out.push(`-- shop ${s}, ${PRODUCTS.fromDay}..${PRODUCTS.toDay} (${shop.timezone})`,
      // bestsellers by revenue, with units and margin at current cost (ABC is a running sum over the same rows)
      `SELECT l.sku_id, o.currency, sum(l.quantity) AS units, sum(l.quantity * l.unit_price - l.discount) AS revenue,
         sum(l.quantity * l.unit_price - l.discount) - sum(l.quantity) * k.cost AS margin,
         sum(sum(l.quantity * l.unit_price - l.discount)) OVER (PARTITION BY o.currency ORDER BY sum(l.quantity * l.unit_price - l.discount) DESC
           ROWS UNBOUNDED PRECEDING) AS cumulative
       FROM sales_order o JOIN order_line l ON l.order_id = o.id JOIN sku k ON k.id = l.sku_id
       WHERE l.sku_id IS NOT NULL AND o.shop_id = ${s} AND ${sale} AND o.paid_at >= ${from} AND o.paid_at < ${until}
       GROUP BY l.sku_id, o.currency ORDER BY o.currency, revenue DESC;`,
      // slow movers: stock on hand, no line paid in the window (the same days as above), and the latest sale of each
      // (a line paid or a shipment) through that SKU's own history. None here; shopkeep would take the lines' side of
      // it from a walk back through the shop's latest lines (products.ts, latestSales), which SQL cannot stop early.
      `SELECT k.id, k.on_hand, k.on_hand * k.cost AS value, nullif(max(
           coalesce((SELECT max(o.paid_at) FROM order_line l JOIN sales_order o ON o.id = l.order_id
             WHERE l.sku_id = k.id AND +o.shop_id = ${s} AND ${sale} AND +o.paid_at < ${until}), -1),
           coalesce((SELECT m.occurred_at FROM stock_movement m JOIN sales_order o ON o.id = m.order_id
             WHERE m.sku_id = k.id AND m.kind = 'sale' AND +o.shop_id = ${s} AND m.occurred_at < ${until} ORDER BY m.occurred_at DESC LIMIT 1), -1)), -1) AS at
       FROM sku k JOIN product p ON p.id = k.product_id
       WHERE p.status = 'active' AND k.on_hand > 0 AND k.id NOT IN (SELECT l.sku_id FROM sales_order o JOIN order_line l ON l.order_id = o.id
         WHERE o.shop_id = ${s} AND ${sale} AND o.paid_at >= ${from} AND o.paid_at < ${until} AND l.sku_id IS NOT NULL)
         AND (at IS NULL OR at < ${from}) ORDER BY value DESC;`);
  }
  return out.join('\n');
}

const sql = { kpi: kpiSql(), products: productsSql() };
if (process.argv.includes('--sql')) {
  console.log(`-- report kpi --period month equivalent\n${sql.kpi}\n\n-- report products equivalent\n${sql.products}\n`);
  if (runs === 0) process.exit(0);
}

// ------------------------------------------------------------------------------------------ timing

const commands = {
  kpi: { label: 'shopkeep report kpi --period month --json', file: process.execPath, args: [bin, '--db', db, 'report', 'kpi', '--period', 'month', '--json'] },
  kpiSql: { label: 'sqlite3: the same aggregates (kpi)', file: 'sqlite3', args: [db], input: sql.kpi },
  products: { label: 'shopkeep report products --json', file: process.execPath, args: [bin, '--db', db, 'report', 'products', '--json'] },
  productsSql: { label: 'sqlite3: the same aggregates (products)', file: 'sqlite3', args: [db], input: sql.products },
};
// NODE_EXTRA_CA_CERTS makes Node 20 (OpenSSL 3) parse its ~140 bundled root certificates at start-up, before any of
// the program runs (nodejs/node#40524): ~50 ms a process on this machine, whose environment sets it for its package
// proxy. shopkeep opens no network connection, so the certificates serve it nothing; where the variable is set, each
// shopkeep command is timed a second time without it, and both rows are printed.
const caCerts = process.env.NODE_EXTRA_CA_CERTS;
const withoutCaCerts = { ...env };
delete withoutCaCerts.NODE_EXTRA_CA_CERTS;
if (caCerts !== undefined) {
  commands.kpiNoCa = { ...commands.kpi, label: '  the same, NODE_EXTRA_CA_CERTS unset', env: withoutCaCerts };
  commands.productsNoCa = { ...commands.products, label: '  the same, NODE_EXTRA_CA_CERTS unset', env: withoutCaCerts };
}

const TIMEOUT_MS = Number(process.env.REPORT_BENCH_TIMEOUT_MS ?? 60_000); // a run this slow is not timed again

function once(c) {
  if (c.timedOut) return { ms: Infinity, stdout: null };
  const start = process.hrtime.bigint();
  const r = spawnSync(c.file, c.args, { input: c.input, encoding: 'utf8', env: c.env ?? env, maxBuffer: 1 << 28, timeout: TIMEOUT_MS, killSignal: 'SIGKILL' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGKILL') {
    c.timedOut = true;
    console.error(`${c.label}: killed after ${TIMEOUT_MS / 1000} s; reported as a timeout`);
    return { ms: Infinity, stdout: null };
  }
  if (r.status !== 0 || r.stderr.includes('Error')) throw new Error(`${c.label} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return { ms, stdout: r.stdout };
}

// Warm-up (untimed) and a look at the outputs.
const parse = (r) => (r.stdout === null ? null : JSON.parse(r.stdout));
const kpiOut = parse(once(commands.kpi));
// The twin's periods are written out above: a report that compares with other days would make them unequal work.
for (const [what, got, want] of [['period', kpiOut?.period, MONTH], ['compare', kpiOut?.compare, PREVIOUS]]) {
  if (got && (got.from !== want.fromDay || got.to !== want.toDay)) throw new Error(`report kpi's ${what} is ${got.from}..${got.to}, the twin's ${want.fromDay}..${want.toDay}: update the twin`);
}
const productsOut = parse(once(commands.products));
for (const c of [commands.kpiSql, commands.productsSql]) once(c);

const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (let i = 0; i < runs; i++) for (const k of Object.keys(commands)) samples[k].push(once(commands[k]).ms);
const summary = (list) => {
  const s = [...list].sort((a, b) => a - b);
  return { median: s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2, min: s[0] };
};
const t = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summary(v)]));

const f = (ms) => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : `> ${TIMEOUT_MS / 1000} s`);
console.log(`node ${process.version}, sqlite3 ${spawnSync('sqlite3', ['-version'], { encoding: 'utf8' }).stdout.split(' ')[0]}, ${runs} timed runs each after a warm-up; ` +
  `${stats.shops} shops, ${stats.orders.toLocaleString('en')} orders, ${stats.lines.toLocaleString('en')} lines, ${stats.skus} SKUs, ` +
  `${stats.traffic.toLocaleString('en')} traffic_daily + ${stats.ads.toLocaleString('en')} ad_daily rows, ${ymd(stats.first)}..${ymd(stats.last)}, ${stats.mb.toFixed(0)} MB`);
console.log(`kpi period ${JSON.stringify(kpiOut?.period ?? 'timed out')}; products sections ${productsOut ? Object.keys(productsOut).join(', ') : 'timed out'}`);
console.log(`${'command'.padEnd(44)} ${'median'.padStart(11)} ${'min'.padStart(11)} ${'vs sqlite3'.padStart(10)}  target`);
const row = (k, twin) => {
  const ratio = twin ? t[k].median / t[twin].median : null;
  const verdict = twin ? `≤ ${RATIO}× and < ${LIMIT_MS} ms: ${ratio <= RATIO && t[k].median < LIMIT_MS ? 'met' : 'MISSED'}` : '';
  console.log(`${commands[k].label.padEnd(44)} ${f(t[k].median).padStart(11)} ${f(t[k].min).padStart(11)} ${(ratio === null ? '1.00×' : Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '—').padStart(10)}  ${verdict}`);
};
row('kpiSql');
row('kpi', 'kpiSql');
if (commands.kpiNoCa) row('kpiNoCa', 'kpiSql');
row('productsSql');
row('products', 'productsSql');
if (commands.productsNoCa) row('productsNoCa', 'productsSql');
if (caCerts !== undefined) console.log(`NODE_EXTRA_CA_CERTS=${caCerts} is set here: the rows "unset" time shopkeep without it (Node parses its root certificates at start-up when it is set).`);
console.log(`samples (ms): ${Object.entries(samples).map(([k, v]) => `${k} [${v.map((x) => (Number.isFinite(x) ? x.toFixed(0) : 'timeout')).join(', ')}]`).join('; ')}`);
if (process.argv.includes('--clean')) for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
