import { Command } from 'commander';
import type { Ctx } from '../../context.js';

// Placeholder until the verbs land; registered so the command tree is complete.
export function register(ctx: Ctx): Command {
  return new Command('report').description(ctx.t('reportNoun.summary'));
}
