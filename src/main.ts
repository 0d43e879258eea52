import { isatty } from 'node:tty';
import { runCli } from './cli/run.js';
import type { Io } from './cli/io.js';

// Reading from a closed pipe (`shopkeep … | head`) is not an error for the user.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

const io: Io = {
  stdout: process.stdout,
  stderr: process.stderr,
  get stdin() {
    return process.stdin;
  },
  stdinIsTTY: isatty(0),
  stdoutIsTTY: isatty(1),
  stderrIsTTY: isatty(2),
  env: process.env,
  cwd: process.cwd(),
};

process.exitCode = await runCli(process.argv.slice(2), { io });
