import { on } from 'node:events';
import { existsSync } from 'node:fs';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { Db } from '../../db/open.js';
import { threadStopped } from '../errors.js';
import type { Reading } from './parse-files.js';
import type { ImportOptions, PreparedUnit } from './run.js';
import type { Profile } from './types.js';
import { DryRun, PartialImport, type ImportResult, type UnitImport } from './unit-import.js';
import { reviveError, type ProfileRef, type WorkerJob, type WorkerMessage, type WriterJob, type WriterMessage } from './worker-protocol.js';

/** A script the bundle ships beside this one (`import-reader.js`, `import-writer.js`), or null when running from sources. */
export function bundledScript(name: string): URL | null {
  for (const path of [`../${name}`, `./${name}`]) {
    const url = new URL(path, import.meta.url);
    if (existsSync(url)) return url;
  }
  return null;
}

// Heaps kept small: V8 grows an idle-looking heap far beyond what a streaming import holds. A reader that must
// hold every order (a file that scatters an order's rows) gets V8's usual limits instead.
const READER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 };
const WRITER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 };

/** Worker messages as an async iterable; a worker that dies without saying why is an error. */
function messages<T>(worker: Worker): AsyncIterable<[T]> {
  worker.once('exit', (code) => worker.emit('error', threadStopped(code)));
  return on(worker, 'message') as AsyncIterable<[T]>;
}

async function stop(worker: Worker): Promise<void> {
  worker.removeAllListeners('exit');
  await worker.terminate();
}

const refOf = (profile: Profile): ProfileRef => (profile.mapping ? { mapping: profile.mapping } : { id: profile.id });

/**
 * One import with its files read in a worker thread: orders arrive in batches and are written here, in one
 * transaction opened on the reader's "start" (and opened afresh when a read starts again).
 */
export async function importUnitInWorker(db: Db, script: URL, unit: Reading[], prepared: PreparedUnit, options: ImportOptions): Promise<ImportResult> {
  const rollback = () => db.inTransaction && db.exec('ROLLBACK');
  try {
    const streamed = await readWith(db, script, unit, prepared, options, false);
    return streamed ?? (await readWith(db, script, unit, prepared, options, true))!;
  } catch (error) {
    rollback();
    if (error instanceof DryRun) return error.result;
    throw error;
  }
}

/** One reader thread's run: the import's result, or null when the file scatters an order's rows (read it again, buffered). */
async function readWith(db: Db, script: URL, unit: Reading[], prepared: PreparedUnit, options: ImportOptions, buffered: boolean): Promise<ImportResult | null> {
  const control = new Int32Array(new SharedArrayBuffer(8));
  const job: WorkerJob = { inputs: unit.map((r) => r.input), profiles: unit.map((r) => refOf(r.profile)), ctx: prepared.ctx, buffered, control: control.buffer as SharedArrayBuffer };
  const worker = new Worker(script, { workerData: job, resourceLimits: buffered ? undefined : READER_LIMITS });
  let run: UnitImport | null = null;
  let read = 0;
  let applied = 0;
  try {
    for await (const [message] of messages<WorkerMessage>(worker)) {
      if (message.type === 'start') {
        if (db.inTransaction) db.exec('ROLLBACK');
        db.exec('BEGIN IMMEDIATE');
        run = prepared.start();
        read = 0;
        applied = 0;
      } else if (message.type === 'progress') {
        options.onProgress?.((read += message.bytes), prepared.total, applied);
      } else if (message.type === 'orders') {
        for (const order of message.orders) run!.applySealed(order, message.rejected);
        applied += message.orders.length;
        options.onProgress?.(read, prepared.total, applied);
        Atomics.add(control, 1, 1);
        Atomics.notify(control, 1);
      } else if (message.type === 'end') {
        // The reader's heap goes before the writer finishes (a bulk load builds its indexes then).
        await stop(worker);
        const files = unit.map((r, i) => ({ file: r.file, profile: r.profile, ...message.files[i]! }) as Parameters<UnitImport['finish']>[0][number]);
        const result = run!.finish(files, message);
        db.exec('COMMIT');
        return result;
      } else if (message.type === 'scattered') {
        return null;
      } else {
        throw reviveError(message.error);
      }
    }
    throw new Error('import worker stopped');
  } finally {
    await stop(worker);
  }
}

/**
 * The whole import in a writer thread with its own connection to `job.db` (the reader threads under it), so
 * no heap in the process grows with the file; this thread only draws the progress bar.
 */
export async function importInWriter(script: URL, job: WriterJob, onProgress?: (done: number, total: number, orders: number) => void): Promise<ImportResult[]> {
  const worker = new Worker(script, { workerData: job, resourceLimits: WRITER_LIMITS });
  try {
    for await (const [message] of messages<WriterMessage>(worker)) {
      if (message.type === 'progress') onProgress?.(message.done, message.total, message.orders);
      else if (message.type === 'done' && message.error) throw new PartialImport(message.results, reviveError(message.error));
      else if (message.type === 'done') return message.results;
      else throw reviveError(message.error);
    }
    throw new Error('import writer stopped');
  } finally {
    await stop(worker);
  }
}
