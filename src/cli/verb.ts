import { Command } from 'commander';
import type { MessageKey } from '../i18n/index.js';
import type { Ctx } from './context.js';
import { usageError } from '../domain/errors.js';

/** A command with its translated summary and an Examples section in --help. */
export function verb(ctx: Ctx, name: string, summary: MessageKey, examples: string[]): Command {
  return new Command(name)
    .description(ctx.t(summary))
    .addHelpText('after', `\n${ctx.t('help.examples')}\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
}

/** A group of verbs (`shopkeep product …`). */
export function noun(ctx: Ctx, name: string, summary: MessageKey, verbs: Command[]): Command {
  const cmd = new Command(name).description(ctx.t(summary));
  for (const v of verbs) cmd.addCommand(v);
  return cmd;
}

/** A value the verb cannot do without: asked for on a terminal, else exit 2 naming the flag. */
export async function required(ctx: Ctx, value: string | undefined, flag: string, question: MessageKey, validate?: (v: string) => string | true): Promise<string> {
  if (value !== undefined) return value;
  if (!ctx.canPrompt()) throw usageError('input.missingFlag', { flag }, { key: 'input.missingFlag.hint', params: { flag } });
  return ctx.prompter.input(ctx.t(question), { validate: validate ?? ((v) => (v.trim() === '' ? ctx.t('input.empty') : true)) });
}

/** Destructive steps: --yes, else a question on a terminal, else exit 2 asking for --yes. */
export async function confirmed(ctx: Ctx, question: MessageKey, params: Record<string, string>): Promise<boolean> {
  if (ctx.globals.yes) return true;
  if (!ctx.canPrompt()) throw usageError('input.needsYes', params, { key: 'input.needsYes.hint' });
  return ctx.prompter.confirm(ctx.t(question, params), false);
}

/** Whole numbers typed as arguments ("5", "-3"). */
export function integerArg(text: string, field: string): number {
  if (!/^[+-]?\d{1,9}$/.test(text.trim())) throw usageError('input.notInteger', { field, value: text });
  return Number(text.trim());
}

/** commander accumulator for repeatable flags (--attr a=1 --attr b=2). */
export const collect = (value: string, previous: string[]): string[] => [...previous, value];
