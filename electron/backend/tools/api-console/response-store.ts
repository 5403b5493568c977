// Recent response bodies, kept in main as bytes so a 50 MB answer never crosses to the renderer
// whole and never becomes millions of strings or a parsed object graph: the renderer asks for the
// lines it shows. Printing, indexing, search and fold scans run in the response worker; main only
// slices the lines asked for. A small LRU bounded by count and by total bytes.
import { randomUUID } from 'node:crypto';
import type { ApiSendInput } from '../../../common/contract';
import { WorkbenchError } from '../../../common/errors';
import type { ApiSendResult } from '../../../common/tools/tool-results';
import { sliceLines, type ByteLines } from './byte-lines';
import type { IndexedBody, IndexHead, SharedLines } from './response-worker-protocol';
import { createResponseWorker, type ResponseWorker } from './response-worker-client';

/**
 * Bytes kept across stored bodies: one 50 MB answer pretty-prints to ~64 MB (plus 4 bytes a line
 * for its index), so this keeps it plus small ones, not several. The newest body is always kept.
 */
export const MAX_STORED_BYTES = 100_000_000;
/**
 * Bodies kept at most, whatever their size: enough for a run across the most installs it takes (50)
 * plus the console's last few, so each run result opens its own answer (the byte bound still rules).
 */
const MAX_STORED_RESPONSES = 60;

export interface KeptBody extends ByteLines {
  isJson: boolean;
  nextCursor: string | null;
  errorMessage: string | null;
}

/** What the console shows of a kept answer besides its body: status, headers, and what was asked. */
export interface KeptAnswer {
  result: ApiSendResult;
  input: ApiSendInput;
  /** When the answer arrived (ms since the epoch). */
  receivedAt: number;
}

interface Stored {
  head: IndexHead;
  /** A streamed body still arriving: its number in the worker, and how far the print has got. */
  stream: { number: number; ended: boolean; lineCount: number; isJson: boolean } | null;
  answer: KeptAnswer | null;
  /** Null until the worker's full print has arrived. */
  body: KeptBody | null;
  shared: SharedLines | null;
  ready: Promise<Stored>;
}

export interface ResponseStore {
  /**
   * Hands a body to the worker, which prints (JSON, re-indented as typed) or indexes (text) it, and
   * keeps it. Resolves with the head (line count, first lines, meta) as soon as the worker has
   * scanned the body; the full print follows, and lines past the first page wait for it. The
   * body's memory is handed to the worker: the caller must not use `body` afterwards.
   */
  put(body: Uint8Array, mayBeJson: boolean, firstLines: number): Promise<{ responseId: string; head: IndexHead }>;
  /**
   * A body that is still arriving: chunks go to the worker as they come, and `head` resolves as soon
   * as the first screenful is printed (or at the end, for a shorter body). Lines printed so far can
   * be read meanwhile; search and fold wait for the end.
   */
  open(options: { mayBeJson: boolean; firstLines: number; sizeHint: number | null }): StreamSink;
  /** Where a streamed body has got (a whole one is complete from the start). */
  progress(responseId: string): { complete: boolean; lineCount: number; isJson: boolean; nextCursor: string | null; errorMessage: string | null };
  /** Resolves once the body is printed and indexed in full (rejects if that failed). */
  settled(responseId: string): Promise<void>;
  lines(responseId: string, start: number, count: number): Promise<{ start: number; lines: string[]; totalLines: number }>;
  search(responseId: string, query: string, limit: number): Promise<{ lines: number[]; truncated: boolean }>;
  /** The lines an object or array opened on `line` spans; null when it opens none. */
  fold(responseId: string, line: number): Promise<{ start: number; end: number } | null>;
  /** Keeps what the console shows with the body, so the answer can be opened again, read-only. */
  attach(responseId: string, answer: KeptAnswer): void;
  answer(responseId: string): KeptAnswer;
  size(): number;
  close(): Promise<void>;
}

export interface StreamSink {
  readonly responseId: string;
  /** Hands a chunk to the worker (its memory moves there when the view spans its whole buffer). */
  push(chunk: Uint8Array): void;
  /** No more chunks: the body ended, or was `cut` (failed, cancelled); what came is printed in full. */
  end(cut?: boolean): void;
  /** The first screenful (or the whole of a short body), with the line count so far. */
  readonly head: Promise<IndexHead>;
}

/** The body's own ArrayBuffer when it spans all of it (transferable as is), else a copy. */
function ownBuffer(body: Uint8Array): ArrayBuffer {
  if (body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer) return body.buffer;
  return body.slice().buffer;
}

function settle(stored: Stored, indexed: IndexedBody): Stored {
  stored.body = {
    bytes: new Uint8Array(indexed.bytes),
    starts: new Uint32Array(indexed.starts),
    lineCount: indexed.lineCount,
    isJson: indexed.isJson,
    nextCursor: indexed.nextCursor,
    errorMessage: indexed.errorMessage,
  };
  stored.shared = { bytes: indexed.bytes, starts: indexed.starts, lineCount: indexed.lineCount };
  return stored;
}

export function createResponseStore(options: { maxEntries?: number; maxBytes?: number; worker?: ResponseWorker } = {}): ResponseStore {
  const maxEntries = options.maxEntries ?? MAX_STORED_RESPONSES;
  const maxBytes = options.maxBytes ?? MAX_STORED_BYTES;
  const worker = options.worker ?? createResponseWorker();
  const entries = new Map<string, Stored>();
  let nextStream = 1;
  const newId = () => `resp_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  /** A new entry, most recent; older ones go past the count or byte bound. */
  const keep = (responseId: string, stored: Stored) => {
    entries.set(responseId, stored);
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    while (entries.size > 1 && total() > maxBytes) entries.delete(entries.keys().next().value as string);
  };

  const get = (responseId: string): Stored => {
    const stored = entries.get(responseId);
    if (!stored) throw new WorkbenchError('NOT_FOUND', 'That response is no longer kept (only the last few are). Send the request again.', { responseId });
    // Map order is insertion order: re-inserting marks it most recently used.
    entries.delete(responseId);
    entries.set(responseId, stored);
    return stored;
  };

  // The head says how big the full print will be, so a body counts from the start.
  const total = () => [...entries.values()].reduce((sum, stored) => sum + stored.head.byteLength, 0);

  return {
    put(body, mayBeJson, firstLines) {
      const buffer = ownBuffer(body);
      return new Promise((resolve, reject) => {
        let stored: Stored | null = null;
        const full = worker.run({ op: 'index', body: buffer, mayBeJson, firstLines }, [buffer], (head) => {
          const responseId = newId();
          stored = { head, stream: null, answer: null, body: null, shared: null, ready: full.then((indexed) => settle(stored!, indexed)) };
          // Awaited by lines/search/fold; a failure is theirs to report (and never unhandled).
          stored.ready.catch(() => undefined);
          keep(responseId, stored);
          resolve({ responseId, head });
        });
        // Failing before its head (the worker died): api.send fails. After it: lines etc. report it.
        full.catch((error: unknown) => {
          if (!stored) reject(error instanceof Error ? error : new Error(String(error)));
        });
      });
    },
    open({ mayBeJson, firstLines, sizeHint }) {
      const responseId = newId();
      const number = nextStream++;
      const stream = { number, ended: false, lineCount: 0, isJson: mayBeJson };
      let stored: Stored | null = null;
      let headArrived!: (head: IndexHead) => void;
      let headFailed!: (error: Error) => void;
      const head = new Promise<IndexHead>((resolve, reject) => {
        headArrived = resolve;
        headFailed = reject;
      });
      const full = worker.run(
        { op: 'open', stream: number, mayBeJson, firstLines, sizeHint },
        [],
        (first) => {
          stream.lineCount = first.lineCount;
          stream.isJson = first.isJson;
          stored = { head: first, stream, answer: null, body: null, shared: null, ready: full.then((indexed) => settle(stored!, indexed)) };
          stored.ready.catch(() => undefined);
          keep(responseId, stored);
          headArrived(first);
        },
        (progress) => {
          stream.lineCount = progress.lineCount;
          stream.isJson = progress.isJson;
        },
      );
      full.then(
        (indexed) => {
          stream.lineCount = indexed.lineCount;
          stream.isJson = indexed.isJson;
        },
        (error: unknown) => {
          if (!stored) headFailed(error instanceof Error ? error : new Error(String(error)));
        },
      );
      return {
        responseId,
        head,
        push(chunk) {
          if (stream.ended) return;
          const buffer = ownBuffer(chunk);
          worker.post({ op: 'chunk', stream: number, body: buffer }, [buffer]);
        },
        end(cut = false) {
          if (stream.ended) return;
          stream.ended = true;
          worker.post({ op: 'end', stream: number, cut });
        },
      };
    },
    progress(responseId) {
      const stored = get(responseId);
      const { body, stream, head } = stored;
      if (body) return { complete: true, lineCount: body.lineCount, isJson: body.isJson, nextCursor: body.nextCursor, errorMessage: body.errorMessage };
      if (stream) return { complete: false, lineCount: stream.lineCount, isJson: stream.isJson, nextCursor: null, errorMessage: null };
      return { complete: false, lineCount: head.lineCount, isJson: head.isJson, nextCursor: head.nextCursor, errorMessage: head.errorMessage };
    },
    async settled(responseId) {
      await get(responseId).ready;
    },
    async lines(responseId, start, count) {
      const stored = get(responseId);
      // Still arriving: the lines printed so far, read in the worker (null once it has ended there).
      if (!stored.body && stored.stream && !stored.stream.ended) {
        const sofar = await worker.run({ op: 'streamLines', stream: stored.stream.number, start, count });
        if (sofar) return { start, lines: sofar.lines, totalLines: sofar.totalLines };
      }
      // The first page is in the head: no need to wait for the full print.
      if (!stored.body && start >= 0 && start + count <= stored.head.firstLines.length) {
        return { start, lines: stored.head.firstLines.slice(start, start + count), totalLines: stored.head.lineCount };
      }
      const { body } = stored.body ? stored : await stored.ready;
      return { start, lines: sliceLines(body!, start, count), totalLines: body!.lineCount };
    },
    async search(responseId, query, limit) {
      const stored = get(responseId);
      const { shared } = stored.shared ? stored : await stored.ready;
      return worker.run({ op: 'search', ...shared!, query, limit });
    },
    async fold(responseId, line) {
      const stored = get(responseId);
      const { shared } = stored.shared ? stored : await stored.ready;
      return worker.run({ op: 'fold', ...shared!, line });
    },
    attach(responseId, answer) {
      get(responseId).answer = answer;
    },
    answer(responseId) {
      const { answer } = get(responseId);
      if (!answer) throw new WorkbenchError('NOT_FOUND', 'That response has no answer kept with it.', { responseId });
      return answer;
    },
    size: () => entries.size,
    close: () => worker.close(),
  };
}
