// The backend's side of the contract, generic over it: looks a method up, validates its input with
// the contract's schema, calls the backend, and turns every outcome into a plain Result. Every door
// goes through it: the Electron IPC registration, the browser door, the CLI, and the e2e harness.
import { contract, isMethodName, type BackendApi } from '../../common/contract';
import { toErrorShape, type Result } from '../../common/errors';

export interface DispatchLog {
  error(message: string, error?: unknown): void;
}

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export function createDispatcher(backend: BackendApi, log?: DispatchLog) {
  return async function dispatch(method: unknown, input: unknown): Promise<Result<unknown>> {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `There is no method called "${String(method).slice(0, 80)}".` } };
    }
    const parsed = contract[method].input.safeParse(input);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message: `Invalid argument for ${method}: ${describeIssues(parsed.error.issues)}` },
      };
    }
    try {
      const handler = backend[method] as (arg: unknown) => Promise<unknown>;
      const value = await handler.call(backend, parsed.data);
      return { ok: true, value: value === undefined ? null : value };
    } catch (error) {
      const shape = toErrorShape(error);
      if (shape.code === 'INTERNAL') log?.error(`${method} failed`, error);
      return { ok: false, error: shape };
    }
  };
}
