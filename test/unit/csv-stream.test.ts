import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer, type RawRecord } from '../../src/domain/imports/csv-stream.js';
import { prng } from '../helpers/prng.js';

// The import's tokenizer must read exactly what csv-parse reads with the options the rest of shopkeep uses:
// csv-parse is the reference, compared record for record, over every way of cutting the text into chunks.
const OPTIONS = { relax_column_count: true, relax_quotes: true, skip_empty_lines: false };

function reference(text: string, delimiter = ','): RawRecord[] {
  const bytes = Buffer.from(text);
  const rows = parse(bytes, { ...OPTIONS, delimiter, info: true }) as unknown as { record: string[]; info: { bytes: number } }[];
  // The line a record starts on, as an editor counts: one more than the LF, CRLF and lone CR before it.
  let offset = 0;
  let line = 1;
  return rows.map((row) => {
    const start = line;
    for (; offset < row.info.bytes; offset++) if (bytes[offset] === 0x0a || (bytes[offset] === 0x0d && bytes[offset + 1] !== 0x0a)) line++;
    return { line: start, cells: row.record };
  });
}

function tokenize(text: string, cuts: number[], delimiter = ','): RawRecord[] {
  const tokenizer = new CsvTokenizer(delimiter, 'x.csv');
  const records: RawRecord[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    records.push(...tokenizer.push(text.slice(from, cut), false));
    from = cut;
  }
  records.push(...tokenizer.push('', true));
  return records;
}

const everyCut = (text: string) => Array.from({ length: text.length - 1 }, (_, i) => [i + 1]);

describe('the import CSV tokenizer against csv-parse', () => {
  const corpus = [new URL('../../../shared/corpora/csv-spectrum/csvs/', import.meta.url), new URL('file:///work/shared/corpora/csv-spectrum/csvs/')].find((u) => existsSync(u))!;
  const spectrum = readdirSync(corpus).filter((f) => f.endsWith('.csv'));

  it.each(spectrum)('reads csv-spectrum %s as csv-parse does, however it is cut', (name) => {
    const text = readFileSync(new URL(name, corpus), 'utf8');
    const want = reference(text);
    expect(tokenize(text, [])).toEqual(want);
    for (const cuts of everyCut(text)) expect(tokenize(text, cuts)).toEqual(want);
  });

  const quirks = [
    'a,b\n"x"y,z\n',
    'a,b\n"x" ,z\n',
    'a,b\nx"y",z\n',
    '"x,y"z,w\n',
    '"x\ny"z,w\n',
    '"x""y"z,w\n',
    '"a"b"c",d\n',
    'a,b\r\nc,d\ne\r\n',
    'a,b\rc,d\r',
    'a,b\n"c\r\nd",e\r\n',
    '"a\r\nb",c\nd,e\n',
    '\n\na,b\n',
    'a,b\n\n',
    'a,""\n""""\n',
    'a,b',
    'x,"",\n',
    ' "a",b\n',
    '名前,価格\n"茶, 緑",¥1,200\n',
  ];

  it.each(quirks)('reads %j as csv-parse does, however it is cut', (text) => {
    const want = reference(text);
    for (const cuts of [[], ...everyCut(text)]) expect(tokenize(text, cuts)).toEqual(want);
  });

  it('reads TAB-separated text', () => {
    const text = 'a\tb\n"x\ty"\t"1\n2"\n\tz\n';
    expect(tokenize(text, [5], '\t')).toEqual(reference(text, '\t'));
  });

  it('agrees with csv-parse on 3,000 random texts of quotes, delimiters and line ends, cut at random', () => {
    const random = prng(20261126);
    const pieces = ['a', 'b', 'é', '茶', ' ', ',', ',', '"', '""', '\n', '\r\n', '\r', '"x,y"', '"p\nq"', '\t'];
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 40) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const cuts = [...new Set(Array.from({ length: Math.floor(random() * 4) }, () => 1 + Math.floor(random() * (text.length - 1))))].filter((c) => c < text.length).sort((x, y) => x - y);
      let want: RawRecord[] | 'unclosed';
      try {
        want = reference(text);
      } catch (error) {
        expect((error as { code: string }).code, JSON.stringify(text)).toBe('CSV_QUOTE_NOT_CLOSED');
        want = 'unclosed';
      }
      if (want === 'unclosed') expect(() => tokenize(text, cuts), JSON.stringify(text)).toThrow(expect.objectContaining({ key: 'import.unclosedQuote' }));
      else expect(tokenize(text, cuts), JSON.stringify({ text, cuts })).toEqual(want);
    }
  });

  it('refuses an unclosed quote and a record over 1 MB, naming the line the record starts on', () => {
    expect(() => tokenize('id,name\n1,x\n2,"open\n3,b\n', [9])).toThrow(expect.objectContaining({ key: 'import.unclosedQuote', params: { file: 'x.csv', line: 3 } }));
    const big = `id,name\n1,"${'x'.repeat(1024 * 1024 + 10)}"\n`;
    expect(() => tokenize(big, [64 * 1024, 512 * 1024, 1024 * 1024])).toThrow(expect.objectContaining({ key: 'import.recordTooLarge', params: { file: 'x.csv', line: 2 } }));
  });
});
