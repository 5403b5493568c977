// The backend is composed of services, each implementing the methods of one domain of the contract
// (`DomainService<'apps'>` = every `apps.*` method, derived from the declaration, never listed
// again); create-backend.ts merges them and the compiler checks the merge is exactly the contract.
import type { BackendApi, MethodName, MethodsOf } from '../common/contract';

export type ServiceSlice<M extends MethodName> = Pick<BackendApi, M>;
export type DomainService<Domain extends string> = ServiceSlice<MethodsOf<Domain>>;

/**
 * Checks at compile time that `api` has every contract method and nothing else: a method declared
 * without an implementation, or an implementation without a declaration, does not compile.
 */
export function exactlyTheContract<T extends BackendApi>(api: T & Record<Exclude<keyof T, MethodName>, never>): BackendApi {
  return api;
}
