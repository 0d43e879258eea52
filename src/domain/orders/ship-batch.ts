import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import { invalidData, ShopkeepError, type Detail } from '../errors.js';
import { headerIndex, parseCsv } from '../text/csv.js';
import { decodeText } from '../text/decode.js';
import { findOrder } from './find.js';
import { parseItems } from './items.js';
import { shipLoaded } from './ship.js';

const COLUMNS = ['order', 'carrier', 'tracking', 'items', 'shop'] as const;
type Column = (typeof COLUMNS)[number];

export interface BatchShipSummary {
  file: string;
  shipped: number;
  warnings: Detail[];
}

/**
 * Ships every row of a CSV (order, carrier, tracking[, items][, shop]) in one transaction. Each row runs in
 * its own savepoint so later rows are checked against a clean state; any bad row and nothing is shipped
 * (exit 5), every bad line listed with its reason.
 */
export function shipFromCsv(db: Db, bytes: Uint8Array, file: string, now: number): BatchShipSummary {
  const { text } = decodeText(bytes, file);
  const [header, ...records] = parseCsv(text, file);
  if (!header) throw invalidData('csv.empty', { file });
  const index = headerIndex<Column>(header.cells, COLUMNS, ['order', 'carrier', 'tracking'], file);
  const cell = (cells: string[], c: Column) => (index.has(c) ? (cells[index.get(c)!] ?? '').trim() : '');
  return writeTransaction(db, () => {
    const errors: Detail[] = [];
    const warnings: Detail[] = [];
    const seen = new Map<string, number>();
    // One savepoint function for every row (its wrapper is not free to build).
    const shipRow = db.transaction((record: (typeof records)[number]) => {
        const ref = cell(record.cells, 'order');
        const shop = cell(record.cells, 'shop') || undefined;
        const items = cell(record.cells, 'items');
        const order = findOrder(db, ref, shop);
        const first = seen.get(`${order.id}:${items}`);
        if (first !== undefined && items === '') throw invalidData('shipBatch.duplicate', { order: ref, line: first });
        seen.set(`${order.id}:${items}`, record.line);
        return shipLoaded(db, order, { carrier: cell(record.cells, 'carrier'), tracking: cell(record.cells, 'tracking'), items: items ? parseItems(items, 'items', false) : undefined }, now);
    });
    for (const record of records) {
      try {
        warnings.push(...shipRow(record).map((w) => ({ ...w, line: record.line })));
      } catch (error) {
        if (!(error instanceof ShopkeepError)) throw error;
        errors.push({ line: record.line, key: error.key, params: error.params });
      }
    }
    if (errors.length > 0) throw invalidData('shipBatch.rejected', { file, count: errors.length }, { key: 'shipBatch.rejected.hint' }, errors);
    return { file, shipped: records.length, warnings };
  });
}
