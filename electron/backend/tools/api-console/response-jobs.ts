// The response worker's jobs as plain functions: printing and indexing a body, searching it,
// finding fold ranges. Run in the worker thread (response-worker.ts), or in main when the thread
// cannot start (response-worker-client.ts falls back to calling them directly).
import { foldRange, indexTextLines, countTextLines, searchLines, sliceLines, type ByteLines } from './byte-lines';
import { reindentJson, scanJson } from './json-reindent';
import type { IndexedBody, IndexHead, IndexRequest, SharedLines, WorkerRequest } from './response-worker-protocol';

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
    if (scanned && head) sendHead({ isJson: true, lineCount: scanned.lineCount, byteLength: scanned.byteLength + scanned.lineCount * 4, firstLines: sliceLines(head, 0, request.firstLines), nextCursor: scanned.nextCursor, errorMessage: scanned.errorMessage });
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
  sendHead({ isJson: false, lineCount, byteLength: input.length + lineCount * 4, firstLines: sliceLines(shared(indexed), 0, request.firstLines), nextCursor: null, errorMessage: null });
  return indexed;
}

export function runJob(request: WorkerRequest, sendHead: (head: IndexHead) => void): unknown {
  switch (request.op) {
    case 'index':
      return index(request, sendHead);
    case 'search':
      return searchLines(shared(request), request.query, request.limit);
    case 'fold':
      return foldRange(shared(request), request.line);
  }
}
