import type { Command } from 'commander';
import { usageError } from '../../../domain/errors.js';
import { replyToTicket } from '../../../domain/service/ticket-replies.js';
import { normaliseLang } from '../../../i18n/index.js';
import type { Ctx } from '../../context.js';
import { required, verb } from '../../verb.js';
import { replyView } from '../../views/tickets.js';
import { ownRepliesDir } from './templates.js';

export interface TicketReplyOptions {
  template?: string;
  message?: string;
  replyLang?: string;
  pending: boolean;
  at?: string;
}

export function ticketReplyCommand(ctx: Ctx, run = ticketReplyRun): Command {
  return verb(ctx, 'reply', 'ticket.reply.summary', [
    'shopkeep ticket reply T-000042 --template tracking-info | pbcopy      # the text, ready to paste',
    'shopkeep ticket reply T-000042 --template shipping-delay --reply-lang en',
    'shopkeep ticket reply T-000042 --message "Could you send a photo of the damage?" --pending',
  ])
    .argument('<ticket>', ctx.t('arg.ticket'))
    .option('--template <name>', ctx.t('opt.replyTemplate'))
    .option('--message <text>', ctx.t('opt.replyMessage'))
    .option('--reply-lang <lang>', ctx.t('opt.replyLang'))
    .option('--pending', ctx.t('opt.replyPending'))
    .option('--at <time>', ctx.t('opt.replyAt'))
    .action((ref: string, o) => run(ref, { ...o, pending: Boolean(o.pending) }, ctx));
}

/** Prints only the reply text on stdout (or JSON with --json); the confirmation goes to stderr. */
export async function ticketReplyRun(ref: string, o: TicketReplyOptions, ctx: Ctx): Promise<void> {
  if (o.template !== undefined && o.message !== undefined) throw usageError('ticket.replyBoth');
  const lang = o.replyLang === undefined ? undefined : normaliseLang(o.replyLang);
  if (o.replyLang !== undefined && lang === undefined) throw usageError('lang.unknown', { value: o.replyLang });
  const message = o.template === undefined ? await required(ctx, o.message, '--message', 'prompt.replyMessage') : undefined;
  const result = await replyToTicket(ctx.db(), { ref, template: o.template, message, lang, ownDir: ownRepliesDir(ctx), pending: o.pending, at: o.at }, ctx.now());
  await ctx.print(replyView(result));
  ctx.info(ctx.t('ticket.replied', { ticket: result.ticket.number }));
}
