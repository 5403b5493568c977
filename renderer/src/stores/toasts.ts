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

export function showToast(level: Toast['level'], message: string): void {
  const id = nextId++;
  store.set((toasts) => [...toasts.slice(-4), { id, level, message }]);
  // Errors stay until dismissed: they may need reading twice.
  if (level !== 'error') setTimeout(() => dismissToast(id), LIFETIME_MS);
}

export function dismissToast(id: number): void {
  store.set((toasts) => toasts.filter((toast) => toast.id !== id));
}

export function useToasts(): Toast[] {
  return useStore(store);
}
