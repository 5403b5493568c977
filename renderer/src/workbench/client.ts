// The renderer's only door to the backend: `window.workbench`, typed from the contract. Every method
// resolves a Result and never throws, so callers branch on `ok` instead of catching.
import type { WorkbenchApi } from '../../../electron/common/workbench-api';
import type { ErrorShape, Result } from '../../../electron/common/errors';

declare global {
  interface Window {
    workbench: WorkbenchApi;
  }
}

export type { ErrorShape, Result };

export function workbench(): WorkbenchApi {
  return window.workbench;
}

/** Turns a Result into a value or null, reporting the error to `onError` (a toast, an inline message). */
export async function valueOr<T>(pending: Promise<Result<T>>, onError: (error: ErrorShape) => void): Promise<T | null> {
  const result = await pending;
  if (result.ok) return result.value;
  onError(result.error);
  return null;
}
