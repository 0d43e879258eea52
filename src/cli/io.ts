/** The process's streams and environment, injected so verbs can be run in-process by tests. */
export interface Io {
  stdout: Sink;
  stderr: Sink;
  stdin: NodeJS.ReadableStream | null;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

export interface Sink {
  write(chunk: string | Uint8Array): unknown;
}

/** Colour only on a terminal, and never with NO_COLOR, TERM=dumb or --no-color. */
export function colorEnabled(io: Io, isTTY: boolean, noColorFlag: boolean): boolean {
  if (noColorFlag || !isTTY) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.env.TERM !== 'dumb';
}

/** Prompts need a person at both ends: stdin and stdout terminals, and no --no-input. */
export function canPrompt(io: Io, noInput: boolean): boolean {
  return !noInput && io.stdinIsTTY && io.stdoutIsTTY;
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}
