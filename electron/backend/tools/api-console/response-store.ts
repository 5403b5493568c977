// Recent response bodies, kept in main so a 50 MB answer never crosses to the renderer whole: the
// renderer asks for the lines it shows. A small LRU bounded by count and by total characters.
import { randomUUID } from 'node:crypto';
import { WorkbenchError } from '../../../common/errors';
import { foldRange } from './fold-range';
import { indexLines, searchLines, sliceLines, type LineIndex } from './line-index';

/**
 * Characters kept across stored bodies (and their lower-cased search copies): one 50 MB answer
 * pretty-prints to ~64 M characters, so this keeps it plus small ones, not several (each held
 * 50 MB answer costs main's heap 100–200 MB, and the garbage collector's pauses grow with it).
 * The newest body is always kept, whatever its size.
 */
export const MAX_STORED_CHARS = 100_000_000;
/** Bodies kept at most, whatever their size. */
const MAX_STORED_RESPONSES = 5;

interface Stored {
  /** Null until built: a JSON answer is printed after api.send has answered (see putPending). */
  index: LineIndex | null;
  build: (() => string) | null;
  lineCount: number;
  /** The text's length once built; until then the caller's estimate. */
  chars: number;
  lowered: string | null;
}

interface PendingBody {
  /** Makes the text; called once, on the first read or by settle(). */
  build: () => string;
  /** The line count the built text will have (it is handed out before the text exists). */
  lineCount: number;
  /** Characters the text will roughly take, for the budget until it is built. */
  estimatedChars: number;
}

interface ResponseStore {
  put(text: string): { responseId: string; index: LineIndex };
  /** Keeps a body whose text is made later (by settle() or the first lines/search). */
  putPending(body: PendingBody): { responseId: string };
  /** Builds a pending body now; a no-op for a built or no longer kept one. */
  settle(responseId: string): void;
  lines(responseId: string, start: number, count: number): { start: number; lines: string[]; totalLines: number };
  search(responseId: string, query: string, limit: number): { lines: number[]; truncated: boolean };
  /** The lines an object or array opened on `line` spans (fold-range.ts); null when it opens none. */
  fold(responseId: string, line: number): { start: number; end: number } | null;
  size(): number;
}

export function createResponseStore(options: { maxEntries?: number; maxChars?: number } = {}): ResponseStore {
  const maxEntries = options.maxEntries ?? MAX_STORED_RESPONSES;
  const maxChars = options.maxChars ?? MAX_STORED_CHARS;
  const entries = new Map<string, Stored>();

  const built = (stored: Stored): LineIndex => {
    if (stored.index) return stored.index;
    // Its line count equals the announced one (pretty-lines.ts; checked by test/unit/tools).
    const index = indexLines(stored.build!());
    // Dropped once built so the closure (and the parsed value it holds) can be collected.
    stored.build = null;
    stored.index = index;
    stored.lineCount = index.lineCount;
    stored.chars = index.text.length;
    return index;
  };

  const get = (responseId: string): Stored => {
    const stored = entries.get(responseId);
    if (!stored) throw new WorkbenchError('NOT_FOUND', 'That response is no longer kept (only the last few are). Send the request again.', { responseId });
    // Map order is insertion order: re-inserting marks it most recently used.
    entries.delete(responseId);
    entries.set(responseId, stored);
    return stored;
  };

  const total = () => [...entries.values()].reduce((sum, stored) => sum + stored.chars + (stored.lowered?.length ?? 0), 0);

  const add = (stored: Stored): string => {
    const responseId = `resp_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    entries.set(responseId, stored);
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    // Over the character budget: first drop the older bodies' search copies (remade on the next
    // search), then the least recently used bodies.
    for (const other of entries.values()) {
      if (total() <= maxChars) break;
      if (other !== stored) other.lowered = null;
    }
    while (entries.size > 1 && total() > maxChars) entries.delete(entries.keys().next().value as string);
    return responseId;
  };

  return {
    put(text) {
      const index = indexLines(text);
      const responseId = add({ index, build: null, lineCount: index.lineCount, chars: text.length, lowered: null });
      return { responseId, index };
    },
    putPending({ build, lineCount, estimatedChars }) {
      return { responseId: add({ index: null, build, lineCount, chars: estimatedChars, lowered: null }) };
    },
    settle(responseId) {
      const stored = entries.get(responseId);
      if (stored) built(stored);
    },
    lines(responseId, start, count) {
      const index = built(get(responseId));
      return { start, lines: sliceLines(index, start, count), totalLines: index.lineCount };
    },
    search(responseId, query, limit) {
      const stored = get(responseId);
      const index = built(stored);
      // The lower-cased copy is made once, on the first search of a response.
      stored.lowered ??= index.text.toLowerCase();
      return searchLines(index, query, limit, stored.lowered);
    },
    fold(responseId, line) {
      // Like lines/search: a pending JSON body is printed first (the scan needs the full text).
      return foldRange(built(get(responseId)), line);
    },
    size: () => entries.size,
  };
}
