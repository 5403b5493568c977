// The response worker (a node:worker_threads thread): pretty-prints and indexes API answers (a
// streamed one chunk by chunk, as it arrives), and scans them for searches and fold ranges, so main
// keeps answering calls while a 50 MB body is worked on. Loaded from dist/main/response-worker.js
// when built (a vite entry of its own) and through response-worker-from-source.mjs under
// vitest/tsx. Imports only plain modules.
import { parentPort } from 'node:worker_threads';
import { handleJob } from './response-jobs';
import type { WorkerNotice, WorkerReply, WorkerRequest } from './response-worker-protocol';

const port = parentPort;
if (!port) throw new Error('response-worker.ts runs as a worker thread only');
port.on('message', ({ id, request }: { id?: number; request: WorkerRequest | WorkerNotice }) => {
  handleJob(id, request, (reply: WorkerReply) => port.postMessage(reply));
});
// Loaded and listening: main sends nothing (and transfers no body) before this.
port.postMessage({ ready: true });
