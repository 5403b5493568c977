// The shape of `window.workbench`, derived from the contract: one namespace per prefix
// (`apps`, `accounts`, …), one function per method, plus `on` for events.
import type { ContractEvents, MethodInput, MethodOutput } from './contract';
import type { EventName, MethodName } from './contract-names';
import type { Result } from './errors';

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
