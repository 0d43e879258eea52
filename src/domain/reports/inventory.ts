import type { Db } from '../../db/open.js';
import { skuInfo, skuSales } from '../../db/queries/reports.js';
import { instantRange, type Period } from './period.js';
import { lastDays, positiveInt, resolveScope, type ReportScope } from './sales.js';

/** Days of sales a reorder covers beyond the lead time. */
export const COVER_AFTER_LEAD_DAYS = 30;

export interface InventoryRow {
  sku: string;
  title: string;
  onHand: number;
  reserved: number;
  available: number;
  /** Units sold (paid, not cancelled orders) over the window. */
  unitsSold: number;
  /** unitsSold ÷ days, 2 decimals. */
  dailySales: number;
  /** available ÷ daily sales, 1 decimal; null when nothing sold. */
  daysOfCover: number | null;
  reorderPoint: number | null;
  leadTimeDays: number | null;
  reorder: boolean;
  /** Units to order when `reorder`, else 0. */
  suggestedQuantity: number;
}

export interface InventoryReport {
  window: Pick<Period, 'fromDay' | 'toDay'>;
  days: number;
  rows: InventoryRow[];
}

export interface InventoryOptions {
  shop?: string;
  days?: number;
  /** Only SKUs that need reordering. */
  reorderOnly?: boolean;
}

const ceilDiv = (a: number, b: number) => Math.floor((a + b - 1) / b);

/**
 * Reorder when available ≤ reorder point, or when days of cover < lead time. Suggested quantity: the sales
 * expected over lead time + 30 days (ceil(units × (lead + 30) ÷ days)) minus available, at least reorder
 * point − available, never below 1.
 */
export function reorderSuggestion(available: number, units: number, days: number, reorderPoint: number | null, leadTimeDays: number | null): { reorder: boolean; quantity: number } {
  const cover = units === 0 ? null : (available * days) / units;
  const belowPoint = reorderPoint !== null && available <= reorderPoint;
  const shortCover = leadTimeDays !== null && cover !== null && cover < leadTimeDays;
  if (!belowPoint && !shortCover) return { reorder: false, quantity: 0 };
  const demand = ceilDiv(units * ((leadTimeDays ?? 0) + COVER_AFTER_LEAD_DAYS), days);
  return { reorder: true, quantity: Math.max(demand - available, (reorderPoint ?? 0) - available, 1) };
}

/** Per active SKU: stock now and sales over the last N days ending yesterday (each shop's days in its zone). */
export function inventoryReport(db: Db, input: InventoryOptions, now: number): InventoryReport {
  const days = positiveInt(input.days, 30, '--days');
  const scope = resolveScope(db, { shop: input.shop }, now);
  const window = lastDays(scope.period.toDay, days);
  const units = new Map<number, number>();
  for (const shop of scope.shops) {
    const { from, until } = instantRange(window, shop.timezone);
    for (const r of skuSales(db, shop.id, from, until)) units.set(r.skuId, (units.get(r.skuId) ?? 0) + r.units);
  }
  const rows: InventoryRow[] = [];
  for (const s of skuInfo(db)) {
    if (s.archived) continue;
    const sold = units.get(s.skuId) ?? 0;
    const available = s.onHand - s.reserved;
    const { reorder, quantity } = reorderSuggestion(available, sold, days, s.reorderPoint, s.leadTimeDays);
    if (input.reorderOnly && !reorder) continue;
    rows.push({
      sku: s.code,
      title: s.title,
      onHand: s.onHand,
      reserved: s.reserved,
      available,
      unitsSold: sold,
      dailySales: Math.round((sold / days) * 100) / 100,
      daysOfCover: sold === 0 ? null : Math.round(((available * days) / sold) * 10) / 10,
      reorderPoint: s.reorderPoint,
      leadTimeDays: s.leadTimeDays,
      reorder,
      suggestedQuantity: quantity,
    });
  }
  return { window, days, rows };
}
