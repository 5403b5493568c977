// The one contract between the doors (window, browser tab, terminal) and the backend: every method,
// declared once by domain (name, input schema, output type on one entry), and every event. The
// dispatcher checks each input against its schema before the backend sees it; the compiler checks
// that the backend implements exactly these methods (electron/backend/service.ts). Adding a method
// touches its domain file here, its backend implementation and the UI: nothing else.
import type { z } from 'zod';
import { accountsMethods } from './accounts';
import { activityMethods } from './activity';
import { apiMethods } from './api';
import { appsMethods } from './apps';
import type { MethodDeclaration } from './declare';
import { diagnosticsMethods } from './diagnostics';
import { flowsMethods } from './flows';
import { inspectorMethods } from './inspector';
import { installsMethods } from './installs';
import { runsMethods } from './runs';
import { sandboxMethods } from './sandbox';
import { systemMethods } from './system';
import { transferMethods } from './transfer';
import { vaultMethods } from './vault';

export const contract = {
  ...systemMethods,
  ...vaultMethods,
  ...appsMethods,
  ...accountsMethods,
  ...installsMethods,
  ...flowsMethods,
  ...sandboxMethods,
  ...activityMethods,
  ...apiMethods,
  ...runsMethods,
  ...inspectorMethods,
  ...diagnosticsMethods,
  ...transferMethods,
};

type Contract = typeof contract;
export type MethodName = keyof Contract & string;

type InputSchema<M extends MethodName> = Contract[M] extends MethodDeclaration<infer I, unknown> ? I : never;
/** What a caller passes (before parsing). */
export type MethodInput<M extends MethodName> = z.input<InputSchema<M>>;
/** What the backend receives (after parsing). */
export type ParsedInput<M extends MethodName> = z.output<InputSchema<M>>;
export type MethodOutput<M extends MethodName> = Contract[M] extends MethodDeclaration<z.ZodType, infer O> ? O : never;

/** The backend implements exactly this. */
export type BackendApi = { [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>> };

/** The methods of one domain, e.g. `MethodsOf<'apps'>` = 'apps.list' | 'apps.create' | …. */
export type MethodsOf<Domain extends string> = Extract<MethodName, `${Domain}.${string}`>;

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

export type { ContractEvents, EventName } from './events';
export type { SystemInfo } from './system';
export { accountCreateSchema, accountPatchSchema, type AccountCreateInput, type AccountPatch } from './accounts';
export { appCreateSchema, appPatchSchema, redirectSettingsSchema, scopeSchema, type AppCreateInput, type AppPatch } from './apps';
export { apiRequestSchema, apiSendSchema, type ApiRequestInput, type ApiSendInput } from './api';
