import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { addProduct } from '../../src/domain/catalog/products.js';
import { receiveStock } from '../../src/domain/inventory/stock.js';
import { addOrder } from '../../src/domain/orders/create.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { withDb } from '../helpers/cli.js';
import { NOW } from '../helpers/db.js';

/** A database file: Tea House with order A1 (LJ, bought by 王芳) and B1 (LJ + GW, 李雷). */
function setUp() {
  const ctx = withDb();
  const db = openDatabase(ctx.db);
  try {
    addShop(db, { name: 'Tea House', platform: 'taobao' }, NOW);
    addProduct(db, { title: '西湖龙井', sku: { code: 'LJ', price: '368' } }, NOW);
    addProduct(db, { title: 'Gaiwan', sku: { code: 'GW', price: '88' } }, NOW);
    receiveStock(db, { sku: 'LJ', quantity: 20 }, NOW);
    receiveStock(db, { sku: 'GW', quantity: 20 }, NOW);
    const address = { province: '浙江省', city: '杭州市', street: '文三路 100 号' };
    addOrder(db, { platformOrderId: 'A1', buyer: { name: '王芳', phone: '13812345678' }, address, items: [{ sku: 'LJ', quantity: 1 }], paid: true }, NOW);
    addOrder(db, { platformOrderId: 'B1', buyer: { name: '李雷', phone: '13900001111' }, address, items: [{ sku: 'LJ', quantity: 1 }, { sku: 'GW', quantity: 1 }], paid: true }, NOW);
  } finally {
    db.close();
  }
  return ctx;
}

const count = (path: string) => {
  const db = openDatabase(path);
  try {
    return db.prepare('SELECT count(*) FROM review').pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('review add', () => {
  it('records a review and prints it, the buyer masked unless --reveal', async () => {
    const { run } = setUp();
    const r = await run(['review', 'add', '--order', 'A1', '--rating', '2', '--text', '太慢了', '--date', '2026-11-20 10:00', '--id', '8841', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('R-1 recorded: 2 star(s) in Tea House');
    expect(JSON.parse(r.stdout).review).toEqual({
      id: 1,
      code: 'R-1',
      shop: 'Tea House',
      platformReviewId: '8841',
      rating: 2,
      text: '太慢了',
      sku: 'LJ',
      product: '西湖龙井',
      order: 'A1',
      customer: 'C-1',
      buyer: '王*',
      reviewedAt: '2026-11-20T02:00:00.000Z',
      reply: null,
      repliedAt: null,
    });
    const list = JSON.parse((await run(['review', 'list', '--json', '--reveal'])).stdout);
    expect(list.reviews[0].buyer).toBe('王芳');
  });

  it('exits 2 for a rating outside 1–5 or none, 3 for an unknown order or SKU, 4 for a platform id twice', async () => {
    const { run, db } = setUp();
    for (const rating of ['0', '6', 'x']) {
      const r = await run(['review', 'add', '--rating', rating]);
      expect(r.code, rating).toBe(2);
    }
    const missing = await run(['review', 'add', '--sku', 'LJ']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--rating');
    expect((await run(['review', 'add', '--rating', '5', '--order', 'NOPE'])).code).toBe(3);
    expect((await run(['review', 'add', '--rating', '5', '--sku', 'NOPE'])).code).toBe(3);
    expect((await run(['review', 'add', '--rating', '5', '--id', 'X'])).code).toBe(0);
    const twice = await run(['review', 'add', '--rating', '4', '--id', 'X']);
    expect(twice.code).toBe(4);
    expect(count(db)).toBe(1);
  });

  it('asks for the rating on a terminal', async () => {
    const { run } = setUp();
    const r = await run(['review', 'add', '--sku', 'GW'], { tty: true, answers: ['4'] });
    expect(r.code).toBe(0);
    expect(r.asked).toEqual(['Rating (1–5)']);
  });
});

describe('review import', () => {
  const GOOD = 'shop,review_id,order,sku,rating,text,date\nTea House,T1,A1,,5,好,2026-11-20\n,T2,B1,GW,1,"cracked, sadly",2026/11/21 09:00\n';

  it('checks with --dry-run, imports, and re-imports without duplicates; stdin with -', async () => {
    const { run, dir, db } = setUp();
    writeFileSync(join(dir, 'reviews.csv'), GOOD);
    const dry = await run(['review', 'import', 'reviews.csv', '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout).import).toMatchObject({ rows: 2, new: 2, dryRun: true });
    expect(count(db)).toBe(0);
    const real = await run(['review', 'import', 'reviews.csv']);
    expect(real.code).toBe(0);
    expect(real.stderr).toContain('reviews.csv: 2 row(s) imported');
    expect(real.stdout).toContain('2 new, 0 updated, 0 unchanged');
    const again = await run(['review', 'import', '-', '--json'], { stdin: GOOD });
    expect(JSON.parse(again.stdout).import).toMatchObject({ file: 'stdin', new: 0, unchanged: 2 });
    expect(count(db)).toBe(2);
  });

  it('rejects a file with bad lines as a whole (exit 5), naming each line', async () => {
    const { run, dir, db } = setUp();
    writeFileSync(join(dir, 'bad.csv'), `${GOOD}Tea House,T3,NOPE,,5,,2026-11-20\nTea House,T4,,,9,,2026-11-20\n`);
    const r = await run(['review', 'import', 'bad.csv']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('bad.csv: 2 bad line(s); nothing was imported');
    expect(r.stderr).toContain('line 4: no order "NOPE"');
    expect(r.stderr).toContain('line 5: rating: "9" is not a rating from 1 to 5');
    expect(count(db)).toBe(0);
    expect((await run(['review', 'import', 'missing.csv'])).code).toBe(3);
  });

  it('ships a header-only template that the import reads', async () => {
    const { run, dir } = setUp();
    const template = readFileSync(new URL('../../templates/reviews.csv', import.meta.url), 'utf8');
    expect(template).toBe('shop,review_id,order,sku,rating,text,date\n');
    writeFileSync(join(dir, 't.csv'), `${template}Tea House,T9,,LJ,4,,2026-11-20\n`);
    expect((await run(['review', 'import', 't.csv'])).code).toBe(0);
  });
});

describe('review list and reply', () => {
  const withReviews = async () => {
    const ctx = setUp();
    await ctx.run(['review', 'add', '--order', 'A1', '--rating', '2', '--text', 'slow', '--date', '2026-11-20']);
    await ctx.run(['review', 'add', '--order', 'B1', '--rating', '5', '--date', '2026-11-21']);
    await ctx.run(['review', 'add', '--sku', 'GW', '--rating', '3', '--date', '2026-11-22']);
    return ctx;
  };

  it('--negative lists the unanswered ≤3-star reviews, oldest first, masked in a pipe', async () => {
    const { run } = await withReviews();
    const r = await run(['review', 'list', '--negative']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0])).toEqual(['R-1', 'R-3']);
    expect(r.stdout).toContain('王*');
    expect(r.stdout).not.toContain('王芳');
    expect(JSON.parse((await run(['review', 'list', '--sku', 'GW', '--json'])).stdout).reviews.map((x: { code: string }) => x.code)).toEqual(['R-3']);
  });

  it('replies from a template: prints the text, stores it, and takes the review off the queue', async () => {
    const { run, dir } = await withReviews();
    mkdirSync(join(dir, 'replies', 'en'), { recursive: true });
    writeFileSync(join(dir, 'replies', 'en', 'sorry.txt'), 'Dear {{buyer_name}}, we are sorry about your {{product}} (order {{order_number}}). — {{shop_name}}\n');
    writeFileSync(join(dir, 'replies', 'en', 'odd.txt'), 'Hi {{nickname}}\n');
    const r = await run(['review', 'reply', 'R-1', '--template', 'sorry']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Dear 王芳, we are sorry about your 西湖龙井 (order A1). — Tea House\n');
    expect(r.stderr).toContain('reply stored for R-1');
    const listed = JSON.parse((await run(['review', 'list', '--negative', '--json'])).stdout);
    expect(listed.reviews.map((x: { code: string }) => x.code)).toEqual(['R-3']);
    const all = JSON.parse((await run(['review', 'list', '--json'])).stdout).reviews;
    expect(all.find((x: { code: string }) => x.code === 'R-1')).toMatchObject({ reply: r.stdout.trim(), repliedAt: '2026-11-25T08:00:00.000Z' });
    expect((await run(['review', 'reply', 'R-1', '--message', 'again'])).code).toBe(4);
    const replaced = await run(['review', 'reply', 'R-1', '--message', 'again', '--replace', '--json']);
    expect(JSON.parse(replaced.stdout).reply).toMatchObject({ review: 'R-1', text: 'again', template: null, replaced: true });
    const odd = await run(['review', 'reply', 'R-3', '--template', 'odd']);
    expect(odd.code).toBe(2);
    expect(odd.stderr).toContain('nickname');
    expect((await run(['review', 'reply', 'R-3', '--template', 'no-such-template'])).code).toBe(3);
  });

  it('needs exactly one of --template and --message (exit 2); an unknown review is exit 3', async () => {
    const { run } = await withReviews();
    expect((await run(['review', 'reply', 'R-3'])).code).toBe(2);
    expect((await run(['review', 'reply', 'R-3', '--template', 'x', '--message', 'y'])).code).toBe(2);
    expect((await run(['review', 'reply', 'R-99', '--message', 'y'])).code).toBe(3);
  });
});

describe('review stats', () => {
  it('prints ratings per shop and SKU, and over time by week', async () => {
    const { run } = setUp();
    await run(['review', 'add', '--order', 'A1', '--rating', '2', '--date', '2026-11-20']);
    await run(['review', 'add', '--sku', 'LJ', '--rating', '5', '--date', '2026-11-10']);
    const r = await run(['review', 'stats', '--by', 'week', '--json']);
    expect(r.code).toBe(0);
    const ratings = JSON.parse(r.stdout).ratings;
    expect(ratings.overall).toEqual({ count: 2, sum: 7, average: 3.5, negative: 1, unansweredNegative: 1 });
    expect(ratings.skus).toEqual([{ sku: 'LJ', title: '西湖龙井', count: 2, sum: 7, average: 3.5, negative: 1, unansweredNegative: 1 }]);
    expect(ratings.overTime.map((p: { period: string; count: number }) => [p.period, p.count])).toEqual([
      ['2026-11-09', 1],
      ['2026-11-16', 1],
    ]);
    expect((await run(['review', 'stats', '--by', 'day'])).code).toBe(2);
    const zh = await run(['review', 'stats', '--lang', 'zh-CN'], { tty: true, env: { NO_COLOR: '1' } });
    expect(zh.stdout).toContain('平均分');
  });
});
