import type { Ctx } from './context.js';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const NONE: Progress = { update: () => undefined, stop: () => undefined };

/** A progress bar on stderr (count, rate, time left) when a person is watching; nothing in a pipe or with --quiet. */
export async function progressBar(ctx: Ctx, label: string): Promise<Progress> {
  if (!ctx.io.stderrIsTTY || ctx.globals.quiet) return NONE;
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = new SingleBar(
    { format: `${label} [{bar}] {value}/{total} · {rate}/s · ETA {eta_formatted}`, stream: ctx.io.stderr as NodeJS.WritableStream, hideCursor: true, clearOnComplete: true, fps: 10 },
    Presets.shades_classic,
  );
  let started = false;
  const t0 = Date.now();
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0, { rate: '0' });
        started = true;
      }
      const seconds = (Date.now() - t0) / 1000;
      bar.update(done, { rate: seconds > 0 ? Math.round(done / seconds) : 0 });
    },
    stop: () => started && bar.stop(),
  };
}
