// The response store keeps bodies as bytes, printed and indexed in a real worker thread (started
// from source here through response-worker-from-source.mjs), and evicts by count and by bytes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Worker } from 'node:worker_threads';
import { createResponseStore, MAX_STORED_BYTES, type ResponseStore } from '../../../electron/backend/tools/api-console/response-store';
import { createResponseWorker } from '../../../electron/backend/tools/api-console/response-worker-client';

const bytesOf = (text: string) => new TextEncoder().encode(text);
let store: ResponseStore | undefined;

afterEach(async () => {
  vi.restoreAllMocks();
  await store?.close();
  store = undefined;
});

describe('response store', () => {
  it('prints JSON in the worker, as typed, never through JSON.parse in main', async () => {
    store = createResponseStore();
    const parse = vi.spyOn(JSON, 'parse');
    const { responseId, head } = await store.put(bytesOf('{"a":[1.0,12345678901234567890],"b":"Text","meta":{"next_cursor":"c1"}}'), true, 200);
    expect(parse).not.toHaveBeenCalled();
    expect(head).toMatchObject({ isJson: true, lineCount: 10, nextCursor: 'c1', errorMessage: null });
    expect(await store.lines(responseId, 0, 20)).toEqual({
      start: 0,
      lines: ['{', '  "a": [', '    1.0,', '    12345678901234567890', '  ],', '  "b": "Text",', '  "meta": {', '    "next_cursor": "c1"', '  }', '}'],
      totalLines: 10,
    });
    expect(await store.search(responseId, 'TEXT', 5)).toEqual({ lines: [5], truncated: false });
    expect(await store.fold(responseId, 1)).toEqual({ start: 1, end: 4 });
    expect(await store.fold(responseId, 2)).toBeNull();
  });

  it('keeps broken JSON and other bodies as text, line breaks as they came', async () => {
    store = createResponseStore();
    const broken = await store.put(bytesOf('{"cut":'), true, 200);
    expect(broken.head.isJson).toBe(false);
    expect((await store.lines(broken.responseId, 0, 5)).lines).toEqual(['{"cut":']);
    const html = await store.put(bytesOf('<html>\r\n<body>é</body>\r\n</html>\n'), false, 200);
    expect(await store.lines(html.responseId, 0, 5)).toEqual({ start: 0, lines: ['<html>', '<body>é</body>', '</html>'], totalLines: 3 });
    const empty = await store.put(new Uint8Array(0), true, 200);
    expect(empty.head.lineCount).toBe(0);
  });

  it('takes the body from a view into a larger buffer without losing its neighbours', async () => {
    store = createResponseStore();
    const backing = bytesOf('xx[1,2]yy');
    const { responseId } = await store.put(backing.subarray(2, 7), true, 200);
    expect((await store.lines(responseId, 0, 5)).lines).toEqual(['[', '  1,', '  2', ']']);
    expect(new TextDecoder().decode(backing)).toBe('xx[1,2]yy');
  });

  it('keeps the last few responses and says when one is gone', async () => {
    store = createResponseStore({ maxEntries: 2 });
    const a = await store.put(bytesOf('a\nb'), false, 200);
    const b = await store.put(bytesOf('c'), false, 200);
    await store.lines(a.responseId, 0, 1); // a is now the most recent
    await store.put(bytesOf('d'), false, 200);
    expect(store.size()).toBe(2);
    expect((await store.lines(a.responseId, 0, 5)).lines).toEqual(['a', 'b']);
    await expect(store.lines(b.responseId, 0, 1)).rejects.toThrow(/no longer kept/);
    await expect(store.search(b.responseId, 'c', 1)).rejects.toThrow(/no longer kept/);
    await expect(store.fold(b.responseId, 0)).rejects.toThrow(/no longer kept/);
  });

  it('keeps at most 100 MB by default: one big answer plus small ones, never less than the newest', async () => {
    expect(MAX_STORED_BYTES).toBe(100_000_000);
    // Budget counts the printed bytes and 4 bytes a line of index.
    store = createResponseStore({ maxBytes: 100 });
    const big = await store.put(bytesOf('b'.repeat(56)), false, 200); // 60
    const small = await store.put(bytesOf('s'.repeat(26)), false, 200); // 30
    expect(store.size()).toBe(2);
    await store.lines(small.responseId, 0, 1);
    const other = await store.put(bytesOf('o'.repeat(26)), false, 200);
    expect(store.size()).toBe(2);
    await expect(store.lines(big.responseId, 0, 1)).rejects.toThrow(/no longer kept/);
    expect((await store.lines(other.responseId, 0, 1)).lines).toEqual(['o'.repeat(26)]);
    const huge = await store.put(bytesOf('h'.repeat(500)), false, 200);
    expect(store.size()).toBe(1);
    expect((await store.lines(huge.responseId, 0, 1)).totalLines).toBe(1);
  });

  it('answers with the head (count, first page, meta) before the full print; later lines wait for it', async () => {
    store = createResponseStore();
    const text = `{"data":[${Array.from({ length: 300 }, (_, i) => `{"id":${i},"n":${i}.0}`).join(',')}],"meta":{"next_cursor":"n2"}}`;
    const { responseId, head } = await store.put(bytesOf(text), true, 5);
    expect(head).toMatchObject({ isJson: true, lineCount: 300 * 4 + 7, nextCursor: 'n2', firstLines: ['{', '  "data": [', '    {', '      "id": 0,', '      "n": 0.0'] });
    expect(await store.lines(responseId, 1, 2)).toEqual({ start: 1, lines: ['  "data": [', '    {'], totalLines: 1207 });
    const tail = await store.lines(responseId, 1203, 10);
    expect(tail).toEqual({ start: 1203, lines: ['  "meta": {', '    "next_cursor": "n2"', '  }', '}'], totalLines: 1207 });
  });

  it('answers lines of a kept body while a large one is being indexed in the worker', async () => {
    store = createResponseStore();
    const small = await store.put(bytesOf('{"ok":true}'), true, 200);
    const item = '{"id":1,"subject":"A fairly ordinary ticket subject","tags":["a","b"],"customer":{"email":"x@example.com"}}';
    const large = bytesOf(`{"data":[${Array.from({ length: 60_000 }, () => item).join(',')}]}`);
    const order: string[] = [];
    const indexing = store.put(large, true, 200).then((kept) => {
      order.push('large indexed');
      return kept;
    });
    await new Promise((resolve) => setImmediate(resolve));
    // The large body was handed to the worker: main no longer holds its bytes.
    expect(large.byteLength).toBe(0);
    expect((await store.lines(small.responseId, 0, 3)).lines).toEqual(['{', '  "ok": true', '}']);
    order.push('small answered');
    const kept = await indexing;
    expect(order).toEqual(['small answered', 'large indexed']);
    expect(kept.head.lineCount).toBe(2 + 60_000 * 11 + 2);
    const hit = await store.search(kept.responseId, '"EMAIL"', 2);
    expect(hit).toEqual({ lines: [10, 21], truncated: true });
    expect((await store.lines(kept.responseId, 10, 1)).lines).toEqual(['        "email": "x@example.com"']);
  });

  it('runs the same jobs in main when the worker thread cannot start, so the console keeps working', async () => {
    for (const start of [
      () => {
        throw new Error('response-worker.js is missing');
      },
      () => new Worker('throw new Error("cannot load")', { eval: true }),
    ]) {
      const reasons: string[] = [];
      store = createResponseStore({ worker: createResponseWorker({ start, onFallback: (reason) => reasons.push(reason) }) });
      const { responseId, head } = await store.put(bytesOf('{"a":[1.0,"x"]}'), true, 200);
      expect(reasons).toHaveLength(1);
      expect(head).toMatchObject({ isJson: true, lineCount: 6 });
      expect((await store.lines(responseId, 0, 10)).lines).toEqual(['{', '  "a": [', '    1.0,', '    "x"', '  ]', '}']);
      expect(await store.search(responseId, '"X"', 5)).toEqual({ lines: [3], truncated: false });
      expect(await store.fold(responseId, 1)).toEqual({ start: 1, end: 4 });
      // A streamed body too: chunks, lines so far, the end.
      const sink = store.open({ mayBeJson: true, firstLines: 2, sizeHint: null });
      sink.push(bytesOf('{"b":[12345678901234567890,'));
      sink.push(bytesOf('2.50,3'));
      const first = await sink.head;
      expect(first).toMatchObject({ isJson: true, complete: false, firstLines: ['{', '  "b": ['] });
      expect((await store.lines(sink.responseId, 0, 10)).lines).toEqual(['{', '  "b": [', '    12345678901234567890,', '    2.50,', '    ']);
      sink.push(bytesOf(']}'));
      sink.end();
      await store.settled(sink.responseId);
      expect(store.progress(sink.responseId)).toMatchObject({ complete: true, isJson: true, lineCount: 7 });
      expect((await store.lines(sink.responseId, 0, 10)).lines).toEqual(['{', '  "b": [', '    12345678901234567890,', '    2.50,', '    3', '  ]', '}']);
      await store.close();
      store = undefined;
    }
  });

  it('a streamed body whose worker dies mid-way fails its wait, and the next body gets a new worker', async () => {
    let thread: Worker | undefined;
    const source = new URL('../../../electron/backend/tools/api-console/response-worker-from-source.mjs', import.meta.url);
    const entry = new URL('../../../electron/backend/tools/api-console/response-worker.ts', import.meta.url).href;
    store = createResponseStore({ worker: createResponseWorker({ start: () => (thread = new Worker(source, { workerData: { entry } })) }) });
    const sink = store.open({ mayBeJson: true, firstLines: 2, sizeHint: null });
    sink.push(bytesOf('[1,2,3,'));
    expect((await sink.head).complete).toBe(false);
    const waiting = store.settled(sink.responseId);
    await thread!.terminate();
    await expect(waiting).rejects.toThrow(/stopped/);
    const next = await store.put(bytesOf('[4]'), true, 200);
    expect((await store.lines(next.responseId, 0, 5)).lines).toEqual(['[', '  4', ']']);
  });
});
