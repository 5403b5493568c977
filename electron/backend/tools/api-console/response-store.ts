// Recent response bodies, kept in main so a 50 MB answer never crosses to the renderer whole: the
// renderer asks for the lines it shows. A small LRU bounded by count and by total characters.
import { randomUUID } from 'node:crypto';
import { WorkbenchError } from '../../../common/errors';
import { indexLines, searchLines, sliceLines, type LineIndex } from './line-index';

interface Stored {
  index: LineIndex;
  lowered: string | null;
}

export interface ResponseStore {
  put(text: string): { responseId: string; index: LineIndex };
  lines(responseId: string, start: number, count: number): { start: number; lines: string[]; totalLines: number };
  search(responseId: string, query: string, limit: number): { lines: number[]; truncated: boolean };
  size(): number;
}

export function createResponseStore(options: { maxEntries?: number; maxChars?: number } = {}): ResponseStore {
  const maxEntries = options.maxEntries ?? 5;
  const maxChars = options.maxChars ?? 200_000_000;
  const entries = new Map<string, Stored>();

  const get = (responseId: string): Stored => {
    const stored = entries.get(responseId);
    if (!stored) throw new WorkbenchError('NOT_FOUND', 'That response is no longer kept (only the last few are). Send the request again.', { responseId });
    // Map order is insertion order: re-inserting marks it most recently used.
    entries.delete(responseId);
    entries.set(responseId, stored);
    return stored;
  };

  const total = () => [...entries.values()].reduce((sum, stored) => sum + stored.index.text.length + (stored.lowered?.length ?? 0), 0);

  return {
    put(text) {
      const responseId = `resp_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
      const index = indexLines(text);
      entries.set(responseId, { index, lowered: null });
      while (entries.size > 1 && (entries.size > maxEntries || total() > maxChars)) {
        const oldest = entries.keys().next().value as string;
        entries.delete(oldest);
      }
      return { responseId, index };
    },
    lines(responseId, start, count) {
      const { index } = get(responseId);
      return { start, lines: sliceLines(index, start, count), totalLines: index.lineCount };
    },
    search(responseId, query, limit) {
      const stored = get(responseId);
      // The lower-cased copy is made once, on the first search of a response.
      stored.lowered ??= stored.index.text.toLowerCase();
      return searchLines(stored.index, query, limit, stored.lowered);
    },
    size: () => entries.size,
  };
}
