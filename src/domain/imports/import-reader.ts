import { parentPort, workerData } from 'node:worker_threads';
import { sealOrder, type SealedOrder } from './content-hash.js';
import { mappingProfile } from './mapping.js';
import { NotContiguous, readFiles, readOrders } from './parse-files.js';
import { PROFILES } from './profiles/index.js';
import type { Profile } from './types.js';
import { serializeError, type ProfileRef, type WorkerJob, type WorkerMessage } from './worker-protocol.js';

// The reading half of an import: decodes, parses and rebuilds orders while the main thread writes them.
const BATCH = 500;
const IN_FLIGHT = 4;

const job = workerData as WorkerJob;
const control = new Int32Array(job.control);
let posted = 0;

const post = (message: WorkerMessage) => parentPort!.postMessage(message);

/** Waits until the writer has applied all but a few batches, so memory stays small when writing is slower. */
function postOrders(orders: SealedOrder[], rejected: number): void {
  for (;;) {
    const applied = Atomics.load(control, 1);
    if (posted - applied < IN_FLIGHT) break;
    Atomics.wait(control, 1, applied);
  }
  post({ type: 'orders', orders, rejected });
  posted++;
}

const profileOf = (ref: ProfileRef): Profile => ('id' in ref ? PROFILES.find((p) => p.id === ref.id)! : mappingProfile(ref.mapping.json, ref.mapping.file));

try {
  const readings = job.inputs.flatMap((input, i) => readFiles([input], [profileOf(job.profiles[i]!)]));
  readOrders(
    readings,
    job.ctx,
    (orders, log) => {
      post({ type: 'start' });
      let batch: SealedOrder[] = [];
      for (const order of orders) {
        batch.push(sealOrder(order));
        if (batch.length >= BATCH) {
          postOrders(batch, log.rejected.length);
          batch = [];
        }
      }
      if (batch.length > 0) postOrders(batch, log.rejected.length);
      const files = readings.map(({ encoding, matched, of, rows, sha256 }) => ({ encoding, matched, of, rows, sha256 }));
      post({ type: 'end', files, rejected: log.rejected, warnings: log.warnings });
    },
    (bytes) => post({ type: 'progress', bytes }),
    job.buffered ? 'buffered' : 'stream-only',
  );
} catch (error) {
  post(error instanceof NotContiguous ? { type: 'scattered' } : { type: 'error', error: serializeError(error) });
}
