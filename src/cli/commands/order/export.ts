import { Command } from 'commander';
import type { Ctx } from '../../context.js';

// Placeholder until the verb lands; registered so the command tree is complete.
export function orderExportCommand(ctx: Ctx): Command {
  return new Command('export').description(ctx.t('order.summary'));
}
