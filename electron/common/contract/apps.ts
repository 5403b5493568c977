// Inputs are checked for shape and bounds here; meaning (is this relay URL https, is the port free)
// is checked by the backend, which owns the messages.
import { z } from 'zod';
import type { AppView } from '../model';
import { CLIENT_AUTH_METHODS, REDIRECT_MODES, REDIRECT_PATH_PATTERN, REDIRECT_PATH_RULE, SCOPE_PATTERN, SCOPE_RULE } from '../lists';
import { id, method, noInput, shortText } from './declare';

export const scopeSchema = z.string().regex(SCOPE_PATTERN, SCOPE_RULE);

export const redirectSettingsSchema = z.strictObject({
  mode: z.enum(REDIRECT_MODES),
  port: z.number().int().min(0).max(65535),
  path: z.string().min(1).max(200).regex(REDIRECT_PATH_PATTERN, REDIRECT_PATH_RULE),
  relayUrl: shortText(2000),
  pasteUrl: shortText(2000),
  includeAccountParam: z.boolean(),
});

const appFields = {
  name: z.string().trim().min(1).max(100),
  clientId: z.string().trim().min(1).max(200),
  /** Write-only: sent on create or to replace; never read back. */
  clientSecret: shortText(1000),
  scopes: z.array(scopeSchema).max(100),
  redirect: redirectSettingsSchema,
  clientAuth: z.enum(CLIENT_AUTH_METHODS),
  pkce: z.boolean(),
};

export const appCreateSchema = z.strictObject(appFields);
export const appPatchSchema = z.strictObject(appFields).partial();
export type AppCreateInput = z.output<typeof appCreateSchema>;
export type AppPatch = z.output<typeof appPatchSchema>;

export const appsMethods = {
  'apps.list': method(noInput).returns<AppView[]>(),
  'apps.create': method(appCreateSchema).returns<AppView>(),
  'apps.update': method(z.strictObject({ id, patch: appPatchSchema })).returns<AppView>(),
  'apps.delete': method(z.strictObject({ id })).returns<null>(),
  'apps.openTestInstall': method(z.strictObject({ appId: id, accountId: id })).returns<{ url: string }>(),
  /** The relay page made for a saved relay-mode app (its port and path baked in). */
  'apps.relayPage': method(z.strictObject({ id })).returns<{ html: string; fileName: string; forwardsTo: string }>(),
};
