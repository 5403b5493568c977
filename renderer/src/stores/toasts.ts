// Toasts: background happenings (the backend's `notice` events) and results of actions taken
// elsewhere. Each goes away by itself or when dismissed.
import { createStore, useStore } from './create-store';

export interface Toast {
  id: number;
  level: 'info' | 'success' | 'warning' | 'error';
  message: string;
}

const store = createStore<Toast[]>([]);
let nextId = 1;
const LIFETIME_MS = 6000;
/** More than this and they cover the window; the oldest non-error goes first. */
export const MAX_TOASTS = 3;

function withNew(toasts: Toast[], toast: Toast): Toast[] {
  // The same message twice in a row (e.g. an event and an action reporting one thing) shows once.
  const next = [...toasts.filter((shown) => shown.message !== toast.message), toast];
  while (next.length > MAX_TOASTS) {
    const oldestCalm = next.findIndex((shown) => shown.level !== 'error');
    next.splice(oldestCalm === -1 || oldestCalm === next.length - 1 ? 0 : oldestCalm, 1);
  }
  return next;
}

export function showToast(level: Toast['level'], message: string): void {
  const id = nextId++;
  store.set((toasts) => withNew(toasts, { id, level, message }));
  // Errors stay until dismissed: they may need reading twice.
  if (level !== 'error') setTimeout(() => dismissToast(id), LIFETIME_MS);
}

export function dismissToast(id: number): void {
  store.set((toasts) => toasts.filter((toast) => toast.id !== id));
}

export function useToasts(): Toast[] {
  return useStore(store);
}
