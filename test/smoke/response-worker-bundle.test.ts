// The BUILT response worker (dist/main/response-worker.js, a vite entry of its own; run `npx vite
// build` first) loads as a plain worker thread and prints a body as typed: the file main starts.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

const built = fileURLToPath(new URL('../../dist/main/response-worker.js', import.meta.url));

describe('the built response worker', () => {
  it('is emitted next to main.js and re-indents JSON without rewriting numbers', async () => {
    expect(existsSync(built)).toBe(true);
    const worker = new Worker(built);
    try {
      const body = new TextEncoder().encode('{"a":[1.0,12345678901234567890]}').buffer;
      const reply = await new Promise<{ ok: boolean; value: { bytes: SharedArrayBuffer; lineCount: number; isJson: boolean } }>((resolve, reject) => {
        // The head (first lines, count) comes ahead of the answer: wait for the answer.
        worker.on('message', (message: { ok?: boolean }) => {
          if ('ok' in message) resolve(message as never);
        });
        worker.once('error', reject);
        worker.postMessage({ id: 1, request: { op: 'index', body, mayBeJson: true, firstLines: 2 } }, [body]);
      });
      expect(reply.ok).toBe(true);
      expect(reply.value.isJson).toBe(true);
      expect(new TextDecoder().decode(new Uint8Array(reply.value.bytes))).toBe('{\n  "a": [\n    1.0,\n    12345678901234567890\n  ]\n}');
    } finally {
      await worker.terminate();
    }
  });
});
