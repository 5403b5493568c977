// The response body, virtualised: a scroll container with a spacer as tall as every line, and only
// the visible lines (plus an overscan) in the DOM, fetched by window from main. A 50 MB answer
// (millions of lines) scrolls like a small one. Heights and offsets are set through the CSSOM
// (element.style), which the page's CSP allows; inline style attributes it forbids.
// Objects and arrays fold: main finds the closing line (api.responseFold), fold-map.ts maps visual
// rows to real lines, and the spacer is as tall as the visible rows only.
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { ApiSendResult } from '../../../../electron/common/tools/tool-results';
import { workbench } from '../../workbench/client';
import { FoldMap } from './fold-map';
import { ResponseLineCache } from './response-lines';
import { ResponseSearch } from './response-search';

/** Must match .json-line's height in api-console.css. */
export const LINE_HEIGHT = 18;
const OVERSCAN = 30;
/** Browsers cap an element's height (Chromium near 33.5 M px): beyond this the scroll is scaled. */
const MAX_SCROLL_PX = 8_000_000;

interface Layout {
  start: number;
  end: number;
  /** Where the first rendered line sits, in the container's real pixels. */
  top: number;
}

/** A line that opens an object or array (pretty JSON ends it with the bracket). */
const opensContainer = (text: string) => text.endsWith('{') || text.endsWith('[');

const NO_FOLDS: ReadonlyMap<number, number> = new Map();

function layoutFor(scrollTop: number, viewport: number, totalLines: number): Layout & { ratio: number } {
  const virtual = totalLines * LINE_HEIGHT;
  const real = Math.min(virtual, MAX_SCROLL_PX);
  const ratio = virtual > real && real > viewport ? (virtual - viewport) / (real - viewport) : 1;
  const virtualTop = scrollTop * ratio;
  const first = Math.min(Math.max(0, Math.floor(virtualTop / LINE_HEIGHT)), Math.max(0, totalLines - 1));
  const offset = virtualTop - first * LINE_HEIGHT;
  const start = Math.max(0, first - OVERSCAN);
  const end = Math.min(totalLines, first + Math.ceil(viewport / LINE_HEIGHT) + OVERSCAN);
  return { start, end, top: scrollTop - offset - (first - start) * LINE_HEIGHT, ratio };
}

export function JsonView({ result }: { result: ApiSendResult }) {
  const [, loaded] = useReducer((count: number) => count + 1, 0);
  // While the answer arrives the count grows: each new cache keeps the previous one's whole chunks.
  const previous = useRef<ResponseLineCache | undefined>(undefined);
  const cache = useMemo(
    () => new ResponseLineCache(result.responseId, result.totalLines, result.firstLines, loaded, result.isJson, previous.current),
    [result.responseId, result.totalLines, result.firstLines, result.isJson],
  );
  useEffect(() => {
    previous.current = cache;
  }, [cache]);
  useEffect(() => {
    cache.open();
    return () => cache.close();
  }, [cache]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const spacerRef = useRef<HTMLDivElement>(null);
  const linesRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(480);
  const [matches, setMatches] = useState<{ lines: number[]; current: number }>({ lines: [], current: -1 });
  // Every collapsed range by its opening line (nested ones kept, so they reopen folded), per response.
  const [folds, setFolds] = useState<{ responseId: string; collapsed: ReadonlyMap<number, number> }>({ responseId: result.responseId, collapsed: NO_FOLDS });
  const collapsed = folds.responseId === result.responseId ? folds.collapsed : NO_FOLDS;
  const foldMap = useMemo(() => new FoldMap(collapsed, result.totalLines), [collapsed, result.totalLines]);
  /** A real line to scroll to once the spacer fits the fold state it was asked under. */
  const [pendingJump, setPendingJump] = useState<number | null>(null);
  const folding = useRef(new Set<number>());

  const layout = layoutFor(scrollTop, viewport, foldMap.visibleLines);

  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    setViewport(scroller.clientHeight);
    const observer = new ResizeObserver(() => setViewport(scroller.clientHeight));
    observer.observe(scroller);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    spacerRef.current?.style.setProperty('height', `${Math.min(foldMap.visibleLines * LINE_HEIGHT, MAX_SCROLL_PX)}px`);
  }, [foldMap]);

  useLayoutEffect(() => {
    linesRef.current?.style.setProperty('transform', `translateY(${layout.top}px)`);
  }, [layout.top]);

  // A new response starts at its top, with no matches.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
    setScrollTop(0);
    setMatches({ lines: [], current: -1 });
    setFolds({ responseId: result.responseId, collapsed: NO_FOLDS });
    setPendingJump(null);
  }, [result.responseId]);

  // Runs after the spacer's effect above, so the scroll lands in a spacer of the right height.
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (pendingJump === null || !scroller) return;
    const row = foldMap.visualRow(pendingJump);
    const virtualTarget = Math.max(0, row * LINE_HEIGHT - scroller.clientHeight / 3);
    const { ratio } = layoutFor(0, scroller.clientHeight, foldMap.visibleLines);
    scroller.scrollTop = virtualTarget / ratio;
    setScrollTop(scroller.scrollTop);
    setPendingJump(null);
  }, [pendingJump, foldMap]);

  /** Scrolls to a real line, first opening every collapsed range that hides it. */
  const jumpTo = useCallback(
    (line: number) => {
      const revealed = foldMap.revealing(line);
      if (revealed) setFolds({ responseId: result.responseId, collapsed: revealed });
      setPendingJump(line);
    },
    [foldMap, result.responseId],
  );

  const toggleFold = useCallback(
    (line: number) => {
      if (collapsed.has(line)) {
        const next = new Map(collapsed);
        next.delete(line);
        setFolds({ responseId: result.responseId, collapsed: next });
        return;
      }
      // One question per line at a time; main prints a pending body first, so this may take a moment.
      if (folding.current.has(line)) return;
      folding.current.add(line);
      const responseId = result.responseId;
      void workbench()
        .api.responseFold({ responseId, line })
        .then((answer) => {
          folding.current.delete(line);
          if (!answer.ok || !answer.value) return;
          const { start, end } = answer.value;
          setFolds((current) => {
            // An answer about a response no longer shown changes nothing.
            if (current.responseId !== responseId) return current;
            const next = new Map(current.collapsed);
            next.set(start, end);
            return { responseId, collapsed: next };
          });
        });
    },
    [collapsed, result.responseId],
  );

  const matchSet = useMemo(() => new Set(matches.lines), [matches.lines]);
  const currentLine = matches.lines[matches.current];

  const rows = [];
  for (let row = layout.start; row < layout.end; row++) {
    const index = foldMap.realLine(row);
    const text = cache.line(index);
    let className = 'json-line';
    if (text === undefined) className += ' json-line--loading';
    if (matchSet.has(index)) className += index === currentLine ? ' json-line--match json-line--current' : ' json-line--match';
    // Folds are found over the whole body: offered once it is all in.
    const foldable = result.isJson && !result.receiving && text !== undefined && opensContainer(text);
    const foldEnd = collapsed.get(index);
    const isFolded = foldEnd !== undefined;
    rows.push(
      <div key={index} className={className} data-line={index + 1}>
        <span className="json-line__number" aria-hidden="true">{index + 1}</span>
        <span className="json-line__fold">
          {foldable && (
            <button
              type="button"
              className="json-line__toggle"
              aria-label={`${isFolded ? 'Expand' : 'Collapse'} line ${index + 1}`}
              aria-expanded={!isFolded}
              onClick={() => toggleFold(index)}
            >
              {isFolded ? '▸' : '▾'}
            </button>
          )}
        </span>
        <span className="json-line__text">{text ?? '…'}</span>
        {isFolded && <span className="json-line__folded">… {(foldEnd - index).toLocaleString()} lines</span>}
      </div>,
    );
  }

  return (
    <div className="json-view">
      <div className="json-view__bar">
        <span className="json-view__total" role="status" aria-live="polite">
          {result.receiving ? (
            <>
              {result.totalLines.toLocaleString()} {result.totalLines === 1 ? 'line' : 'lines'} so far: <strong>still receiving…</strong>
            </>
          ) : (
            <>
              {result.totalLines.toLocaleString()} {result.totalLines === 1 ? 'line' : 'lines'}{result.isJson ? '' : ' (shown as text)'}
            </>
          )}
        </span>
        <ResponseSearch
          responseId={result.responseId}
          waiting={result.receiving}
          matches={matches}
          onMatches={(lines) => {
            setMatches({ lines, current: lines.length ? 0 : -1 });
            if (lines.length) jumpTo(lines[0]!);
          }}
          onStep={(step) => {
            if (!matches.lines.length) return;
            const next = (matches.current + step + matches.lines.length) % matches.lines.length;
            setMatches({ lines: matches.lines, current: next });
            jumpTo(matches.lines[next]!);
          }}
        />
      </div>
      {cache.expired && <p className="banner banner--info" role="status">This response is no longer kept (the workbench keeps the last five): send the request again to read the rest.</p>}
      <div
        ref={scrollRef}
        className="json-view__scroll"
        role="region"
        aria-label="Response body"
        tabIndex={0}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      >
        <div ref={spacerRef} className="json-view__spacer">
          <div ref={linesRef} className="json-view__lines">
            {rows}
          </div>
        </div>
      </div>
    </div>
  );
}
