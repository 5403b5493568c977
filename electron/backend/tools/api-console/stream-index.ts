// A body printed and indexed WHILE it arrives: each chunk is appended to the raw bytes and the
// re-indenter (json-reindent.ts) goes as far as the complete tokens go, so the first screenful is
// ready as soon as the chunk that completes it is in, long before the last byte. A body that breaks
// the JSON grammar (not JSON, an HTML page, a cut answer) turns into text, indexed as it came: the
// raw bytes are kept until the end for that reason. Runs in the response worker (or in main when the
// thread cannot start), one instance per body.
import { sliceLines, type ByteLines } from './byte-lines';
import { LF } from './json-bytes';
import { createReindenter, type Reindenter } from './json-reindent';
import type { IndexedBody, IndexHead, StreamProgress } from './response-worker-protocol';

export interface StreamIndex {
  push(chunk: Uint8Array): void;
  /**
   * The body has ended: the final print, in shared memory. `cut`: it stopped before its end (a
   * cancel, a dropped connection), and what came of a JSON body stays pretty up to its last
   * complete token; a body that ended on its own but is not one JSON value is text.
   */
  end(cut?: boolean): IndexedBody;
  /** Lines printed so far (the last one may be unfinished while the body arrives). */
  lines(start: number, count: number): { lines: string[]; totalLines: number };
}

export function createStreamIndex(options: { mayBeJson: boolean; firstLines: number; sizeHint: number | null; onHead: (head: IndexHead) => void; onProgress: (progress: StreamProgress) => void }): StreamIndex {
  const firstLines = Math.max(1, options.firstLines);
  let raw = new Uint8Array(Math.max(64 * 1024, options.sizeHint ?? 0));
  let received = 0;
  let reindenter: Reindenter | null = options.mayBeJson ? createReindenter({ write: true, sizeHint: options.sizeHint ?? 1024 * 1024 }) : null;
  // Text mode: line starts over the raw bytes, found as they arrive.
  let starts = new Uint32Array(1024);
  let textLines = 0;
  let scanned = 0;
  let headSent = false;

  const append = (chunk: Uint8Array) => {
    if (received + chunk.length > raw.length) {
      const grown = new Uint8Array(Math.max(raw.length * 2, received + chunk.length));
      grown.set(raw.subarray(0, received));
      raw = grown;
    }
    raw.set(chunk, received);
    received += chunk.length;
  };

  /** Text mode: a start after every line break seen so far (a trailing one is dropped at the end). */
  const indexText = () => {
    if (received > 0 && textLines === 0) textLines = 1;
    // Over the bytes received only (the buffer's spare room past them is zeros).
    const seen = raw.subarray(0, received);
    for (let at = seen.indexOf(LF, scanned); at !== -1; at = seen.indexOf(LF, at + 1)) {
      if (textLines + 1 > starts.length) {
        const grown = new Uint32Array(starts.length * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[textLines] = at + 1;
      textLines += 1;
    }
    scanned = received;
  };

  const current = (): ByteLines => {
    if (reindenter) {
      const printed = reindenter.printed();
      return { bytes: printed.bytes, starts: printed.starts, lineCount: printed.lineCount };
    }
    // The last start may sit at the very end (a line break last): no line there yet.
    const count = textLines > 0 && starts[textLines - 1] === received ? textLines - 1 : textLines;
    return { bytes: raw.subarray(0, received), starts: starts.subarray(0, count), lineCount: count };
  };

  const toText = () => {
    reindenter = null;
    indexText();
  };

  const head = (complete: boolean, body: ByteLines, meta: { nextCursor: string | null; errorMessage: string | null }) => {
    headSent = true;
    // For the store's budget: the print is ~1.3× the body, plus 4 bytes a line.
    const expected = complete ? body.bytes.length : Math.max(options.sizeHint ?? 0, received) * 1.4;
    options.onHead({ isJson: reindenter !== null, lineCount: body.lineCount, byteLength: Math.ceil(expected + body.lineCount * 4), firstLines: sliceLines(body, 0, firstLines), ...meta, complete });
  };

  return {
    push(chunk) {
      if (chunk.length === 0) return;
      append(chunk);
      if (reindenter && reindenter.feed(raw.subarray(0, received), false) === 'invalid') toText();
      else if (!reindenter) indexText();
      const lineCount = reindenter ? reindenter.lineCount : textLines;
      // A screenful once a line past it has started (the first `firstLines` are then complete).
      if (!headSent && lineCount > firstLines) head(false, current(), { nextCursor: null, errorMessage: null });
      options.onProgress({ lineCount: current().lineCount, isJson: reindenter !== null });
    },
    end(cut = false) {
      const final = cut ? 'more' : reindenter?.feed(raw.subarray(0, received), true);
      let body: ByteLines;
      let meta = { nextCursor: null as string | null, errorMessage: null as string | null };
      if (reindenter && (final === 'done' || (cut && received > 0))) {
        const printed = reindenter.printed();
        body = printed;
        meta = { nextCursor: printed.nextCursor, errorMessage: printed.errorMessage };
      } else {
        // Not JSON (or an unfinished one that ended on its own): the bytes as they came.
        toText();
        body = current();
      }
      // Into shared memory of exactly the printed size: main and later scans read it in place.
      const bytes = new SharedArrayBuffer(body.bytes.length);
      new Uint8Array(bytes).set(body.bytes);
      const startsShared = new SharedArrayBuffer(body.lineCount * 4);
      new Uint32Array(startsShared).set(body.starts.subarray(0, body.lineCount));
      const isJson = reindenter !== null;
      if (!headSent) head(true, body, meta);
      raw = new Uint8Array(0);
      reindenter = null;
      return { bytes, starts: startsShared, lineCount: body.lineCount, isJson, ...meta };
    },
    lines(start, count) {
      const body = current();
      return { lines: sliceLines(body, start, count), totalLines: body.lineCount };
    },
  };
}
