import { CommanderError } from 'commander';
import { openDatabase } from '../db/open.js';
import { ShopkeepError } from '../domain/errors.js';
import { loadMessages, normaliseLang, pickLang, translator } from '../i18n/index.js';
import { Ctx } from './context.js';
import { EXIT, reportError } from './errors.js';
import type { Io } from './io.js';
import { buildProgram } from './program.js';
import { inquirerPrompter, type Prompter } from './prompter.js';
import { translateCommanderError } from './commander-errors.js';

export interface RunDeps {
  io: Io;
  prompter?: Prompter;
  now?: () => number;
}

function flagValue(argv: readonly string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
}

/** SHOPKEEP_NOW pins the clock (reproducible demos and tests); otherwise the real time. */
function clock(io: Io): () => number {
  const pinned = io.env.SHOPKEEP_NOW ? Date.parse(io.env.SHOPKEEP_NOW) : Number.NaN;
  return Number.isNaN(pinned) ? () => Date.now() : () => pinned;
}

/** Runs one shopkeep command line and returns its exit code. Never throws, never exits the process. */
export async function runCli(argv: readonly string[], deps: RunDeps): Promise<number> {
  const { io } = deps;
  const debug = argv.includes('--debug');
  const langFlag = flagValue(argv, '--lang');
  const lang = pickLang(langFlag, io.env) ?? 'en';
  const t = translator(await loadMessages(lang));
  if (langFlag !== undefined && !normaliseLang(langFlag)) {
    return reportError(new ShopkeepError('usage', 'lang.unknown', { value: langFlag }), io.stderr, t, debug);
  }
  const ctx = new Ctx({ io, lang, t, prompter: deps.prompter ?? inquirerPrompter(io), now: deps.now ?? clock(io), openDb: openDatabase });
  try {
    const program = await buildProgram(ctx, argv);
    await program.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      if (error.code === 'commander.help' || error.code === 'commander.executeSubCommandAsync') return EXIT.usage;
      return reportError(translateCommanderError(error, argv), io.stderr, t, debug);
    }
    return reportError(error, io.stderr, t, debug || ctx.globals.debug);
  } finally {
    ctx.close();
  }
}
