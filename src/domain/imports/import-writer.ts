import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/open.js';
import { mappingProfile } from './mapping.js';
import { importOrderFilesInWorker } from './run.js';
import { PartialImport } from './unit-import.js';
import { serializeError, type WriterJob, type WriterMessage } from './worker-protocol.js';

// The writing half of an import, in its own thread with its own connection: see importInWriter.
const PROGRESS_EVERY_MS = 100;

const job = workerData as WriterJob;
const post = (message: WriterMessage) => parentPort!.postMessage(message);
let shown = 0;

try {
  const db = openDatabase(job.db);
  try {
    const mapping = job.options.mapping ? mappingProfile(job.options.mapping.json, job.options.mapping.file) : undefined;
    const onProgress = (done: number, total: number, orders: number) => {
      if (Date.now() - shown < PROGRESS_EVERY_MS && done < total) return;
      shown = Date.now();
      post({ type: 'progress', done, total, orders });
    };
    try {
      post({ type: 'done', results: await importOrderFilesInWorker(db, job.inputs, { ...job.options, mapping, onProgress }, job.now) });
    } catch (error) {
      if (!(error instanceof PartialImport)) throw error;
      post({ type: 'done', results: error.results, error: serializeError(error.failure) });
    }
  } finally {
    db.close();
  }
} catch (error) {
  post({ type: 'error', error: serializeError(error) });
}
