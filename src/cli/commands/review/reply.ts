import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { replyToReview, reviewCode } from '../../../domain/service/reviews.js';
import type { Ctx } from '../../context.js';
import { verb } from '../../verb.js';
import { replyView } from '../../views/reviews.js';

export interface ReviewReplyOptions {
  shop?: string;
  template?: string;
  message?: string;
  replace: boolean;
}

/** The seller's own reply templates: replies/<lang>/NAME.txt beside the database file. */
export function ownRepliesDir(ctx: Ctx): string | null {
  const path = ctx.dbPath();
  return path === ':memory:' ? null : join(dirname(path), 'replies');
}

export function reviewReplyCommand(ctx: Ctx, run = reviewReplyRun): Command {
  return verb(ctx, 'reply', 'review.reply.summary', [
    'shopkeep review reply R-12 --template thanks-for-review',
    'shopkeep review reply 8841 --shop "Mountain Tea House" --template apology --lang en',
    'shopkeep review reply R-12 --message "谢谢您的支持！" --replace',
  ])
    .argument('<review>', ctx.t('arg.review'))
    .option('--shop <name>', ctx.t('opt.shop'))
    .option('--template <name>', ctx.t('review.opt.template'))
    .option('--message <text>', ctx.t('review.opt.message'))
    .option('--replace', ctx.t('review.opt.replace'))
    .action((ref: string, o) => run(ref, { ...o, replace: Boolean(o.replace) }, ctx));
}

export async function reviewReplyRun(ref: string, o: ReviewReplyOptions, ctx: Ctx): Promise<void> {
  const result = await replyToReview(ctx.db(), ref, { shop: o.shop, template: o.template, message: o.message, replace: o.replace, lang: ctx.lang, ownDir: ownRepliesDir(ctx) }, ctx.now());
  ctx.info(ctx.t(result.replaced ? 'review.replyReplaced' : 'review.replied', { review: reviewCode(result.review.id) }));
  await ctx.print(replyView(result));
}
