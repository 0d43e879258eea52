import type { Ctx } from '../../context.js';
import { noun } from '../../verb.js';
import { ticketChangeCommands } from './change.js';
import { ticketListCommand } from './list.js';
import { ticketInboundCommand, ticketNoteCommand } from './note.js';
import { ticketOpenCommand } from './open.js';
import { ticketReplyCommand } from './reply.js';
import { ticketSettingsNouns } from './settings.js';
import { ticketShowCommand } from './show.js';
import { ticketTemplatesCommand } from './templates.js';

export function register(ctx: Ctx) {
  return noun(ctx, 'ticket', 'ticketNoun.summary', [
    ticketOpenCommand(ctx),
    ticketListCommand(ctx),
    ticketShowCommand(ctx),
    ticketReplyCommand(ctx),
    ticketNoteCommand(ctx),
    ticketInboundCommand(ctx),
    ...ticketChangeCommands(ctx),
    ticketTemplatesCommand(ctx),
    ...ticketSettingsNouns(ctx),
  ]);
}
