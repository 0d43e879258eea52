import type { Ctx } from '../../context.js';
import { noun } from '../../verb.js';
import { dbCheckCommand } from './check.js';
import { dbInfoCommand } from './info.js';

export function register(ctx: Ctx) {
  return noun(ctx, 'db', 'db.summary', [dbInfoCommand(ctx), dbCheckCommand(ctx)]);
}
