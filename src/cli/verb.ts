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

/** Whole numbers typed as arguments ("5", "-3"). */
export function integerArg(text: string, field: string): number {
  if (!/^[+-]?\d{1,9}$/.test(text.trim())) throw usageError('input.notInteger', { field, value: text });
  return Number(text.trim());
}
