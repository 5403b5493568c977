// Lines of a kept response, fetched by window from main (api.responseLines) and cached by chunk, so
// a 50 MB body never crosses to the page whole: only the chunks around what is on screen do. While
// an answer is still arriving, a new cache is made at each progress step, keeping the whole chunks.
import { workbench } from '../../workbench/client';

export const CHUNK_LINES = 200;
/** Enough chunks for a long scroll back and forth; older ones are dropped (and fetched again if needed). */
const MAX_CHUNKS = 400;

export class ResponseLineCache {
  readonly #chunks = new Map<number, string[]>();
  readonly #pending = new Set<number>();
  #closed = false;
  /** Main no longer holds this response (it keeps the last five). */
  expired = false;

  /**
   * `previous`: the cache of the same answer a moment ago, while it was still arriving: its whole
   * chunks before the last line (which may have been unfinished) are kept, unless the answer has
   * turned from JSON to text (then every line changed).
   */
  constructor(
    readonly responseId: string,
    readonly totalLines: number,
    firstLines: string[],
    private readonly onLoaded: () => void,
    readonly isJson = true,
    previous?: ResponseLineCache,
  ) {
    if (previous && previous.responseId === responseId && previous.isJson === isJson) {
      for (const [chunk, lines] of previous.#chunks) {
        if (lines.length === CHUNK_LINES && (chunk + 1) * CHUNK_LINES < previous.totalLines) this.#chunks.set(chunk, lines);
      }
    }
    // The send result already holds the first 200 lines: chunk 0 when it is complete.
    if (firstLines.length >= Math.min(CHUNK_LINES, totalLines)) this.#chunks.set(0, firstLines.slice(0, CHUNK_LINES));
  }

  /** The line, or undefined while its chunk loads (the load is started here). */
  line(index: number): string | undefined {
    const chunk = Math.floor(index / CHUNK_LINES);
    const lines = this.#chunks.get(chunk);
    if (lines) {
      // Most recently used last, for the eviction below.
      this.#chunks.delete(chunk);
      this.#chunks.set(chunk, lines);
      return lines[index - chunk * CHUNK_LINES];
    }
    this.#load(chunk);
    return undefined;
  }

  /** Open while a view shows it (again after React's dev-mode remount), closed when it goes. */
  open(): void {
    this.#closed = false;
  }

  close(): void {
    this.#closed = true;
  }

  #load(chunk: number): void {
    if (this.#pending.has(chunk) || this.#closed) return;
    this.#pending.add(chunk);
    void workbench()
      .api.responseLines({ responseId: this.responseId, start: chunk * CHUNK_LINES, count: CHUNK_LINES })
      .then((result) => {
        this.#pending.delete(chunk);
        if (this.#closed) return;
        // An evicted response answers NOT_FOUND: its lines stay "…", the view says why.
        if (!result.ok) {
          if (result.error.code === 'NOT_FOUND' && !this.expired) {
            this.expired = true;
            this.onLoaded();
          }
          return;
        }
        this.#chunks.set(chunk, result.value.lines);
        while (this.#chunks.size > MAX_CHUNKS) this.#chunks.delete(this.#chunks.keys().next().value!);
        this.onLoaded();
      });
  }
}
