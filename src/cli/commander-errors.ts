import type { CommanderError } from 'commander';
import { ShopkeepError } from '../domain/errors.js';
import type { MessageKey } from '../i18n/index.js';
import { commandWord } from './program.js';

const KEYS: Record<string, MessageKey> = {
  'commander.unknownOption': 'usage.unknownOption',
  'commander.unknownCommand': 'usage.unknownCommand',
  'commander.missingArgument': 'usage.missingArgument',
  'commander.optionMissingArgument': 'usage.optionMissingArgument',
  'commander.missingMandatoryOptionValue': 'usage.missingMandatoryOption',
  'commander.excessArguments': 'usage.excessArguments',
  'commander.invalidArgument': 'usage.invalidArgument',
  'commander.conflictingOption': 'usage.conflictingOption',
};

/** commander's messages are English only: re-say them in the user's language, keeping the names they quote. */
export function translateCommanderError(error: CommanderError, argv: readonly string[]): ShopkeepError {
  const quoted = [...error.message.matchAll(/'([^']+)'/g)].map((m) => m[1] ?? '');
  const name = quoted[0] ?? error.message.replace(/^error:\s*/, '');
  const word = commandWord(argv);
  const helpCommand = word ? `shopkeep ${word} --help` : 'shopkeep --help';
  return new ShopkeepError('usage', KEYS[error.code] ?? 'usage.generic', { name, message: error.message.replace(/^error:\s*/, '') }, {
    key: 'usage.seeHelp',
    params: { command: helpCommand },
  });
}
