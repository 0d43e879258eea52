import type { Ctx } from '../../context.js';
import { noun } from '../../verb.js';
import { reviewAddCommand } from './add.js';
import { reviewImportCommand } from './import.js';
import { reviewListCommand } from './list.js';
import { reviewReplyCommand } from './reply.js';
import { reviewStatsCommand } from './stats.js';

export function register(ctx: Ctx) {
  return noun(ctx, 'review', 'reviewNoun.summary', [
    reviewAddCommand(ctx),
    reviewImportCommand(ctx),
    reviewListCommand(ctx),
    reviewReplyCommand(ctx),
    reviewStatsCommand(ctx),
  ]);
}
