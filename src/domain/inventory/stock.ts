import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import * as q from '../../db/queries/stock.js';
import { findSku } from '../catalog/lookup.js';
import { usageError } from '../errors.js';
import { parseMoney } from '../money.js';
import { recordMovement } from './ledger.js';
import type { Movement, StockLine } from './types.js';

export interface ReceiveInput {
  sku: string;
  quantity: number;
  unitCost?: string;
  reference?: string;
  note?: string;
}

function positive(quantity: number, field: string): number {
  if (!Number.isSafeInteger(quantity) || quantity <= 0) throw usageError('stock.quantityPositive', { field, value: quantity });
  return quantity;
}

/** Goods in from a supplier: a `receive` movement, optionally with the unit cost paid. */
export function receiveStock(db: Db, input: ReceiveInput, now: number): Movement {
  const quantity = positive(input.quantity, 'QTY');
  return writeTransaction(db, () => {
    const sku = findSku(db, input.sku);
    const unitCost = input.unitCost === undefined ? null : parseMoney(input.unitCost, sku.currency, '--cost');
    return recordMovement(db, sku, { kind: 'receive', quantity, unitCost, reference: input.reference ?? null, reason: input.note ?? null, occurredAt: now });
  });
}

export interface AdjustInput {
  sku: string;
  change: number;
  reason: string;
  reference?: string;
  allowNegative?: boolean;
}

/** A correction with a stated reason (breakage, found, gift…): ±QTY. */
export function adjustStock(db: Db, input: AdjustInput, now: number): Movement {
  if (!Number.isSafeInteger(input.change) || input.change === 0) throw usageError('stock.changeNonZero', { value: input.change });
  const reason = input.reason.trim();
  if (reason === '') throw usageError('input.missingFlag', { flag: '--reason' });
  return writeTransaction(db, () => {
    const sku = findSku(db, input.sku);
    return recordMovement(db, sku, { kind: 'adjust', quantity: input.change, reason, reference: input.reference ?? null, occurredAt: now, allowNegative: input.allowNegative });
  });
}

export interface CountInput {
  sku: string;
  counted: number;
  note?: string;
}

/** A stocktake: records the difference between what was counted and what the ledger said (zero too, as a dated check). */
export function countStock(db: Db, input: CountInput, now: number): Movement {
  if (!Number.isSafeInteger(input.counted) || input.counted < 0) throw usageError('stock.countInvalid', { value: input.counted });
  return writeTransaction(db, () => {
    const sku = findSku(db, input.sku);
    return recordMovement(db, sku, { kind: 'count', quantity: input.counted - sku.onHand, reason: input.note ?? null, occurredAt: now, allowNegative: true });
  });
}

export function listStock(db: Db, filter: { lowOnly?: boolean; search?: string; includeArchived?: boolean }): StockLine[] {
  return q.stockLines(db, { lowOnly: filter.lowOnly ?? false, search: filter.search, includeArchived: filter.includeArchived ?? false });
}

export function listMovements(db: Db, filter: { sku?: string; since?: number; until?: number; limit?: number }): Movement[] {
  const skuId = filter.sku === undefined ? undefined : findSku(db, filter.sku).id;
  return q.movements(db, { skuId, since: filter.since, until: filter.until, limit: filter.limit ?? 200 });
}
