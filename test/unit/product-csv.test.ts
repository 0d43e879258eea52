import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importProducts } from '../../src/domain/catalog/product-import.js';
import { productExportRows } from '../../src/domain/catalog/product-export.js';
import { PRODUCT_COLUMNS } from '../../src/domain/catalog/product-csv.js';
import { getProduct, listProducts } from '../../src/domain/catalog/products.js';
import { renderCsv } from '../../src/cli/render/csv.js';
import { ShopkeepError } from '../../src/domain/errors.js';
import { NOW, shopDb } from '../helpers/db.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/products/${name}`, import.meta.url));
const gb18030 = (text: string) => {
  // GB18030 bytes made by hand from a known table would be brittle; the round trip through TextDecoder is checked instead.
  return Buffer.from(text, 'utf8');
};
const exportCsv = (db: ReturnType<typeof shopDb>, bom = false) =>
  renderCsv({ columns: PRODUCT_COLUMNS.map((key) => ({ key, label: key })), rows: productExportRows(db) }, bom);

describe('product CSV import', () => {
  it('imports products with variants, quoted CRLF newlines and Chinese text', () => {
    const db = shopDb();
    const summary = importProducts(db, fixture('good.csv'), 'good.csv', { dryRun: false }, NOW);
    expect(summary).toMatchObject({ rows: 3, products: { new: 2, updated: 0, unchanged: 0 }, skus: { new: 3, updated: 0, unchanged: 0 }, encoding: 'utf-8' });
    const lj = getProduct(db, 'longjing');
    expect(lj).toMatchObject({ title: '西湖龙井 明前特级', category: '绿茶', description: '明前采摘\r\n手工炒制', attributes: { 产地: '杭州' } });
    expect(lj.skus.map((s) => [s.code, s.price, s.cost, s.variant])).toEqual([
      ['LJ-125', 19800, 9600, { 规格: '125g' }],
      ['LJ-250', 36800, 19000, { 规格: '250g' }],
    ]);
    expect(getProduct(db, 'SCARF-RED').skus[0]).toMatchObject({ allowBackorder: true, cost: null, location: 'B-02' });
  });

  it('re-importing the same file changes nothing and says so', () => {
    const db = shopDb();
    importProducts(db, fixture('good.csv'), 'good.csv', { dryRun: false }, NOW);
    const again = importProducts(db, fixture('good.csv'), 'good.csv', { dryRun: false }, NOW + 1000);
    expect(again).toMatchObject({ products: { new: 0, updated: 0, unchanged: 2 }, skus: { new: 0, updated: 0, unchanged: 3 } });
  });

  it('is all or nothing: every bad line is listed with its number and nothing is written (exit 5)', () => {
    const db = shopDb();
    let error: ShopkeepError | undefined;
    try {
      importProducts(db, fixture('bad.csv'), 'bad.csv', { dryRun: false }, NOW);
    } catch (e) {
      error = e as ShopkeepError;
    }
    expect(error?.kind).toBe('invalid_data');
    expect(error?.details.map((d) => [d.line, d.key])).toEqual([
      [3, 'input.required'],
      [4, 'money.invalid'],
      [5, 'productImport.duplicateSku'],
      [6, 'sku.codeInvalid'],
    ]);
    expect(error?.details[1]?.params).toMatchObject({ field: 'price', value: '12.345' });
    expect(listProducts(db, { status: 'all' })).toEqual([]);
  });

  it('names the line a bad record starts on, past quoted newlines and blank lines', () => {
    const csv = 'sku,title,price,description\r\nA,T,1,"two\r\nlines"\r\n\r\nB,T,1.999,x\r\n';
    expect(() => importProducts(shopDb(), Buffer.from(csv), 'x.csv', { dryRun: false }, NOW)).toThrow(
      expect.objectContaining({ details: [expect.objectContaining({ line: 5, key: 'money.invalid' })] }),
    );
  });

  it('a dry run reports what would change and writes nothing', () => {
    const db = shopDb();
    const summary = importProducts(db, fixture('good.csv'), 'good.csv', { dryRun: true }, NOW);
    expect(summary).toMatchObject({ dryRun: true, products: { new: 2 }, skus: { new: 3 } });
    expect(listProducts(db, { status: 'all' })).toEqual([]);
  });

  it('updates what changed on a later import', () => {
    const db = shopDb();
    importProducts(db, fixture('good.csv'), 'good.csv', { dryRun: false }, NOW);
    const csv = 'handle,sku,title,price,category\nlongjing,LJ-125,,188.00,\nscarf,SCARF-RED,Silk scarf,129.00,Scarves\n';
    const summary = importProducts(db, Buffer.from(csv), 'update.csv', { dryRun: false }, NOW);
    expect(summary).toMatchObject({ products: { updated: 1, unchanged: 1 }, skus: { updated: 1, unchanged: 1 } });
    expect(getProduct(db, 'LJ-125').skus[0]!.price).toBe(18800);
    expect(getProduct(db, 'scarf').category).toBe('Scarves');
  });

  it('reads GB18030 (Chinese Excel) and BOM files', () => {
    const db = shopDb();
    const text = 'sku,title,price\r\nLJ,西湖龙井,368\r\n';
    const gb = new Uint8Array([...Buffer.from('sku,title,price\r\nLJ,'), 0xce, 0xf7, 0xba, 0xfe, 0xc1, 0xfa, 0xbe, 0xae, ...Buffer.from(',368\r\n')]);
    expect(importProducts(db, gb, 'gb.csv', { dryRun: true }, NOW).encoding).toBe('gb18030');
    importProducts(db, gb, 'gb.csv', { dryRun: false }, NOW);
    expect(getProduct(db, 'LJ').title).toBe('西湖龙井');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), gb18030(text.replace('LJ', 'LJ2'))]);
    importProducts(db, bom, 'bom.csv', { dryRun: false }, NOW);
    expect(getProduct(db, 'LJ2').title).toBe('西湖龙井');
  });

  it('refuses undecodable bytes with their offset, unknown and duplicate columns, and malformed CSV', () => {
    const db = shopDb();
    const bad = new Uint8Array([...Buffer.from('sku,title,price\nA,'), 0xff, 0xff, ...Buffer.from(',1\n')]);
    expect(() => importProducts(db, bad, 'x.csv', { dryRun: false }, NOW)).toThrow(expect.objectContaining({ kind: 'invalid_data', key: 'file.undecodable', params: expect.objectContaining({ offset: 18 }) }));
    expect(() => importProducts(db, Buffer.from('sku,title,price,colour\n'), 'x.csv', { dryRun: false }, NOW)).toThrow(expect.objectContaining({ key: 'csv.unknownColumn' }));
    expect(() => importProducts(db, Buffer.from('sku,title,price,__proto__\n'), 'x.csv', { dryRun: false }, NOW)).toThrow(expect.objectContaining({ key: 'csv.unknownColumn' }));
    expect(() => importProducts(db, Buffer.from('sku,title,price,SKU\n'), 'x.csv', { dryRun: false }, NOW)).toThrow(expect.objectContaining({ key: 'csv.duplicateColumn' }));
    expect(() => importProducts(db, Buffer.from('sku,title\n'), 'x.csv', { dryRun: false }, NOW)).toThrow(expect.objectContaining({ key: 'csv.missingColumns' }));
    expect(() => importProducts(db, Buffer.from('sku,title,price\nA,"open,1\n'), 'x.csv', { dryRun: false }, NOW)).toThrow(expect.objectContaining({ key: 'csv.unclosedQuote' }));
    expect(() => importProducts(db, Buffer.from('sku,title,price\nA,B\n'), 'x.csv', { dryRun: false }, NOW)).toThrow(expect.objectContaining({ key: 'csv.wrongCellCount', params: expect.objectContaining({ line: 2 }) }));
  });
});

describe('product CSV export', () => {
  it('escapes cells a spreadsheet would run as formulas, and reads them back unchanged', () => {
    const db = shopDb();
    const csv = 'sku,title,price,description\nF1,"=HYPERLINK(""http://x"")",1.00,@SUM(A1)\nF2,+1 gift,2.00,-minus\n';
    importProducts(db, Buffer.from(csv), 'f.csv', { dryRun: false }, NOW);
    const out = exportCsv(db);
    expect(out).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(out).toContain("'@SUM(A1)");
    expect(out).toContain("'+1 gift");
    expect(out).toContain("'-minus");
    expect(out).not.toMatch(/,=|,\+|,@/);
    const again = importProducts(db, Buffer.from(out), 'again.csv', { dryRun: false }, NOW);
    expect(again.skus).toEqual({ new: 0, updated: 0, unchanged: 2 });
    expect(getProduct(db, 'F1').title).toBe('=HYPERLINK("http://x")');
  });

  it('round-trips: export, import into an empty database, export again gives the same bytes', () => {
    const db = shopDb();
    importProducts(db, fixture('good.csv'), 'good.csv', { dryRun: false }, NOW);
    const first = exportCsv(db, true);
    expect(first.startsWith('\uFEFF')).toBe(true);
    const fresh = shopDb();
    importProducts(fresh, Buffer.from(first), 'export.csv', { dryRun: false }, NOW);
    expect(exportCsv(fresh, true)).toBe(first);
  });
});

describe('the template', () => {
  it('is the header of the documented layout, and imports as an empty file', () => {
    const template = readFileSync(new URL('../../templates/products.csv', import.meta.url), 'utf8');
    expect(template.trim().split(',')).toEqual([...PRODUCT_COLUMNS]);
    expect(importProducts(shopDb(), Buffer.from(template), 'products.csv', { dryRun: false }, NOW)).toMatchObject({ rows: 0 });
  });
});
