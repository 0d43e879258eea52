import { Command, Option } from 'commander';
import type { MessageKey } from '../i18n/index.js';
import { DEFAULT_GLOBALS, type Ctx } from './context.js';
import { ENTRIES } from './commands/registry.js';
import type { Sink } from './io.js';

export const VERSION = '0.1.0';

/** Global options that take a value: the pre-scan must skip their values to find the command name. */
const VALUE_OPTIONS = new Set(['--db', '--format', '--lang']);

/** The first word that is not an option: the command to load. */
export function commandWord(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return argv[i + 1];
    if (VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/** Builds the root command with its global options; loads only the command named in argv. */
export async function buildProgram(ctx: Ctx, argv: readonly string[]): Promise<Command> {
  const t = ctx.t.bind(ctx);
  const program = new Command('shopkeep')
    .description(t('program.description'))
    .version(VERSION, '-V, --version', t('help.version'))
    .option('--db <path>', t('global.db'))
    .option('--json', t('global.json'))
    .option('--format <format>', t('global.format'))
    .option('--lang <lang>', t('global.lang'))
    .option('--no-color', t('global.noColor'))
    .option('--no-input', t('global.noInput'))
    .option('-y, --yes', t('global.yes'))
    .option('-q, --quiet', t('global.quiet'))
    .option('--debug', t('global.debug'))
    .addHelpText('after', `\n${t('program.helpAfter')}`);

  program.hook('preAction', () => {
    ctx.globals = { ...DEFAULT_GLOBALS, ...program.opts() };
  });

  let word = commandWord(argv);
  if (word === 'help') word = commandWord(argv.slice(argv.indexOf('help') + 1));
  const entry = ENTRIES.find((e) => e.name === word);
  if (entry) {
    const module = await entry.load();
    program.addCommand(module.register(ctx));
  } else {
    for (const e of ENTRIES) program.addCommand(new Command(e.name).description(t(e.summary)));
  }
  configureTree(program, ctx);
  return program;
}

/** commander's addCommand() does not pass settings down: apply them to every node. */
function configureTree(cmd: Command, ctx: Ctx): void {
  const titles: Record<string, MessageKey> = {
    'Usage:': 'help.usage',
    'Options:': 'help.options',
    'Commands:': 'help.commands',
    'Arguments:': 'help.arguments',
    'Global Options:': 'help.globalOptions',
  };
  const sink = (s: Sink) => (text: string) => void s.write(text);
  cmd
    .exitOverride()
    .configureOutput({ writeOut: sink(ctx.io.stdout), writeErr: sink(ctx.io.stderr), outputError: () => undefined })
    .configureHelp({ styleTitle: (title) => (titles[title] ? ctx.t(titles[title]!) : title) })
    .helpOption('-h, --help', ctx.t('help.help'));
  if (cmd.commands.length > 0) cmd.helpCommand('help [command]', ctx.t('help.command'));
  for (const sub of cmd.commands) configureTree(sub, ctx);
}

export { Option };
