import { z } from 'zod';
import type { AccountView } from '../model';
import { ACCOUNT_KINDS } from '../lists';
import { id, method, noInput, shortText } from './declare';

const accountFields = {
  subdomain: shortText(200),
  label: z.string().trim().max(100),
  kind: z.enum(ACCOUNT_KINDS),
  notes: shortText(5000),
  customBaseUrl: z.string().max(2000).nullable(),
  /** Points the account at the built-in sandbox (its loopback address is chosen at run time). */
  builtInSandbox: z.boolean(),
};

export const accountCreateSchema = z.strictObject({ ...accountFields, builtInSandbox: accountFields.builtInSandbox.optional() });
export const accountPatchSchema = z.strictObject(accountFields).partial();
export type AccountCreateInput = z.output<typeof accountCreateSchema>;
export type AccountPatch = z.output<typeof accountPatchSchema>;

export const accountsMethods = {
  'accounts.list': method(noInput).returns<AccountView[]>(),
  'accounts.create': method(accountCreateSchema).returns<AccountView>(),
  'accounts.update': method(z.strictObject({ id, patch: accountPatchSchema })).returns<AccountView>(),
  'accounts.delete': method(z.strictObject({ id })).returns<null>(),
};
