import type { Db } from '../../db/open.js';

/**
 * Indexes that serve reports and lists, never the import's own look-ups (those use each table's key, its unique
 * constraints, the customer indexes and the order-id indexes of shipments, stock movements and events, which stay:
 * rows arrive in order-id order, so they cost little).
 */
export const DEFERRABLE = [
  'sales_order_status',
  'sales_order_customer',
  'sales_order_platform_id',
  'sales_order_paid',
  'sales_order_shop_placed',
  'sales_order_customer_paid',
  'order_line_sku',
  'order_line_unmatched',
  'order_line_unmatched_sku',
  'order_line_order_sku',
  'stock_movement_sku_time',
  'stock_movement_time',
  'shipment_time',
] as const;

/**
 * A bulk load drops the deferrable indexes and builds them again at its end, in its own transaction, so a failed
 * or killed import leaves them as they were. Sorting a million keys once is several times faster than placing them
 * one by one into B-trees larger than SQLite's page cache (a million lines: 43 s → 27 s, plus 3.7 s to build them).
 */
export class DeferredIndexes {
  private dropped: { name: string; sql: string }[] = [];

  get active(): boolean {
    return this.dropped.length > 0;
  }

  /** Drops those the database has; returns their names. */
  drop(db: Db): string[] {
    const placeholders = DEFERRABLE.map(() => '?').join(', ');
    this.dropped = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN (${placeholders}) ORDER BY name`).all(...DEFERRABLE) as { name: string; sql: string }[];
    for (const { name } of this.dropped) db.exec(`DROP INDEX "${name}"`);
    return this.dropped.map((i) => i.name);
  }

  /**
   * Builds them again, SQLite's sorter spilling to temporary files: under temp_store = MEMORY its spill "files" are
   * chains of small in-memory chunks, which made a million lines' indexes 40% slower to build (4.8 s against 3.4 s)
   * and 40 MB bigger. Where no temporary file can be made (no space, no writable temporary directory), it sorts in
   * memory after all; where the setting cannot change (SQLite refuses inside a transaction once the connection has
   * temporary tables), it builds under the setting it has. The connection's setting is put back either way.
   */
  restore(db: Db): void {
    const setting = db.pragma('temp_store', { simple: true }) as number;
    const switched = setTempStore(db, TEMP_FILE);
    try {
      for (const { sql } of this.dropped) buildIndex(db, sql);
    } finally {
      if (switched) setTempStore(db, setting);
    }
    this.dropped = [];
  }
}

const TEMP_FILE = 1;
const TEMP_MEMORY = 2;
/** SQLite's result codes for a temporary file it could not open, write or find room for. */
const TEMP_FILE_ERROR = /^SQLITE_(CANTOPEN|IOERR|FULL)/;

/** Whether the connection now has that temp_store setting. */
function setTempStore(db: Db, value: number): boolean {
  try {
    db.pragma(`temp_store = ${value}`);
    return true;
  } catch {
    return false;
  }
}

function buildIndex(db: Db, sql: string): void {
  try {
    db.exec(sql);
  } catch (error) {
    const code = String((error as { code?: unknown }).code);
    // An I/O error may have rolled the caller's transaction back: then there is nothing left to build into.
    const retry = TEMP_FILE_ERROR.test(code) && db.inTransaction && db.pragma('temp_store', { simple: true }) !== TEMP_MEMORY && setTempStore(db, TEMP_MEMORY);
    if (!retry) throw error;
    db.exec(sql);
  }
}

/** When an import counts as a bulk load (tests use a small number). */
export interface BulkRule {
  /** New orders, at least, before an import is judged one. */
  minOrders: number;
}

export const BULK_RULE: BulkRule = { minOrders: 2_000 };

/**
 * Judges an import a bulk load once it has added as many new orders as the database held before (and at least
 * `minOrders`), nine in ten of those it read: what is left of such a file is most likely more of the same, and the
 * rebuild costs in proportion to the table, by then at most twice what this import wrote. A daily export into a big
 * shop, or an overlapping one, never is: rebuilding an index costs the whole table.
 */
export class BulkLoad {
  private readonly indexes = new DeferredIndexes();
  private readonly ordersBefore: number;

  constructor(
    db: Db,
    private readonly rule: BulkRule = BULK_RULE,
  ) {
    this.ordersBefore = db.prepare('SELECT coalesce(max(id), 0) FROM sales_order').pluck().get() as number;
  }

  get active(): boolean {
    return this.indexes.active;
  }

  consider(db: Db, counts: { new: number; updated: number; unchanged: number }): void {
    if (this.active || counts.new < Math.max(this.rule.minOrders, this.ordersBefore)) return;
    if (counts.new >= 0.9 * (counts.new + counts.updated + counts.unchanged)) this.indexes.drop(db);
  }

  finish(db: Db): void {
    this.indexes.restore(db);
  }
}
