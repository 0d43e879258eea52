import { foundation } from './0001_foundation.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append-only: never edit a shipped migration; add the next number. */
export const migrations: readonly Migration[] = [foundation];

export const latestVersion = migrations.at(-1)?.version ?? 0;
