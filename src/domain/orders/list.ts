import type { Db } from '../../db/open.js';
import * as q from '../../db/queries/order-list.js';
import { usageError } from '../errors.js';
import { listShops } from '../shops/shops.js';
import { findShop } from '../shops/shops.js';
import { parseTimeArg, validDate, wallTimeToInstant } from '../time.js';
import { ORDER_STATUSES, TO_SHIP, type OrderStatus } from './types.js';

export interface OrderListInput {
  statuses?: string[];
  shop?: string;
  platform?: string;
  from?: string;
  to?: string;
  buyer?: string;
  sku?: string;
  toShip?: boolean;
  overdueHours?: number;
  limit?: number;
}

export const DEFAULT_OVERDUE_HOURS = 48;

/** `--to 2026-11-25` means to the end of that day in each shop's own zone. */
function untilOf(text: string, zone: string, now: number): number {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (day) {
    const [y, m, d] = day.slice(1).map(Number) as [number, number, number];
    if (!validDate(y, m, d)) throw usageError('time.invalid', { field: '--to', value: text });
    return wallTimeToInstant(zone, y, m, d + 1);
  }
  return parseTimeArg(text, zone, now, '--to');
}

/** Turns typed filters into a query: statuses checked, date bounds computed per shop in that shop's zone. */
export function orderFilter(db: Db, input: OrderListInput, now: number): q.OrderFilter {
  const statuses = input.statuses?.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  for (const s of statuses ?? []) if (!(ORDER_STATUSES as readonly string[]).includes(s)) throw usageError('input.oneOf', { field: '--status', value: s, choices: ORDER_STATUSES.join(', ') });
  const shopId = input.shop === undefined ? undefined : findShop(db, input.shop).id;
  const shops = listShops(db).filter((s) => shopId === undefined || s.id === shopId);
  const ranges =
    input.from === undefined && input.to === undefined
      ? undefined
      : shops.map((s) => ({
          shopId: s.id,
          from: input.from === undefined ? undefined : parseTimeArg(input.from, s.timezone, now, '--from'),
          until: input.to === undefined ? undefined : untilOf(input.to, s.timezone, now),
        }));
  const overdue = input.overdueHours;
  return {
    statuses: input.toShip || overdue !== undefined ? [...TO_SHIP] : (statuses as OrderStatus[] | undefined),
    shopId,
    platform: input.platform?.trim().toLowerCase(),
    ranges,
    buyer: input.buyer?.trim() || undefined,
    sku: input.sku?.trim() || undefined,
    paidBefore: overdue === undefined ? undefined : now - overdue * 3_600_000,
    queue: Boolean(input.toShip || overdue !== undefined),
    limit: input.limit ?? 1000,
  };
}

export function listOrders(db: Db, input: OrderListInput, now: number): q.OrderSummary[] {
  return q.orderSummaries(db, orderFilter(db, input, now));
}
