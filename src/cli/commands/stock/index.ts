import type { Ctx } from '../../context.js';
import { noun } from '../../verb.js';
import { stockAdjustCommand } from './adjust.js';
import { stockCountCommand } from './count.js';
import { stockListCommand } from './list.js';
import { stockMovesCommand } from './moves.js';
import { stockReceiveCommand } from './receive.js';

export function register(ctx: Ctx) {
  return noun(ctx, 'stock', 'stock.summary', [stockReceiveCommand(ctx), stockAdjustCommand(ctx), stockCountCommand(ctx), stockListCommand(ctx), stockMovesCommand(ctx)]);
}
