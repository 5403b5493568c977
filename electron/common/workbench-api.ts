// The two shapes of the workbench as the renderer sees it:
// - WorkbenchBridge: what every door puts on `window.workbench` (the preload in the window, a small
//   script in the browser door): two functions, generic over the contract, no method list.
// - WorkbenchApi: the typed view the renderer builds over it (renderer/src/workbench/client.ts):
//   one namespace per domain (`apps`, `accounts`, …), one function per method, plus `on` for events.
import type { ContractEvents, EventName, MethodInput, MethodName, MethodOutput } from './contract';
import type { Result } from './errors';

export interface WorkbenchBridge {
  /** Calls a contract method; always resolves a Result (an unknown method is UNKNOWN_METHOD). */
  invoke(method: string, input?: unknown): Promise<Result<unknown>>;
  /** Listens to one event; returns the function that stops listening. */
  on(event: string, listener: (payload: unknown) => void): () => void;
}

type Namespace<M extends string> = M extends `${infer N}.${string}` ? N : never;
type Operation<M extends string, N extends string> = M extends `${N}.${infer Op}` ? Op : never;

type MethodFunction<M extends MethodName> = undefined extends MethodInput<M>
  ? (input?: MethodInput<M>) => Promise<Result<MethodOutput<M>>>
  : (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;

export type WorkbenchMethods = {
  [N in Namespace<MethodName>]: {
    [Op in Operation<MethodName, N>]: `${N}.${Op}` extends MethodName ? MethodFunction<`${N}.${Op}`> : never;
  };
};

export type EventListener<E extends EventName> = (payload: ContractEvents[E]) => void;

export type WorkbenchApi = WorkbenchMethods & {
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
};
