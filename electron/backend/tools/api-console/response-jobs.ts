// The response worker's jobs as plain functions: printing and indexing a body (whole, or streamed in
// chunks as it arrives), searching it, finding fold ranges. Run in the worker thread
// (response-worker.ts), or in main when the thread cannot start (response-worker-client.ts falls
// back to calling them directly): `handleJob` takes one message and posts its replies.
import { foldRange, indexTextLines, countTextLines, searchLines, sliceLines, type ByteLines } from './byte-lines';
import { reindentJson, scanJson } from './json-reindent';
import type { IndexedBody, IndexHead, IndexRequest, SharedLines, WorkerNotice, WorkerReply, WorkerRequest } from './response-worker-protocol';
import { createStreamIndex, type StreamIndex } from './stream-index';

function shared(lines: SharedLines): ByteLines {
  return { bytes: new Uint8Array(lines.bytes), starts: new Uint32Array(lines.starts), lineCount: lines.lineCount };
}

function index(request: IndexRequest, sendHead: (head: IndexHead) => void): IndexedBody {
  const input = new Uint8Array(request.body);
  if (request.mayBeJson) {
    // First a scan (validate, count, measure, read the meta: about a third of a full print) and the
    // first lines: api.send answers from them while the full print is made.
    const scanned = scanJson(input);
    const head = scanned && reindentJson(input, Math.max(1, request.firstLines));
    if (scanned && head) sendHead({ isJson: true, lineCount: scanned.lineCount, byteLength: scanned.byteLength + scanned.lineCount * 4, firstLines: sliceLines(head, 0, request.firstLines), nextCursor: scanned.nextCursor, errorMessage: scanned.errorMessage, complete: true });
    const printed = scanned && reindentJson(input);
    if (printed) {
      // Into shared memory of exactly the printed size: main and later scans read it in place.
      const bytes = new SharedArrayBuffer(printed.bytes.length);
      new Uint8Array(bytes).set(printed.bytes);
      const starts = new SharedArrayBuffer(printed.lineCount * 4);
      new Uint32Array(starts).set(printed.starts);
      return { bytes, starts, lineCount: printed.lineCount, isJson: true, nextCursor: printed.nextCursor, errorMessage: printed.errorMessage };
    }
  }
  // Shown as text, as it came (a cut or broken JSON answer is still worth reading).
  const bytes = new SharedArrayBuffer(input.length);
  new Uint8Array(bytes).set(input);
  const lineCount = countTextLines(input);
  const starts = new SharedArrayBuffer(lineCount * 4);
  indexTextLines(input, new Uint32Array(starts));
  const indexed: IndexedBody = { bytes, starts, lineCount, isJson: false, nextCursor: null, errorMessage: null };
  sendHead({ isJson: false, lineCount, byteLength: input.length + lineCount * 4, firstLines: sliceLines(shared(indexed), 0, request.firstLines), nextCursor: null, errorMessage: null, complete: true });
  return indexed;
}

/** Bodies still arriving, by stream number, with the id their final print answers. */
const streams = new Map<number, { id: number; index: StreamIndex }>();

const messageOf = (error: unknown) => (error instanceof Error ? error.message : 'the response worker failed');

/**
 * One message from main. Requests with an `id` are answered (the stream's `open` only once its
 * `end` is in); chunks and ends are notices. A failing stream answers its `open` with the error.
 */
export function handleJob(id: number | undefined, request: WorkerRequest | WorkerNotice, post: (reply: WorkerReply) => void): void {
  const answer = (work: () => unknown) => {
    if (id === undefined) return;
    try {
      post({ id, ok: true, value: work() });
    } catch (error) {
      post({ id, ok: false, message: messageOf(error) });
    }
  };
  switch (request.op) {
    case 'index':
      return answer(() => index(request, (head) => post({ id: id!, head })));
    case 'search':
      return answer(() => searchLines(shared(request), request.query, request.limit));
    case 'fold':
      return answer(() => foldRange(shared(request), request.line));
    case 'open': {
      const opened = id!;
      const index = createStreamIndex({
        mayBeJson: request.mayBeJson,
        firstLines: request.firstLines,
        sizeHint: request.sizeHint,
        onHead: (head) => post({ id: opened, head }),
        onProgress: (progress) => post({ id: opened, progress }),
      });
      streams.set(request.stream, { id: opened, index });
      return;
    }
    case 'chunk':
    case 'end': {
      const stream = streams.get(request.stream);
      if (!stream) return;
      try {
        if (request.op === 'chunk') return stream.index.push(new Uint8Array(request.body));
        streams.delete(request.stream);
        post({ id: stream.id, ok: true, value: stream.index.end(request.cut) });
      } catch (error) {
        streams.delete(request.stream);
        post({ id: stream.id, ok: false, message: messageOf(error) });
      }
      return;
    }
    case 'streamLines':
      // null once ended: main waits for the full print instead.
      return answer(() => streams.get(request.stream)?.index.lines(request.start, request.count) ?? null);
  }
}
