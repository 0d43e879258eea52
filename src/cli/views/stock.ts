import type { Movement, StockLine } from '../../domain/inventory/types.js';
import { formatAmount } from '../../domain/money.js';
import { formatWallTime } from '../../domain/time.js';
import type { Ctx } from '../context.js';
import type { View } from '../render/view.js';

export function movementJson(m: Movement) {
  return {
    id: m.id,
    sku: m.skuCode,
    kind: m.kind,
    quantity: m.quantity,
    onHandAfter: m.onHandAfter,
    unitCost: m.unitCost === null ? null : formatAmount(m.unitCost, m.currency),
    currency: m.currency,
    reason: m.reason,
    reference: m.reference,
    occurredAt: new Date(m.occurredAt).toISOString(),
  };
}

export function stockLineJson(s: StockLine) {
  return {
    sku: s.skuCode,
    productId: s.productId,
    title: s.title,
    variant: s.variant,
    onHand: s.onHand,
    reserved: s.reserved,
    available: s.available,
    lowStockThreshold: s.lowStockThreshold,
    reorderPoint: s.reorderPoint,
    low: s.low,
  };
}

export function stockListView(ctx: Ctx, lines: StockLine[]): View {
  return {
    json: { stock: lines.map(stockLineJson) },
    blocks: [
      {
        kind: 'table',
        columns: [
          { key: 'sku', label: ctx.t('col.sku') },
          { key: 'title', label: ctx.t('col.title') },
          { key: 'variant', label: ctx.t('col.variant') },
          { key: 'onHand', label: ctx.t('col.onHand'), align: 'right' },
          { key: 'reserved', label: ctx.t('col.reserved'), align: 'right' },
          { key: 'available', label: ctx.t('col.available'), align: 'right' },
          { key: 'threshold', label: ctx.t('col.threshold'), align: 'right' },
          { key: 'low', label: ctx.t('col.low') },
        ],
        rows: lines.map((s) => ({
          sku: s.skuCode,
          title: s.title,
          variant: Object.values(s.variant).join(' / '),
          onHand: s.onHand,
          reserved: s.reserved,
          available: s.available,
          threshold: s.lowStockThreshold,
          low: s.low ? ctx.t('stock.lowMark') : '',
        })),
        empty: ctx.t('stock.list.empty'),
      },
    ],
  };
}

export function movementListView(ctx: Ctx, moves: Movement[], zone: string): View {
  return {
    json: { movements: moves.map(movementJson) },
    blocks: [
      {
        kind: 'table',
        columns: [
          { key: 'time', label: ctx.t('col.time') },
          { key: 'sku', label: ctx.t('col.sku') },
          { key: 'kind', label: ctx.t('col.kind') },
          { key: 'quantity', label: ctx.t('col.change'), align: 'right' },
          { key: 'after', label: ctx.t('col.onHandAfter'), align: 'right' },
          { key: 'reason', label: ctx.t('col.reason') },
          { key: 'reference', label: ctx.t('col.reference') },
        ],
        rows: moves.map((m) => ({
          time: formatWallTime(m.occurredAt, zone),
          sku: m.skuCode,
          kind: ctx.t(`movement.${m.kind}`),
          quantity: m.quantity > 0 ? `+${m.quantity}` : String(m.quantity),
          after: m.onHandAfter,
          reason: m.reason,
          reference: m.reference,
        })),
        empty: ctx.t('stock.moves.empty'),
      },
    ],
  };
}

/** One line on stderr after a write: what moved and where on-hand stands now. */
export function movementSummary(ctx: Ctx, m: Movement): string {
  return ctx.t('stock.moved', { kind: ctx.t(`movement.${m.kind}`), sku: m.skuCode, change: m.quantity > 0 ? `+${m.quantity}` : String(m.quantity), onHand: m.onHandAfter });
}
