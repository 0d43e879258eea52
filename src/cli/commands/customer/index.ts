import type { Ctx } from '../../context.js';
import { noun } from '../../verb.js';
import { customerEditCommand } from './edit.js';
import { customerListCommand } from './list.js';
import { customerShowCommand } from './show.js';

export function register(ctx: Ctx) {
  return noun(ctx, 'customer', 'customerNoun.summary', [customerListCommand(ctx), customerShowCommand(ctx), customerEditCommand(ctx)]);
}
