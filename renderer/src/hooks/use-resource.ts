// Loads one thing from the backend and loads it again whenever one of the named events arrives
// (main owns the truth and says when it changed). Stale answers are dropped, the last value stays
// on screen while a reload runs, so nothing flickers or blocks.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContractEvents, EventName } from '../../../electron/common/contract';
import { workbench, type ErrorShape, type Result } from '../workbench/client';

export interface Resource<T> {
  data: T | undefined;
  error: ErrorShape | null;
  loading: boolean;
  reload: () => void;
}

export function useResource<T, E extends EventName = EventName>(
  load: () => Promise<Result<T>>,
  events: readonly E[],
  deps: readonly unknown[],
  /** Reload only for events this accepts (e.g. installs.changed for another install is ignored). */
  accept?: (event: E, payload: ContractEvents[E]) => boolean,
): Resource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ErrorShape | null>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const acceptRef = useRef(accept);
  acceptRef.current = accept;

  const reload = useCallback(() => {
    const mine = ++generation.current;
    setLoading(true);
    void loadRef.current().then((result) => {
      if (mine !== generation.current) return;
      setLoading(false);
      if (result.ok) {
        setData(result.value);
        setError(null);
      } else {
        setError(result.error);
      }
    });
  }, []);

  // The inputs as values, so a caller's fresh array literal does not reload on every render.
  const depsKey = JSON.stringify(deps);
  const eventsKey = events.join(' ');
  useEffect(() => {
    setData(undefined);
    reload();
    const api = workbench();
    const offs = (eventsKey ? (eventsKey.split(' ') as E[]) : []).map((event) =>
      api.on(event, (payload) => {
        if (!acceptRef.current || acceptRef.current(event, payload)) reload();
      }),
    );
    const answers = generation;
    return () => {
      // Answers still under way belong to the old inputs: drop them.
      answers.current++;
      for (const off of offs) off();
    };
  }, [reload, depsKey, eventsKey]);

  return { data, error, loading, reload };
}
