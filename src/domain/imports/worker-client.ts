import { on } from 'node:events';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Db } from '../../db/open.js';
import { ShopkeepError } from '../errors.js';
import type { Reading } from './parse-files.js';
import type { ImportOptions } from './run.js';
import type { Profile } from './types.js';
import { DryRun, type ImportResult, type UnitImport } from './unit-import.js';
import type { ProfileRef, SerializedError, WorkerJob, WorkerMessage } from './worker-protocol.js';

/** The worker's script beside the bundle, or null when running from sources. */
export function workerScript(): URL | null {
  for (const path of ['../import-worker.js', './import-worker.js']) {
    const url = new URL(path, import.meta.url);
    if (existsSync(url)) return url;
  }
  return null;
}

const refOf = (profile: Profile): ProfileRef => (profile.mapping ? { mapping: profile.mapping } : { id: profile.id });

function revive(e: SerializedError): Error {
  if ('kind' in e) return new ShopkeepError(e.kind, e.key, e.params, e.hint, e.details);
  const error = new Error(e.message);
  error.stack = e.stack;
  return error;
}

interface Prepared {
  total: number;
  ctx: WorkerJob['ctx'];
  start: () => UnitImport;
}

/**
 * One import with its files read in a worker thread: orders arrive in batches and are written here, in one
 * transaction opened on the worker's first "start" (and opened afresh if it starts again).
 */
export async function importUnitInWorker(db: Db, script: URL, unit: Reading[], prepared: Prepared, options: ImportOptions): Promise<ImportResult> {
  const control = new Int32Array(new SharedArrayBuffer(8));
  const job: WorkerJob = { inputs: unit.map((r) => r.input), profiles: unit.map((r) => refOf(r.profile)), ctx: prepared.ctx, control: control.buffer as SharedArrayBuffer };
  // A larger young generation: parsing makes millions of short-lived strings, and fewer scavenges cost less.
  const worker = new Worker(script, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
  worker.once('exit', (code) => worker.emit('error', new Error(`import worker exited (${code})`)));
  const rollback = () => db.inTransaction && db.exec('ROLLBACK');
  let run: UnitImport | null = null;
  let read = 0;
  try {
    for await (const [message] of on(worker, 'message') as AsyncIterable<[WorkerMessage]>) {
      if (message.type === 'start') {
        rollback();
        db.exec('BEGIN IMMEDIATE');
        run = prepared.start();
        read = 0;
      } else if (message.type === 'progress') {
        options.onProgress?.((read += message.bytes), prepared.total);
      } else if (message.type === 'orders') {
        for (const [hash, line, order] of JSON.parse(message.json) as [string, number, Parameters<UnitImport['apply']>[0]][]) {
          order.line = line;
          run!.apply(order, message.rejected, hash);
        }
        Atomics.add(control, 1, 1);
        Atomics.notify(control, 1);
      } else if (message.type === 'end') {
        const files = unit.map((r, i) => ({ file: r.file, profile: r.profile, ...message.files[i]! }) as Parameters<UnitImport['finish']>[0][number]);
        const result = run!.finish(files, message);
        db.exec('COMMIT');
        return result;
      } else {
        throw revive(message.error);
      }
    }
    throw new Error('import worker stopped');
  } catch (error) {
    rollback();
    if (error instanceof DryRun) return error.result;
    throw error;
  } finally {
    worker.removeAllListeners('exit');
    await worker.terminate();
  }
}
