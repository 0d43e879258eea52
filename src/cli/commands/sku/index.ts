import type { Ctx } from '../../context.js';
import { noun } from '../../verb.js';
import { skuAddCommand } from './add.js';
import { skuEditCommand } from './edit.js';

export function register(ctx: Ctx) {
  return noun(ctx, 'sku', 'sku.summary', [skuAddCommand(ctx), skuEditCommand(ctx)]);
}
