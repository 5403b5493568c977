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
  /** False while a streamed body is still arriving: lineCount is what is printed so far. */
  complete: boolean;
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

/**
 * A body that is still arriving: `open` starts it (answered with the IndexedBody once `end` is in;
 * the head comes ahead as soon as the first screenful is printed, progress after each chunk), then
 * `chunk`s (no answer) in order, then `end`. `streamLines` reads what is printed so far.
 */
export interface OpenStreamRequest {
  op: 'open';
  stream: number;
  mayBeJson: boolean;
  firstLines: number;
  /** Content-Length when the server sent one (room reserved up front), else null. */
  sizeHint: number | null;
}

export interface ChunkRequest {
  op: 'chunk';
  stream: number;
  /** Transferred (main keeps no copy). */
  body: ArrayBuffer;
}

export interface EndStreamRequest {
  op: 'end';
  stream: number;
  /** The body stopped before its end (cancelled, the connection dropped): a JSON prefix stays pretty. */
  cut: boolean;
}

export interface StreamLinesRequest {
  op: 'streamLines';
  stream: number;
  start: number;
  count: number;
}

/** After each chunk: how far the print has got. */
export interface StreamProgress {
  lineCount: number;
  /** Still printed as JSON (a body that breaks the grammar turns to text). */
  isJson: boolean;
}

export type WorkerRequest = IndexRequest | SearchRequest | FoldRequest | OpenStreamRequest | StreamLinesRequest;
/** Requests that get no answer of their own. */
export type WorkerNotice = ChunkRequest | EndStreamRequest;

export interface IndexedBody extends SharedLines {
  isJson: boolean;
  nextCursor: string | null;
  errorMessage: string | null;
}

export interface WorkerAnswers {
  index: IndexedBody;
  search: { lines: number[]; truncated: boolean };
  fold: { start: number; end: number } | null;
  open: IndexedBody;
  /** null once the stream has ended (then the full print is on its way). */
  streamLines: { lines: string[]; totalLines: number } | null;
}

export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; message: string }
  | { id: number; head: IndexHead }
  | { id: number; progress: StreamProgress };
