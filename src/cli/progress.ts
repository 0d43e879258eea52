import type { Ctx } from './context.js';

export interface Progress {
  /** `count`: in 'bytes', the rows (orders) done so far, shown with their rate beside the megabytes. */
  update(done: number, total: number, count?: number): void;
  stop(): void;
}

const NONE: Progress = { update: () => undefined, stop: () => undefined };

const MB = 1024 * 1024;

/**
 * A progress bar on stderr (count, rate, time left) when a person is watching; nothing in a pipe or with --quiet.
 * In 'bytes' the bar and the time left follow the megabytes of input read (a streamed file's rows are not known
 * ahead), beside the rows done and their rate, named by `rows` ("orders").
 */
export async function progressBar(ctx: Ctx, label: string, unit: 'items' | 'bytes' = 'items', rows = ''): Promise<Progress> {
  if (!ctx.io.stderrIsTTY || ctx.globals.quiet) return NONE;
  const { SingleBar, Presets } = await import('cli-progress');
  const format =
    unit === 'bytes'
      ? `${label} [{bar}] {percentage}% · {count} ${rows} · {countRate}/s · {mb}/{totalMb} MB · ETA {eta_formatted}`
      : `${label} [{bar}] {value}/{total} · {rate}/s · ETA {eta_formatted}`;
  const bar = new SingleBar({ format, stream: ctx.io.stderr as NodeJS.WritableStream, hideCursor: true, clearOnComplete: true, fps: 10 }, Presets.shades_classic);
  let started = false;
  const t0 = Date.now();
  return {
    update(done, total, count = 0) {
      if (!started) {
        bar.start(total, 0, { rate: '0', count: '0', countRate: '0', mb: '0', totalMb: (total / MB).toFixed(0) });
        started = true;
      }
      const seconds = (Date.now() - t0) / 1000;
      const rate = seconds > 0 ? done / seconds : 0;
      const bytes = { count: count.toLocaleString('en'), countRate: Math.round(seconds > 0 ? count / seconds : 0).toLocaleString('en'), mb: (done / MB).toFixed(0), totalMb: (total / MB).toFixed(0) };
      bar.update(done, unit === 'bytes' ? bytes : { rate: Math.round(rate) });
    },
    stop: () => started && bar.stop(),
  };
}
