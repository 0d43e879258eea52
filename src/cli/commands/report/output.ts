import { extname } from 'node:path';
import type { Ctx } from '../../context.js';
import { writeOutput } from '../../files.js';
import { render } from '../../render/index.js';
import type { Format, View } from '../../render/view.js';

/** The format: --format/--json when given, else from the -o file name, else table on a terminal, plain otherwise. */
export function outputFormat(ctx: Ctx, output: string | undefined): Format {
  if (ctx.globals.json || ctx.globals.format !== undefined || output === undefined || output === '-') return ctx.format();
  const ext = extname(output).toLowerCase();
  return ext === '.html' || ext === '.htm' ? 'html' : ext === '.md' ? 'md' : ext === '.json' ? 'json' : ext === '.csv' ? 'csv' : 'plain';
}

/** A report to stdout, or whole to -o FILE (through a temporary file and a rename) in the format its name says. */
export async function printReport(ctx: Ctx, view: View, output: string | undefined): Promise<void> {
  if (output === undefined || output === '-') return ctx.print(view);
  writeOutput(ctx, output, await render(view, outputFormat(ctx, output), false, false, ctx.lang));
  ctx.info(ctx.t('report.daily.wrote', { path: output }));
}
