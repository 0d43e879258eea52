import type { Ctx } from './context.js';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const NONE: Progress = { update: () => undefined, stop: () => undefined };

const MB = 1024 * 1024;

/**
 * A progress bar on stderr (count, rate, time left) when a person is watching; nothing in a pipe or with --quiet.
 * In 'bytes' it counts megabytes of the input read.
 */
export async function progressBar(ctx: Ctx, label: string, unit: 'items' | 'bytes' = 'items'): Promise<Progress> {
  if (!ctx.io.stderrIsTTY || ctx.globals.quiet) return NONE;
  const { SingleBar, Presets } = await import('cli-progress');
  const format =
    unit === 'bytes'
      ? `${label} [{bar}] {percentage}% · {mb}/{totalMb} MB · {rate} MB/s · ETA {eta_formatted}`
      : `${label} [{bar}] {value}/{total} · {rate}/s · ETA {eta_formatted}`;
  const bar = new SingleBar({ format, stream: ctx.io.stderr as NodeJS.WritableStream, hideCursor: true, clearOnComplete: true, fps: 10 }, Presets.shades_classic);
  let started = false;
  const t0 = Date.now();
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0, { rate: '0', mb: '0', totalMb: (total / MB).toFixed(0) });
        started = true;
      }
      const seconds = (Date.now() - t0) / 1000;
      const rate = seconds > 0 ? done / seconds : 0;
      bar.update(done, unit === 'bytes' ? { rate: (rate / MB).toFixed(1), mb: (done / MB).toFixed(0), totalMb: (total / MB).toFixed(0) } : { rate: Math.round(rate) });
    },
    stop: () => started && bar.stop(),
  };
}
