import type { Io } from './io.js';

export interface Choice<T extends string> {
  value: T;
  name: string;
}

/** What verbs ask of a person. The real one runs inquirer on stderr so stdout stays pure data. */
export interface Prompter {
  input(message: string, options?: { default?: string; validate?: (value: string) => string | true }): Promise<string>;
  select<T extends string>(message: string, choices: Choice<T>[], defaultValue?: T): Promise<T>;
  confirm(message: string, defaultValue?: boolean): Promise<boolean>;
}

export function inquirerPrompter(io: Io): Prompter {
  const context = () => ({ input: io.stdin as NodeJS.ReadStream, output: io.stderr as NodeJS.WriteStream, clearPromptOnDone: false });
  return {
    async input(message, options = {}) {
      const { input } = await import('@inquirer/prompts');
      return input({ message, default: options.default, validate: options.validate }, context());
    },
    async select(message, choices, defaultValue) {
      const { select } = await import('@inquirer/prompts');
      return select({ message, choices, default: defaultValue }, context());
    },
    async confirm(message, defaultValue = false) {
      const { confirm } = await import('@inquirer/prompts');
      return confirm({ message, default: defaultValue }, context());
    },
  };
}
