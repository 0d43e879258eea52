import type { Ctx } from '../../context.js';
import { noun } from '../../verb.js';
import { shopAddCommand } from './add.js';
import { shopDefaultCommand } from './default.js';
import { shopEditCommand } from './edit.js';
import { shopListCommand } from './list.js';

export function register(ctx: Ctx) {
  return noun(ctx, 'shop', 'shop.summary', [shopAddCommand(ctx), shopListCommand(ctx), shopEditCommand(ctx), shopDefaultCommand(ctx)]);
}
