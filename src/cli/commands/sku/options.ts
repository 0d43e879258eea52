import type { Command } from 'commander';
import type { SkuFields } from '../../../domain/catalog/types.js';
import { parsePairs } from '../../../domain/catalog/values.js';
import type { Ctx } from '../../context.js';

/** The SKU flags shared by `product add`, `sku add` and `sku edit`. */
export function withSkuOptions(cmd: Command, ctx: Ctx): Command {
  return cmd
    .option('--price <amount>', ctx.t('opt.price'))
    .option('--cost <amount>', ctx.t('opt.cost'))
    .option('--currency <code>', ctx.t('opt.skuCurrency'))
    .option('--variant <pairs>', ctx.t('opt.variant'))
    .option('--barcode <code>', ctx.t('opt.barcode'))
    .option('--weight <grams>', ctx.t('opt.weight'))
    .option('--threshold <qty>', ctx.t('opt.threshold'))
    .option('--reorder-point <qty>', ctx.t('opt.reorderPoint'))
    .option('--lead-time <days>', ctx.t('opt.leadTime'))
    .option('--location <bin>', ctx.t('opt.location'))
    .option('--backorder', ctx.t('opt.backorder'))
    .option('--no-backorder', ctx.t('opt.noBackorder'));
}

export interface SkuFlagValues {
  price?: string;
  cost?: string;
  currency?: string;
  variant?: string;
  barcode?: string;
  weight?: string;
  threshold?: string;
  reorderPoint?: string;
  leadTime?: string;
  location?: string;
  backorder?: boolean;
}

export function skuFieldsFrom(o: SkuFlagValues): SkuFields {
  return {
    price: o.price,
    cost: o.cost,
    currency: o.currency,
    variant: o.variant === undefined ? undefined : parsePairs(o.variant, '--variant'),
    barcode: o.barcode,
    weight: o.weight,
    lowStockThreshold: o.threshold,
    reorderPoint: o.reorderPoint,
    leadTimeDays: o.leadTime,
    location: o.location,
    allowBackorder: o.backorder,
  };
}
