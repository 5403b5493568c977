// Main's side of the response worker: one thread, started on first use and unref'd (it never keeps
// the process alive), restarted if it dies. Requests are answered in order. If the thread cannot
// start at all, the same jobs run in main (slower for big bodies, but the console keeps working).
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { WorkbenchError } from '../../../common/errors';
import { handleJob } from './response-jobs';
import type { IndexHead, StreamProgress, WorkerAnswers, WorkerNotice, WorkerReply, WorkerRequest } from './response-worker-protocol';

export interface ResponseWorker {
  /** `onHead`: an index or open request's head, sent ahead of its answer; `onProgress`: a stream's, after each chunk. */
  run<K extends WorkerRequest['op']>(request: Extract<WorkerRequest, { op: K }>, transfer?: ArrayBuffer[], onHead?: (head: IndexHead) => void, onProgress?: (progress: StreamProgress) => void): Promise<WorkerAnswers[K]>;
  /** A stream's chunk or end: no answer of its own; delivered in order with run()'s requests. */
  post(notice: WorkerNotice, transfer?: ArrayBuffer[]): void;
  close(): Promise<void>;
}

type Waiting = { resolve: (value: unknown) => void; reject: (error: Error) => void; onHead: ((head: IndexHead) => void) | undefined; onProgress: ((progress: StreamProgress) => void) | undefined };

/** One reply to its waiting request: a head or progress goes to its callback, an answer settles it. */
function deliver(pending: Map<number, Waiting>, reply: WorkerReply): void {
  const waiting = pending.get(reply.id);
  if (!waiting) return;
  if ('head' in reply) return void waiting.onHead?.(reply.head);
  if ('progress' in reply) return void waiting.onProgress?.(reply.progress);
  pending.delete(reply.id);
  if (reply.ok) waiting.resolve(reply.value);
  else waiting.reject(new WorkbenchError('INTERNAL', `The response could not be read: ${reply.message}`));
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

/** The jobs run in main, when the thread cannot start (a build without the worker file, say). */
function inMain(pending: Map<number, Waiting>): (id: number | undefined, request: WorkerRequest | WorkerNotice) => void {
  // A task of its own per message, as a message would be (in order): the caller's code after run() goes first.
  return (id, request) => setImmediate(() => handleJob(id, request, (reply) => deliver(pending, reply)));
}

export function createResponseWorker(options: { onFallback?: (reason: string) => void; start?: () => Worker } = {}): ResponseWorker {
  let worker: Promise<Worker | null> | null = null;
  let current: Worker | null = null;
  let fallback: ReturnType<typeof inMain> | null = null;
  let nextId = 1;
  const pending = new Map<number, Waiting>();

  const failAll = (message: string) => {
    for (const { reject } of pending.values()) reject(new WorkbenchError('INTERNAL', message));
    pending.clear();
  };

  /** The thread once it says it is ready; null (and the jobs run in main from then on) if it cannot start. */
  const ensure = (): Promise<Worker | null> => {
    if (worker) return worker;
    worker = new Promise((resolveReady) => {
      let started: Worker;
      let settled = false;
      const giveUp = (reason: string) => {
        if (settled) return;
        settled = true;
        fallback ??= inMain(pending);
        options.onFallback?.(reason);
        resolveReady(null);
      };
      try {
        started = (options.start ?? startWorker)();
      } catch (error) {
        giveUp(error instanceof Error ? error.message : 'the worker could not start');
        return;
      }
      let ready = false;
      started.unref();
      started.on('message', (reply: WorkerReply | { ready: true }) => {
        if ('ready' in reply) {
          ready = true;
          settled = true;
          current = started;
          resolveReady(started);
          return;
        }
        deliver(pending, reply);
      });
      const ended = (message: string) => {
        if (!ready) return giveUp(message);
        // A thread that dies after starting is started again on the next job.
        if (current === started) {
          current = null;
          worker = null;
        }
        failAll(message);
      };
      started.on('error', (error) => ended(`The response worker failed: ${error.message}`));
      started.on('exit', () => ended('The response worker stopped.'));
    });
    return worker;
  };

  return {
    run(request, transfer = [], onHead, onProgress) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        // Through ensure()'s promise, as post() does: messages leave in the order they were asked.
        void ensure().then((target) => {
          pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onHead, onProgress });
          if (target) target.postMessage({ id, request }, transfer);
          else fallback!(id, request);
        });
      });
    },
    post(notice, transfer = []) {
      void ensure().then((target) => {
        if (target) target.postMessage({ request: notice }, transfer);
        else fallback!(undefined, notice);
      });
    },
    async close() {
      const running = current;
      current = null;
      worker = null;
      if (running) await running.terminate();
    },
  };
}
