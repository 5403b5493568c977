// The runtime shape of the decrypted store (schema v3). A store that decrypts but does not match
// is treated as corrupt (moved aside), and every update is checked before it is written so a bug
// elsewhere cannot persist a file the next start would refuse.
import { z } from 'zod';
import { CURRENT_SCHEMA_VERSION, type StoredAccount, type StoredApp, type StoredInstall, type StoredSandboxQuirks, type VaultData, type VaultSettings } from './vault-types';

const isoTime = z.string().min(1);

export const redirectSchema = z.object({
  mode: z.enum(['loopback', 'relay', 'paste']),
  port: z.number().int().min(0).max(65535),
  path: z.string(),
  relayUrl: z.string(),
  pasteUrl: z.string(),
  includeAccountParam: z.boolean(),
});

export const sandboxQuirksSchema = z.object({
  expiresIn: z.union([z.literal(0), z.literal(86400)]),
  numericSub: z.boolean(),
  issuerWithoutIdp: z.boolean(),
  rotateRefreshTokens: z.boolean(),
});

export const appSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  clientId: z.string(),
  clientSecret: z.string(),
  scopes: z.array(z.string()),
  redirect: redirectSchema,
  clientAuth: z.enum(['basic', 'body']),
  pkce: z.boolean(),
  builtIn: z.boolean(),
  createdAt: isoTime,
  updatedAt: isoTime,
}) satisfies z.ZodType<StoredApp>;

export const accountSchema = z.object({
  id: z.string().min(1),
  subdomain: z.string(),
  label: z.string(),
  kind: z.enum(['sandbox', 'production']),
  notes: z.string(),
  customBaseUrl: z.string().nullable(),
  builtInSandbox: z.boolean(),
  createdAt: isoTime,
  updatedAt: isoTime,
}) satisfies z.ZodType<StoredAccount>;

const checkSchema = z.object({
  id: z.string(),
  label: z.string(),
  outcome: z.enum(['pass', 'warn', 'fail', 'unchecked']),
  detail: z.string(),
});

export const installSchema = z.object({
  id: z.string().min(1),
  appId: z.string(),
  accountId: z.string(),
  accessToken: z.string(),
  refreshToken: z.string().nullable(),
  idToken: z.string().nullable(),
  tokenType: z.string(),
  requestedScopes: z.array(z.string()),
  grantedScopes: z.array(z.string()),
  obtainedAt: isoTime,
  refreshedAt: isoTime.nullable(),
  expiresAt: isoTime.nullable(),
  expirySource: z.enum(['jwt-exp', 'expires-in', 'assumed-24h']),
  expiresInAnswered: z.number().nullable(),
  revokedAt: isoTime.nullable(),
  failing: z.boolean(),
  lastError: z.object({ code: z.string(), message: z.string(), at: isoTime }).nullable(),
  checks: z.array(checkSchema),
  user: z.object({ sub: z.string(), name: z.string().nullable(), email: z.string().nullable(), role: z.string().nullable() }).nullable(),
}) satisfies z.ZodType<StoredInstall>;

export const settingsSchema = z.object({
  seeded: z.boolean(),
  sandboxQuirks: sandboxQuirksSchema,
  autoLockMinutes: z.number().int().min(1).max(24 * 60).nullable(),
  clipboardClearSeconds: z.number().int().min(1).max(3600).nullable(),
});

export const vaultDataSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  apps: z.array(appSchema),
  accounts: z.array(accountSchema),
  installs: z.array(installSchema),
  settings: settingsSchema,
}) satisfies z.ZodType<VaultData>;

export function emptyVaultData(): VaultData {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    apps: [],
    accounts: [],
    installs: [],
    settings: defaultSettings(),
  };
}

/** Today's Gorgias (string sub, expires_in 86400, issuer ending in /idp, no refresh rotation). */
export function defaultSandboxQuirks(): StoredSandboxQuirks {
  return { expiresIn: 86400, numericSub: false, issuerWithoutIdp: false, rotateRefreshTokens: false };
}

export function defaultSettings(): VaultSettings {
  return { seeded: false, sandboxQuirks: defaultSandboxQuirks(), autoLockMinutes: null, clipboardClearSeconds: 30 };
}

/** Where a value first breaks the schema, as a path only: never the value (it may be a secret). */
export function describeSchemaIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown';
  return `${issue.path.map(String).join('.') || 'top level'}: ${issue.code}`;
}
