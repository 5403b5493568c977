// Messages between main and the response worker (response-worker.ts). Bodies travel as transferred
// ArrayBuffers (no copy); printed bodies come back in SharedArrayBuffers that main and the worker
// both read, so a search or fold scan runs in the worker over the same memory main slices lines from.

export interface IndexRequest {
  op: 'index';
  /** The body as received; transferred to the worker (main no longer holds it). */
  body: ArrayBuffer;
  /** By content type or first character: try JSON first, fall back to text. */
  mayBeJson: boolean;
  /** Lines to send ahead in the head (the page api.send answers with). */
  firstLines: number;
}

/**
 * Sent ahead of the full print: what api.send answers with. The full print (IndexedBody) follows
 * as the request's answer.
 */
export interface IndexHead {
  isJson: boolean;
  lineCount: number;
  /** Bytes of the full print and its line index, for the store's budget. */
  byteLength: number;
  firstLines: string[];
  nextCursor: string | null;
  errorMessage: string | null;
}

export interface SharedLines {
  bytes: SharedArrayBuffer;
  starts: SharedArrayBuffer;
  lineCount: number;
}

export interface SearchRequest extends SharedLines {
  op: 'search';
  query: string;
  limit: number;
}

export interface FoldRequest extends SharedLines {
  op: 'fold';
  line: number;
}

export type WorkerRequest = IndexRequest | SearchRequest | FoldRequest;

export interface IndexedBody extends SharedLines {
  isJson: boolean;
  nextCursor: string | null;
  errorMessage: string | null;
}

export interface WorkerAnswers {
  index: IndexedBody;
  search: { lines: number[]; truncated: boolean };
  fold: { start: number; end: number } | null;
}

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string } | { id: number; head: IndexHead };
