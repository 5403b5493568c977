// Runs response-worker.ts from source (vitest, tsx): a worker thread does not inherit the parent's
// TypeScript loader, so this plain module registers tsx in the thread and imports the entry.
// The built app loads dist/main/response-worker.js directly and never uses this file.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
