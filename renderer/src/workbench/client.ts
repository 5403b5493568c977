// The renderer's only door to the backend. Every door (the Electron preload, the browser door's
// script) puts the same two functions on `window.workbench`; this file gives them the contract's
// types: `workbench().apps.list()` is `window.workbench.invoke('apps.list')`, typed. Every method
// resolves a Result and never throws, so callers branch on `ok` instead of catching.
import type { ErrorShape, Result } from '../../../electron/common/errors';
import type { WorkbenchApi, WorkbenchBridge } from '../../../electron/common/workbench-api';

declare global {
  interface Window {
    workbench: WorkbenchBridge;
  }
}

export type { ErrorShape, Result };

function typedApi(bridge: WorkbenchBridge): WorkbenchApi {
  const namespaces = new Map<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>>();
  const namespace = (name: string) => {
    let group = namespaces.get(name);
    if (!group) {
      // Each operation becomes a call of `${name}.${operation}`; the backend's dispatcher decides
      // whether it exists, as it does for every door.
      group = new Proxy({} as Record<string, (input?: unknown) => Promise<Result<unknown>>>, {
        get: (_target, operation) => (typeof operation === 'string' ? (input?: unknown) => bridge.invoke(`${name}.${operation}`, input) : undefined),
      });
      namespaces.set(name, group);
    }
    return group;
  };
  return new Proxy({} as WorkbenchApi, {
    get: (_target, key) => {
      if (key === 'on') return (event: string, listener: (payload: unknown) => void) => bridge.on(event, listener);
      return typeof key === 'string' ? namespace(key) : undefined;
    },
  });
}

let api: WorkbenchApi | null = null;

export function workbench(): WorkbenchApi {
  api ??= typedApi(window.workbench);
  return api;
}

/** Turns a Result into a value or null, reporting the error to `onError` (a toast, an inline message). */
export async function valueOr<T>(pending: Promise<Result<T>>, onError: (error: ErrorShape) => void): Promise<T | null> {
  const result = await pending;
  if (result.ok) return result.value;
  onError(result.error);
  return null;
}
