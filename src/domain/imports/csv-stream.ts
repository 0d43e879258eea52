import { invalidData } from '../errors.js';

const MAX_RECORD_CHARS = 1024 * 1024;
const QUOTE = 0x22;
const NEWLINE = 0x0a;
const RETURN = 0x0d;

export interface RawRecord {
  line: number;
  cells: string[];
}

/** Comma or TAB, whichever the first lines use more. */
export function delimiterOf(head: string): ',' | '\t' {
  const text = head.slice(0, 8192);
  return (text.match(/\t/g)?.length ?? 0) > (text.match(/,/g)?.length ?? 0) ? '\t' : ',';
}

type Eol = '\n' | '\r\n' | '\r';

/** Thrown inside the tokenizer when the text so far ends mid-record. */
const MORE = Symbol('more');

/**
 * The next `char` at or after a position, for positions that only grow: each search starts where the last
 * stopped, so a character that is rare or absent (a CR in an LF file) costs one scan of the text, not one per record.
 */
class Finder {
  private found = -1;

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  next(pos: number): number {
    if (this.found !== Infinity && this.found < pos) {
      const i = this.text.indexOf(this.char, pos);
      this.found = i === -1 ? Infinity : i;
    }
    return this.found;
  }
}

interface Scan {
  text: string;
  newlines: Finder;
  returns: Finder;
}

/**
 * A CSV tokenizer fed text a chunk at a time, for order files of any size. It reads what csv-parse reads with
 * `relax_quotes` and `relax_column_count` (the reference its tests compare it with, record for record): quoted
 * cells with `""`, newlines inside quotes, quotes kept inside unquoted cells, a record delimiter taken from the
 * first line end (CRLF, LF or CR). It is written here because the import needs what no CSV library gives
 * together: synchronous chunk-at-a-time input, each record's line number, and speed — csv-parse's incremental
 * parser alone took three times as long as SQLite's whole `.import` of the same file.
 */
export class CsvTokenizer {
  private pending = '';
  /** Line on which `pending` starts. */
  private line = 1;
  private eol: Eol | null = null;
  private readonly delimiter: number;

  constructor(
    delimiter: string,
    private readonly file: string,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Adds text; returns the records it completes (with `end`, every record left). */
  push(chunk: string, end: boolean): RawRecord[] {
    const text = this.pending.length === 0 ? chunk : this.pending + chunk;
    const scan: Scan = {
      text,
      newlines: new Finder(text, '\n'),
      returns: new Finder(text, '\r'),
    };
    const records: RawRecord[] = [];
    let pos = 0;
    while (pos < text.length) {
      const start = pos;
      const cells: string[] = [];
      // Asked before the record is read, so the finders still only move forward.
      const firstNewline = scan.newlines.next(start);
      const firstReturn = scan.returns.next(start);
      try {
        pos = this.record(scan, pos, end, cells);
      } catch (signal) {
        if (signal !== MORE) throw signal;
        break;
      }
      if (pos - start > MAX_RECORD_CHARS) throw invalidData('import.recordTooLarge', { file: this.file, line: this.line });
      records.push({ line: this.line, cells });
      this.line += this.oneLine(firstNewline, firstReturn, pos) ? 1 : this.linesIn(scan, start, pos);
    }
    this.pending = pos === 0 ? text : text.slice(pos);
    if (this.pending.length > MAX_RECORD_CHARS) throw invalidData('import.recordTooLarge', { file: this.file, line: this.line });
    return records;
  }

  /** A record ending at `end` whose only line break is its own LF or CRLF (most records: no need to count). */
  private oneLine(firstNewline: number, firstReturn: number, end: number): boolean {
    return this.eol !== '\r' && firstNewline === end - 1 && firstReturn >= end - 2;
  }

  /** Line breaks in text[from, to), as an editor counts them: CRLF, LF or a lone CR. */
  private linesIn(scan: Scan, from: number, to: number): number {
    const text = scan.text;
    let n = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === NEWLINE || (c === RETURN && text.charCodeAt(i + 1) !== NEWLINE)) n++;
    }
    return n;
  }

  /** Reads one record from `pos` into `cells`; returns where the next one starts. */
  private record(scan: Scan, pos: number, end: boolean, cells: string[]): number {
    const text = scan.text;
    let eolAt = this.nextEol(scan, pos, end);
    for (;;) {
      if (text.charCodeAt(pos) === QUOTE) {
        const quoted = this.quoted(text, pos, end);
        const after = quoted.after;
        if (after >= text.length) {
          cells.push(quoted.value);
          return after;
        }
        const next = text.charCodeAt(after);
        if (next === this.delimiter) {
          cells.push(quoted.value);
          pos = after + 1;
          if (eolAt < pos) eolAt = this.nextEol(scan, pos, end);
          continue;
        }
        if (eolAt < after) eolAt = this.nextEol(scan, after, end);
        if (eolAt === after) {
          cells.push(quoted.value);
          return this.recordEnd(scan, after, end);
        }
        // Something after the closing quote: like csv-parse with relax_quotes, the cell is kept as written.
        const rest = this.unquotedEnd(scan, after, eolAt, end);
        cells.push(`"${quoted.value}"${text.slice(after, rest)}`);
        if (rest === eolAt) return this.recordEnd(scan, rest, end);
        if (rest >= text.length) return rest;
        pos = rest + 1;
        continue;
      }
      const stop = this.unquotedEnd(scan, pos, eolAt, end);
      cells.push(text.slice(pos, stop));
      if (stop === eolAt) return this.recordEnd(scan, stop, end);
      if (stop >= text.length) return stop;
      pos = stop + 1;
    }
  }

  /** Where an unquoted cell from `pos` ends: at the delimiter, the record's end, or the text's end (at the end of input). */
  private unquotedEnd(scan: Scan, pos: number, eolAt: number, end: boolean): number {
    // Cells are short and most are empty: a loop over characters beats a search call per cell.
    const text = scan.text;
    const stop = Math.min(eolAt, text.length);
    const delimiter = this.delimiter;
    let i = pos;
    while (i < stop && text.charCodeAt(i) !== delimiter) i++;
    if (i < stop || eolAt !== Infinity) return i;
    if (!end) throw MORE;
    return text.length;
  }

  /** A quoted cell from the quote at `pos`: its value with `""` undone, and the index after its closing quote. */
  private quoted(text: string, pos: number, end: boolean): { value: string; after: number } {
    let value = '';
    let from = pos + 1;
    for (;;) {
      const quote = text.indexOf('"', from);
      if (quote === -1 || (quote + 1 >= text.length && !end)) {
        if (!end) throw MORE;
        throw invalidData('import.unclosedQuote', { file: this.file, line: this.line });
      }
      if (text.charCodeAt(quote + 1) === QUOTE) {
        value += text.slice(from, quote + 1);
        from = quote + 2;
        continue;
      }
      return { value: value + text.slice(from, quote), after: quote + 1 };
    }
  }

  /**
   * Where the record whose line end is at `i` ends. The first record's line end decides the record delimiter for
   * the file, as in csv-parse. A CR that ends the text waits for the next character (an LF after it is one line break).
   */
  private recordEnd(scan: Scan, i: number, end: boolean): number {
    const text = scan.text;
    if (this.eol === null) this.eol = text.charCodeAt(i) === RETURN ? (text.charCodeAt(i + 1) === NEWLINE ? '\r\n' : '\r') : '\n';
    if (this.eol === '\r' && i + 1 >= text.length && !end) throw MORE;
    return i + this.eol.length;
  }

  /** Index of the next record delimiter at or after `pos` (Infinity: none in the text yet). */
  private nextEol(scan: Scan, pos: number, end: boolean): number {
    if (this.eol === null) {
      const newline = scan.newlines.next(pos);
      const ret = scan.returns.next(pos);
      if (ret < newline && ret + 1 >= scan.text.length && !end) throw MORE;
      return Math.min(ret, newline);
    }
    if (this.eol === '\r') return scan.returns.next(pos);
    if (this.eol === '\n') return scan.newlines.next(pos);
    for (let i = scan.newlines.next(pos); i !== Infinity; i = scan.newlines.next(i + 1)) if (i > pos && scan.text.charCodeAt(i - 1) === RETURN) return i - 1;
    return Infinity;
  }
}

/** Every CSV record of text chunks with the line it starts on, as the chunks arrive. Malformed CSV is exit 5 naming the line. */
export function* csvRecords(chunks: Iterable<string>, delimiter: string, file: string): Generator<RawRecord> {
  const tokenizer = new CsvTokenizer(delimiter, file);
  for (const chunk of chunks) yield* tokenizer.push(chunk, false);
  yield* tokenizer.push('', true);
}
