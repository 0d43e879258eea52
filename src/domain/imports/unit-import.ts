import type { Db } from '../../db/open.js';
import * as iq from '../../db/queries/imports.js';
import { invalidData, type Detail } from '../errors.js';
import type { Shop } from '../shops/types.js';
import { applyOrder, applySealed, ImportCache, type ApplyResult } from './apply.js';
import type { SealedOrder } from './content-hash.js';
import { BulkLoad, type BulkRule } from './deferred-indexes.js';
import type { FileReading, ReadLog, Rejected } from './parse-files.js';
import { RowError, type ImportOrder } from './types.js';

export interface ImportResult {
  file: string;
  profile: string;
  encoding: string;
  matched: number;
  of: number;
  shop: string;
  orders: { new: number; updated: number; unchanged: number };
  lines: number;
  rejected: number;
  dryRun: boolean;
  /** Report indexes were set aside while the orders were written, and built again at the end. */
  bulkLoad: boolean;
  warnings: Detail[];
  rejects: Rejected[];
  negativeStock: string[];
  /** A dry run's first orders it would add or change (at most DRY_RUN_LISTED). */
  changes?: DryRunChange[];
}

export interface DryRunChange {
  order: string;
  outcome: 'new' | 'updated';
  status: string | null;
  previous: string | null;
}

/** Orders a dry run lists by name; the counts cover the rest. */
export const DRY_RUN_LISTED = 50;

/** Thrown to roll a dry run back, carrying what it would have done. */
export class DryRun {
  constructor(readonly result: ImportResult) {}
}

/** A file (or pair) as recorded in the import history. */
export interface ReadFile extends FileReading {
  sha256: string;
}

const MAX_LISTED = 200;

/**
 * The database side of one import, inside the caller's transaction: orders applied as they arrive, then
 * `finish` settles stock, refuses the file when a row was bad (without --skip-bad), and records the run.
 */
export class UnitImport {
  private readonly counts = { new: 0, updated: 0, unchanged: 0 };
  private readonly refused: Rejected[] = [];
  private readonly negative = new Set<string>();
  private readonly cache = new ImportCache();
  private lines = 0;
  private readonly bulk: BulkLoad;
  private readonly changes: DryRunChange[] = [];

  constructor(
    private readonly db: Db,
    private readonly shop: Shop,
    private readonly file: string,
    private readonly profile: string,
    private readonly options: { dryRun: boolean; skipBad: boolean; bulkRule?: BulkRule },
    private readonly now: number,
  ) {
    this.bulk = new BulkLoad(db, options.bulkRule);
  }

  apply(order: ImportOrder, rejectedRows: number): void {
    this.record(order, rejectedRows, () => applyOrder(this.db, this.shop, order, this.source, this.now, this.cache));
  }

  /** An order from the reader thread (parsed only if it must be written). */
  applySealed(order: SealedOrder, rejectedRows: number): void {
    this.record(order, rejectedRows, () => applySealed(this.db, this.shop, order, this.source, this.now, this.cache));
  }

  private get source(): string {
    return `${this.file} (${this.profile})`;
  }

  private record(order: Pick<ImportOrder, 'platformOrderId' | 'line'>, rejectedRows: number, apply: () => ApplyResult): void {
    // After a bad row without --skip-bad nothing will land: the file is read on only to list every bad row.
    if (rejectedRows > 0 && !this.options.skipBad) return;
    try {
      // Applying refuses an order (another currency) before it writes anything: no savepoint needed.
      const applied = apply();
      this.counts[applied.outcome]++;
      if (this.options.dryRun && applied.outcome !== 'unchanged' && this.changes.length < DRY_RUN_LISTED) {
        this.changes.push({ order: order.platformOrderId, outcome: applied.outcome, status: applied.status ?? null, previous: applied.previous ?? null });
      }
      this.lines += applied.lines;
      applied.negative.forEach((code) => this.negative.add(code));
      this.bulk.consider(this.db, this.counts);
      if (this.bulk.active) this.cache.knowCustomers(this.db, this.shop.id);
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      this.refused.push({ file: this.file, line: order.line, detail: { line: order.line, key: error.key, params: error.params }, cells: [order.platformOrderId] });
    }
  }

  finish(files: ReadFile[], log: Pick<ReadLog, 'rejected' | 'warnings'>): ImportResult {
    this.cache.flush(this.db);
    const rejects = [...log.rejected, ...this.refused];
    if (rejects.length > 0 && !this.options.skipBad) {
      throw invalidData('import.rejectedAll', { file: this.file, count: rejects.length }, { key: 'import.rejectedAll.hint' }, rejects.map((r) => r.detail).slice(0, MAX_LISTED));
    }
    const result: ImportResult = {
      file: this.file,
      profile: this.profile,
      encoding: files[0]!.encoding,
      matched: files[0]!.matched,
      of: files[0]!.of,
      shop: this.shop.name,
      orders: this.counts,
      lines: this.lines,
      rejected: rejects.length,
      dryRun: this.options.dryRun,
      bulkLoad: this.bulk.active,
      warnings: log.warnings,
      rejects,
      negativeStock: [...this.negative].sort(),
    };
    if (this.options.dryRun) throw new DryRun({ ...result, changes: this.changes });
    this.bulk.finish(this.db);
    iq.insertImportRun(this.db, {
      shopId: this.shop.id,
      files: files.map((f) => ({ name: f.file, sha256: f.sha256, profile: f.profile.id, encoding: f.encoding, rows: f.rows })),
      ordersNew: this.counts.new,
      ordersUpdated: this.counts.updated,
      ordersUnchanged: this.counts.unchanged,
      lines: this.lines,
      rejected: rejects.length,
      startedAt: this.now,
      finishedAt: this.now,
    });
    return result;
  }
}

/** A file failed after earlier ones of the same run were imported (each in its own transaction): what they did, and why it stopped. */
export class PartialImport extends Error {
  constructor(
    readonly results: ImportResult[],
    readonly failure: unknown,
  ) {
    super('import stopped after some files');
  }
}
