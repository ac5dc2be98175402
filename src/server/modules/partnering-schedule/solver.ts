/**
 * Runs the scheduler off the main thread, so the server keeps answering while it searches (it
 * may take up to two minutes). The worker is a TypeScript file: the server runs under
 * `node --import tsx`, but a worker does not get
 * that loader by inheritance, so the bootstrap registers tsx's loader in the worker first (under
 * vitest too). PARTNERING_SOLVE_IN_PROCESS=1 solves on the calling thread instead.
 */
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Instance } from '../../../domain/partnering/instance';
import type { ScheduleResult } from '../../../domain/partnering/result';
import { schedule, type ScheduleOptions } from '../../../domain/partnering/schedule';

const workerFile = pathToFileURL(fileURLToPath(new URL('./solve.worker.ts', import.meta.url))).href;

function tsxApi(): string {
  // require.resolve gives the CommonJS entry; the ESM one sits next to it.
  const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
  return pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href;
}

// The worker registers tsx's loader for .ts (harmless when inherited), then loads the worker file.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((api) => { api.register(); return import(workerData.file); });
`;

export function solveInProcess(): boolean {
  return process.env.PARTNERING_SOLVE_IN_PROCESS === '1';
}

/** The scheduler's result for a checked instance, computed in a worker thread. */
export async function solve(instance: Instance, options: ScheduleOptions, mode: 'worker' | 'in-process' = solveInProcess() ? 'in-process' : 'worker'): Promise<ScheduleResult> {
  if (mode === 'in-process') return schedule(instance, options);
  return new Promise<ScheduleResult>((resolve, reject) => {
    let settled = false;
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { file: workerFile, tsx: tsxApi(), instance, options } });
    worker.once('message', (message: { ok: true; result: ScheduleResult } | { ok: false; error: string }) => {
      settled = true;
      if (message.ok) resolve(message.result);
      else reject(new Error(message.error));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the scheduler's worker stopped (exit code ${code}) without an answer`));
    });
  });
}
