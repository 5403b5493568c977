// Search in the response body, done by main (api.responseSearch) over the whole text; the view
// jumps from match to match. Off while the answer is still arriving.
import { useState } from 'react';
import { workbench } from '../../workbench/client';
import { ErrorMessage } from '../../components/error-message';
import type { ErrorShape } from '../../workbench/client';

const LIMIT = 100_000;

interface ResponseSearchProps {
  responseId: string;
  /** The answer is still arriving: search runs over the whole body, so it waits for it. */
  waiting?: boolean;
  matches: { lines: number[]; current: number };
  onMatches: (lines: number[]) => void;
  onStep: (step: 1 | -1) => void;
}

export function ResponseSearch({ responseId, waiting = false, matches, onMatches, onStep }: ResponseSearchProps) {
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState<{ query: string; truncated: boolean } | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ErrorShape | null>(null);

  const search = async () => {
    if (!query) return;
    setPending(true);
    setError(null);
    const result = await workbench().api.responseSearch({ responseId, query, limit: LIMIT });
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setSearched({ query, truncated: result.value.truncated });
    onMatches(result.value.lines);
  };

  const count = matches.lines.length;
  return (
    <form
      className="response-search"
      role="search"
      aria-label="Search the response"
      onSubmit={(event) => {
        event.preventDefault();
        void search();
      }}
    >
      <input type="search" aria-label="Search the body" placeholder="Search the body" value={query} onChange={(event) => setQuery(event.target.value)} />
      <button type="submit" className="button button--small" disabled={!query || pending || waiting} title={waiting ? 'Search works once the whole answer is in' : undefined}>
        {pending ? 'Searching…' : 'Find'}
      </button>
      <button type="button" className="button button--small" aria-label="Previous match" disabled={count === 0} onClick={() => onStep(-1)}>↑</button>
      <button type="button" className="button button--small" aria-label="Next match" disabled={count === 0} onClick={() => onStep(1)}>↓</button>
      {searched && (
        <span className="response-search__count" role="status">
          {count === 0 ? `No match for "${searched.query}"` : `Match ${matches.current + 1} of ${count.toLocaleString()}${searched.truncated ? '+' : ''}`}
        </span>
      )}
      <ErrorMessage error={error} />
    </form>
  );
}
