import { statSync } from 'node:fs';
import type { Db } from '../../db/open.js';
import { schemaVersion } from '../../db/migrate.js';
import { latestVersion } from '../../db/migrations/index.js';
import * as meta from '../../db/queries/meta.js';
import { ledgerMismatches } from '../../db/queries/stock.js';
import { reservationMismatches } from '../../db/queries/orders.js';
import { refundMismatches } from '../../db/queries/refunds.js';

export interface DbInfo {
  path: string;
  schemaVersion: number;
  supportedVersion: number;
  sizeBytes: number;
  journalMode: string;
  rows: Record<string, number>;
}

export function databaseInfo(db: Db, path: string): DbInfo {
  const size = (p: string) => {
    try {
      return statSync(p).size;
    } catch {
      return 0;
    }
  };
  return {
    path,
    schemaVersion: schemaVersion(db),
    supportedVersion: latestVersion,
    sizeBytes: path === ':memory:' ? 0 : size(path) + size(`${path}-wal`),
    journalMode: meta.journalMode(db),
    rows: Object.fromEntries(meta.tableNames(db).map((t) => [t, meta.rowCount(db, t)])),
  };
}

export type Problem =
  | { kind: 'integrity'; detail: string }
  | { kind: 'foreign_key'; table: string; rowid: number; parent: string }
  | { kind: 'ledger'; sku: string; onHand: number; ledger: number }
  | { kind: 'reservation'; sku: string; reserved: number; lines: number }
  | { kind: 'refunds'; order: string; refunded: number; ledger: number };

/** SQLite's own integrity and foreign-key checks, plus ours: on-hand equals the sum of movements, reserved the sum over order lines, refunded the sum of an order's refunds. */
export function checkDatabase(db: Db): Problem[] {
  return [
    ...meta.integrityProblems(db).map((detail) => ({ kind: 'integrity' as const, detail })),
    ...meta.foreignKeyProblems(db).map((f) => ({ kind: 'foreign_key' as const, table: f.table, rowid: f.rowid, parent: f.parent })),
    ...ledgerMismatches(db).map((m) => ({ kind: 'ledger' as const, sku: m.code, onHand: m.onHand, ledger: m.ledger })),
    ...reservationMismatches(db).map((m) => ({ kind: 'reservation' as const, sku: m.code, reserved: m.reserved, lines: m.lines })),
    ...refundMismatches(db).map((m) => ({ kind: 'refunds' as const, order: m.order, refunded: m.refunded, ledger: m.ledger })),
  ];
}
