// Schema v1: the shape the first releases wrote. Apps had a flat loopback redirect
// (`redirectPort`/`redirectPath`) and no client-auth or PKCE choice; accounts had no kind;
// installs had no `failing` flag or checks; settings held only `seeded`.
import { z } from 'zod';

export const v1AppSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  clientId: z.string(),
  clientSecret: z.string(),
  scopes: z.array(z.string()),
  redirectPort: z.number().int().min(0).max(65535),
  redirectPath: z.string(),
  builtIn: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const v1AccountSchema = z.object({
  id: z.string().min(1),
  subdomain: z.string(),
  label: z.string(),
  notes: z.string(),
  customBaseUrl: z.string().nullable(),
  builtInSandbox: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const v1InstallSchema = z.object({
  id: z.string().min(1),
  appId: z.string(),
  accountId: z.string(),
  accessToken: z.string(),
  refreshToken: z.string().nullable(),
  idToken: z.string().nullable(),
  tokenType: z.string(),
  requestedScopes: z.array(z.string()),
  grantedScopes: z.array(z.string()),
  obtainedAt: z.string(),
  refreshedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  expirySource: z.enum(['jwt-exp', 'expires-in', 'assumed-24h']),
  expiresInAnswered: z.number().nullable(),
  revokedAt: z.string().nullable(),
  lastError: z.object({ code: z.string(), message: z.string(), at: z.string() }).nullable(),
});

export const v1DataSchema = z.object({
  schemaVersion: z.literal(1),
  apps: z.array(v1AppSchema),
  accounts: z.array(v1AccountSchema),
  installs: z.array(v1InstallSchema),
  settings: z.object({ seeded: z.boolean() }),
});

export type V1Data = z.infer<typeof v1DataSchema>;
