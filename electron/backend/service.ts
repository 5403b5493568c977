// The backend is composed of services, each implementing a slice of the contract
// (e.g. `ServiceSlice<'apps.list' | 'apps.create'>`); create-backend.ts merges them.
import type { BackendApi } from '../common/contract';
import type { MethodName } from '../common/contract-names';

export type ServiceSlice<M extends MethodName> = Pick<BackendApi, M>;
