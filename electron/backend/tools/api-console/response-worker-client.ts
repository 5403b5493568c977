// Main's side of the response worker: one thread, started on first use and unref'd (it never keeps
// the process alive), restarted if it dies. Requests are answered in order.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { WorkbenchError } from '../../../common/errors';
import type { IndexHead, WorkerAnswers, WorkerReply, WorkerRequest } from './response-worker-protocol';

export interface ResponseWorker {
  /** `onHead`: an index request's head, sent ahead of its answer. */
  run<K extends WorkerRequest['op']>(request: Extract<WorkerRequest, { op: K }>, transfer?: ArrayBuffer[], onHead?: (head: IndexHead) => void): Promise<WorkerAnswers[K]>;
  close(): Promise<void>;
}

/**
 * From source (this module is a .ts file) the worker runs through tsx; built, vite emits
 * response-worker.js as an entry next to main.js, and this code sits in main.js or in chunks/.
 */
function startWorker(): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    return new Worker(new URL('./response-worker-from-source.mjs', here), { workerData: { entry: new URL('./response-worker.ts', here).href } });
  }
  const candidates = ['./response-worker.js', '../response-worker.js'].map((relative) => new URL(relative, here));
  const found = candidates.find((url) => existsSync(url));
  if (!found) throw new WorkbenchError('INTERNAL', 'The response worker is missing from the build (response-worker.js).');
  return new Worker(found);
}

export function createResponseWorker(): ResponseWorker {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; onHead: ((head: IndexHead) => void) | undefined }>();

  const failAll = (message: string) => {
    for (const { reject } of pending.values()) reject(new WorkbenchError('INTERNAL', message));
    pending.clear();
  };

  const ensure = (): Worker => {
    if (worker) return worker;
    const started = startWorker();
    started.unref();
    started.on('message', (reply: WorkerReply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      if ('head' in reply) return void waiting.onHead?.(reply.head);
      pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(new WorkbenchError('INTERNAL', `The response could not be read: ${reply.message}`));
    });
    started.on('error', (error) => {
      if (worker === started) worker = null;
      failAll(`The response worker failed: ${error.message}`);
    });
    started.on('exit', () => {
      if (worker === started) worker = null;
      failAll('The response worker stopped.');
    });
    worker = started;
    return started;
  };

  return {
    run(request, transfer = [], onHead) {
      const id = nextId++;
      const target = ensure();
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onHead });
        target.postMessage({ id, request }, transfer);
      });
    },
    async close() {
      const running = worker;
      worker = null;
      if (running) await running.terminate();
    },
  };
}
