import type { Command } from 'commander';
import { dirname, join } from 'node:path';
import { listReplyTemplates } from '../../../domain/service/replies.js';
import type { Ctx } from '../../context.js';
import { verb } from '../../verb.js';
import { templatesView } from '../../views/tickets.js';

/** The seller's own reply templates: <directory of the database>/replies/<lang>/NAME.txt. */
export function ownRepliesDir(ctx: Ctx): string | null {
  const path = ctx.dbPath();
  return path === ':memory:' ? null : join(dirname(path), 'replies');
}

export function ticketTemplatesCommand(ctx: Ctx, run = ticketTemplatesRun): Command {
  return verb(ctx, 'templates', 'ticket.templates.summary', ['shopkeep ticket templates', 'shopkeep ticket templates --json']).action(() => run(ctx));
}

export async function ticketTemplatesRun(ctx: Ctx): Promise<void> {
  await ctx.print(templatesView(ctx, listReplyTemplates(ownRepliesDir(ctx))));
}
