/**
 * The scheduler in a worker thread (see solver.ts): takes `{ instance, options }` as workerData,
 * posts `{ ok: true, result }` or `{ ok: false, error }` and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Instance } from '../../../domain/partnering/instance';
import { schedule, type ScheduleOptions } from '../../../domain/partnering/schedule';

const { instance, options } = workerData as { instance: Instance; options: ScheduleOptions };
try {
  parentPort!.postMessage({ ok: true, result: schedule(instance, options) });
} catch (error) {
  parentPort!.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
}
