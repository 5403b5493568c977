// The export file: apps and accounts without ids or timestamps (they are the importing vault's own),
// client secrets only inside the encrypted block. Parsing checks shape with zod and meaning with the
// same validators as apps.create / accounts.create.
import { z } from 'zod';
import { redirectSettingsSchema, scopeSchema } from '../../../common/contract';
import { WorkbenchError } from '../../../common/errors';
import { CLIENT_AUTH_METHODS } from '../../../common/lists';
import { validCustomBaseUrl, validSubdomain } from '../../accounts/account-validation';
import { validateRedirectSettings } from '../../apps/app-validation';
import type { StoredAccount, StoredApp } from '../../vault/vault-types';
import type { EncryptedSecrets } from './transfer-crypto';

const EXPORT_FORMAT = 'gorgias-oauth-workbench/export';
const EXPORT_VERSION = 1;

const exportedAppSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  clientId: z.string().trim().min(1).max(200),
  scopes: z.array(scopeSchema).max(100),
  redirect: redirectSettingsSchema,
  clientAuth: z.enum(CLIENT_AUTH_METHODS),
  pkce: z.boolean(),
});

const exportedAccountSchema = z.strictObject({
  subdomain: z.string().max(200),
  label: z.string().trim().max(100),
  kind: z.enum(['sandbox', 'production']),
  notes: z.string().max(5000),
  customBaseUrl: z.string().max(2000).nullable(),
  builtInSandbox: z.boolean(),
});

const encryptedSchema = z.strictObject({
  kdf: z.strictObject({ name: z.literal('scrypt'), salt: z.string().max(200), N: z.number().int(), r: z.number().int(), p: z.number().int(), keyLength: z.literal(32) }),
  cipher: z.literal('aes-256-gcm'),
  iv: z.string().max(100),
  tag: z.string().max(100),
  ciphertext: z.string().max(10 * 1024 * 1024),
});

const exportFileSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string().max(100),
  apps: z.array(exportedAppSchema).max(10_000),
  accounts: z.array(exportedAccountSchema).max(10_000),
  secrets: encryptedSchema.nullable(),
});

export type ExportedApp = z.output<typeof exportedAppSchema>;
export type ExportedAccount = z.output<typeof exportedAccountSchema>;
type ExportFile = z.output<typeof exportFileSchema>;

/** Inside the encrypted block: client secrets by client id. */
export interface SecretPayload {
  clientSecrets: Record<string, string>;
}

const toExportedApp = (app: StoredApp): ExportedApp => ({
  name: app.name,
  clientId: app.clientId,
  scopes: [...app.scopes],
  redirect: { ...app.redirect },
  clientAuth: app.clientAuth,
  pkce: app.pkce,
});

const toExportedAccount = (account: StoredAccount): ExportedAccount => ({
  subdomain: account.subdomain,
  label: account.label,
  kind: account.kind,
  notes: account.notes,
  customBaseUrl: account.customBaseUrl,
  builtInSandbox: account.builtInSandbox,
});

export function buildExportFile(apps: readonly StoredApp[], accounts: readonly StoredAccount[], secrets: EncryptedSecrets | null, at: string): ExportFile {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: at, apps: apps.map(toExportedApp), accounts: accounts.map(toExportedAccount), secrets };
}

export function parseExportFile(text: string): ExportFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new WorkbenchError('INVALID_ARGUMENT', 'This is not a workbench export: it is not JSON.', { field: 'text' });
  }
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== EXPORT_FORMAT) {
    throw new WorkbenchError('INVALID_ARGUMENT', 'This is not a workbench export file (its "format" is missing or different).', { field: 'text' });
  }
  if ((raw as { version?: unknown }).version !== EXPORT_VERSION) {
    throw new WorkbenchError('INVALID_ARGUMENT', `This export has version ${String((raw as { version?: unknown }).version)}; this workbench reads version ${EXPORT_VERSION}.`, { field: 'text' });
  }
  const parsed = exportFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new WorkbenchError('INVALID_ARGUMENT', `The export file is damaged at ${issue?.path.join('.') || 'the top'}: ${issue?.message ?? 'unexpected content'}.`, { field: 'text' });
  }
  const file = parsed.data;
  file.accounts = file.accounts.map((account) => ({
    ...account,
    subdomain: validSubdomain(account.subdomain),
    customBaseUrl: validCustomBaseUrl(account.customBaseUrl),
  }));
  for (const app of file.apps) validateRedirectSettings(app.redirect);
  return file;
}

export function parseSecretPayload(text: string): SecretPayload {
  try {
    const value = JSON.parse(text) as SecretPayload;
    if (value && typeof value.clientSecrets === 'object' && Object.values(value.clientSecrets).every((s) => typeof s === 'string')) return value;
  } catch {
    // Falls through to the error below.
  }
  throw new WorkbenchError('INVALID_ARGUMENT', 'The encrypted part of this file opened but holds no secrets the workbench understands.', { field: 'text' });
}
