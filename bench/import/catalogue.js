// The import benchmark's shop: a tea and teaware seller on Shopify (USD, New York) and Taobao (CNY, Shanghai)
// with 500 SKUs in stock, built through the real binary (shop add, product import -, stock receive) so the
// schema, rules and stock ledger are exactly what shopkeep writes. The order files refer to these SKU codes.
import { spawn, spawnSync } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';
import { NOW, prng } from './common.js';

const TEAS = [
  ['Dragon Well green tea', '西湖龙井', 'Green tea', 24], ['Biluochun green tea', '碧螺春', 'Green tea', 16], ['Huangshan Maofeng', '黄山毛峰', 'Green tea', 13],
  ['Anji white leaf', '安吉白茶', 'Green tea', 21], ['Xinyang Maojian', '信阳毛尖', 'Green tea', 11], ['Taiping Houkui', '太平猴魁', 'Green tea', 26],
  ['Lapsang souchong', '正山小种', 'Black tea', 15], ['Jin Jun Mei', '金骏眉', 'Black tea', 34], ['Dianhong golden buds', '滇红金芽', 'Black tea', 14],
  ['Keemun black tea', '祁门红茶', 'Black tea', 14], ['Tieguanyin oolong', '铁观音', 'Oolong', 18], ['Da Hong Pao', '大红袍', 'Oolong', 24],
  ['Phoenix Dancong', '凤凰单丛', 'Oolong', 21], ['Oriental Beauty', '东方美人', 'Oolong', 27], ['Dong Ding oolong', '冻顶乌龙', 'Oolong', 19],
  ['Ripe pu-erh', '普洱熟茶', 'Pu-erh', 19], ['Raw pu-erh', '普洱生茶', 'Pu-erh', 21], ['Silver Needle', '白毫银针', 'White tea', 31],
  ['White Peony', '白牡丹', 'White tea', 18], ['Shou Mei', '寿眉', 'White tea', 12], ['Jasmine pearls', '茉莉龙珠', 'Scented tea', 9],
  ['Osmanthus oolong', '桂花乌龙', 'Scented tea', 10], ['Liubao dark tea', '六堡茶', 'Dark tea', 16], ['GABA oolong', '佳叶龙茶', 'Oolong', 22],
];
const GRADES = [['Imperial', '特级'], ['First grade', '一级'], ['Spring pick', '明前'], ['Old tree', '古树']];
const SIZES = [['25g', 0.55], ['50g', 1], ['100g', 1.8], ['250g', 4.1], ['500g', 7.6]];
const WARE = [
  ['Celadon gaiwan', '青瓷盖碗', 'Teaware', 22, 'colour', '颜色分类', [['celadon', '青瓷'], ['white', '白瓷'], ['ink', '墨色'], ['sky blue', '天青']]],
  ['Yixing clay teapot', '宜兴紫砂壶', 'Teaware', 78, 'clay', '泥料', [['zhuni', '朱泥'], ['zini', '紫泥'], ['duanni', '段泥']]],
  ['Glass fairness pitcher', '玻璃公道杯', 'Teaware', 9, 'size', '容量', [['300ml', '300毫升'], ['500ml', '500毫升']]],
  ['Bamboo tea tray', '竹制茶盘', 'Teaware', 32, 'size', '尺寸', [['S', '小号'], ['M', '中号'], ['L', '大号']]],
  ['Tea cups, set of 6', '品茗杯六只装', 'Teaware', 17, 'colour', '颜色分类', [['blue', '青花'], ['white', '白瓷'], ['green', '豆青'], ['black', '黑釉']]],
  ['Tea caddy tin', '马口铁茶叶罐', 'Storage', 8, 'colour', '颜色分类', [['red', '红色'], ['black', '黑色'], ['green', '绿色'], ['gold', '金色']]],
  ['Travel tea set', '旅行茶具套装', 'Teaware', 26, 'colour', '颜色分类', [['grey', '灰色'], ['white', '白色']]],
  ['Linen tea towel', '亚麻茶巾', 'Accessories', 5, 'colour', '颜色分类', [['natural', '本色'], ['indigo', '靛蓝'], ['rust', '锈红']]],
  ['Cold brew bottle', '冷泡茶瓶', 'Teaware', 12, 'size', '容量', [['500ml', '500毫升'], ['1L', '1升']]],
  ['Tea table runner', '茶席桌旗', 'Home', 12, 'length', '长度', [['150cm', '150厘米'], ['200cm', '200厘米'], ['250cm', '250厘米']]],
];

/**
 * 500 SKUs: 24 teas × 4 grades × 5 pack sizes = 480, and 20 teaware variants. Each has an English and a
 * Chinese title and variant (the Shopify and the Taobao shop list the same goods), a USD and a CNY price.
 */
export function catalogue() {
  const skus = [];
  for (const [ti, [en, zh, category, base]] of TEAS.entries()) {
    for (const [gi, [gradeEn, gradeZh]] of GRADES.entries()) {
      for (const [size, factor] of SIZES) {
        const usd = Math.round(base * factor * (1 + gi * 0.15) * 100) - 1; // 23.99 rather than 24.00
        skus.push({
          code: `T${String(ti + 1).padStart(2, '0')}${'IFSO'[gi]}-${size.toUpperCase()}`,
          handle: `tea-${ti + 1}-${gi + 1}`,
          title: `${en}, ${gradeEn.toLowerCase()}`,
          titleZh: `${zh} ${gradeZh}`,
          category,
          axis: 'size',
          axisZh: '净含量',
          value: size,
          valueZh: size.replace('g', '克'),
          usd,
          cny: Math.round((usd * 6.8) / 100) * 100 - 2, // ¥163.98-style
          grams: parseInt(size, 10) + 60,
        });
      }
    }
  }
  for (const [wi, [en, zh, category, base, axis, axisZh, values]] of WARE.entries()) {
    for (const [value, valueZh] of values) {
      if (skus.length >= 500) break;
      const usd = base * 100 - 1;
      skus.push({
        code: `W${String(wi + 1).padStart(2, '0')}-${value.toUpperCase().replace(/[^A-Z0-9]/g, '')}`,
        handle: `ware-${wi + 1}`,
        title: en, titleZh: zh, category, axis, axisZh, value, valueZh, usd,
        cny: Math.round((usd * 6.8) / 100) * 100 - 2,
        grams: 450,
      });
    }
  }
  return skus.slice(0, 500);
}

/** `product import` CSV for the catalogue (prices in the catalogue currency, USD: the first shop's). */
export function productCsv(skus) {
  const q = (v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const rows = ['handle,title,category,brand,sku,variant,price,cost,weight_g,low_stock_threshold,location'];
  skus.forEach((s, i) => {
    const price = (s.usd / 100).toFixed(2);
    const cost = ((s.usd * 0.42) / 100).toFixed(2);
    rows.push([s.handle, q(`${s.title} ${s.titleZh}`), s.category, 'Mountain Leaf', s.code, q(`${s.axis}=${s.value}`), price, cost, s.grams, 10, `A-${String(i + 1).padStart(3, '0')}`].join(','));
  });
  return `${rows.join('\n')}\n`;
}

const env = () => ({ ...process.env, NO_COLOR: '1', SHOPKEEP_NOW: new Date(NOW).toISOString() });

function cli(bin, db, args, input) {
  const r = spawnSync(process.execPath, [bin, '--db', db, ...args], { input, encoding: 'utf8', env: env(), maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`shopkeep ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** The schema version today's binary writes (a cached database from an older schema is rebuilt). */
export function currentSchemaVersion(bin, dir, Database) {
  const probe = `${dir}/.schema-probe-${process.pid}.db`;
  try {
    cli(bin, probe, ['shop', 'add', 'Probe', '--platform', 'taobao', '--quiet']);
    const db = new Database(probe, { readonly: true });
    const v = db.pragma('user_version', { simple: true });
    db.close();
    return v;
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(probe + suffix, { force: true });
  }
}

/**
 * Builds the prepared database (no orders yet) through the binary: two shops, the 500-SKU catalogue on stdin,
 * and a goods receipt for every SKU (`stock receive`, two at a time: one process per SKU, as a seller would).
 * Ends with a WAL checkpoint so that the single .db file is the whole database and can be copied.
 */
export async function prepareDatabase({ bin, file, Database, log = () => {} }) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  const tmp = `${file}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(tmp + suffix, { force: true });
  const skus = catalogue();
  const started = Date.now();
  cli(bin, tmp, ['shop', 'add', 'Mountain Leaf US', '--platform', 'shopify', '--currency', 'USD', '--timezone', 'America/New_York', '--quiet']);
  cli(bin, tmp, ['shop', 'add', '山间茶舍 Taobao', '--platform', 'taobao', '--currency', 'CNY', '--timezone', 'Asia/Shanghai', '--quiet']);
  cli(bin, tmp, ['product', 'import', '-', '--quiet'], productCsv(skus));
  const rng = prng(500);
  const receipts = skus.map((s) => [s.code, String(rng.int(200, 2_000)), '--cost', ((s.usd * 0.42) / 100).toFixed(2), '--ref', 'PO-2026-001', '--quiet']);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < receipts.length) {
      const args = ['--db', tmp, 'stock', 'receive', ...receipts[next++]];
      for (let attempt = 1; ; attempt++) {
        const code = await new Promise((resolve) => {
          const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: env() });
          let err = '';
          child.stderr.on('data', (d) => (err += d));
          child.on('close', (c) => resolve(c === 0 ? 0 : { c, err }));
        });
        if (code === 0) break;
        if (code.c !== 6 || attempt >= 5) throw new Error(`shopkeep ${args.join(' ')} exited ${code.c}: ${code.err}`); // 6: database busy
      }
      if (++done % 100 === 0) log(`  stock received for ${done} of ${receipts.length} SKUs`);
    }
  };
  await Promise.all([worker(), worker()]);
  const db = new Database(tmp);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  for (const suffix of ['-wal', '-shm']) rmSync(tmp + suffix, { force: true });
  renameSync(tmp, file);
  return { skus, ms: Date.now() - started };
}
