// Runs one backend action from a button: `pending` for the button's own progress state (nothing
// else on screen waits), the error kept until the next try so the form keeps what was typed.
import { useCallback, useRef, useState } from 'react';
import type { ErrorShape, Result } from '../workbench/client';

export interface Action<A extends unknown[], T> {
  run: (...args: A) => Promise<T | null>;
  pending: boolean;
  error: ErrorShape | null;
  clearError: () => void;
}

export function useAction<A extends unknown[], T>(perform: (...args: A) => Promise<Result<T>>): Action<A, T> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ErrorShape | null>(null);
  const performRef = useRef(perform);
  performRef.current = perform;

  const run = useCallback(async (...args: A): Promise<T | null> => {
    setPending(true);
    setError(null);
    try {
      const result = await performRef.current(...args);
      if (result.ok) return result.value;
      setError(result.error);
      return null;
    } finally {
      setPending(false);
    }
  }, []);

  return { run, pending, error, clearError: useCallback(() => setError(null), []) };
}
