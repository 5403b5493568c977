// The one contract between renderer and main: every method's input schema (checked in main before
// the backend sees anything), its result type, and every event main pushes. Adding a method means
// adding it here, in contract-names.ts and in the backend; the IPC registration, the preload and the
// test harness are generic over it.
//
// Schema library: zod 4 — typed inference from one definition, precise issue paths for messages,
// and no code generation. Schemas check shape and bounds; meaning (is this subdomain a DNS label,
// is this relay URL https) is checked by the backend, which owns the error messages.
import { z } from 'zod';
import type { EventName, MethodName } from './contract-names';
import type {
  AccountView,
  ActivityEntry,
  AppView,
  FlowView,
  InstallDetail,
  InstallSummary,
  SandboxStatus,
  VaultStatus,
} from './model';
import { toolsContract, type ToolsOutputs } from './tools/tools-contract';

const id = z.string().min(1).max(100);
const shortText = (max: number) => z.string().max(max);
const noInput = z.undefined();

export const scopeSchema = z.string().regex(/^[A-Za-z0-9_:.-]{1,64}$/, 'A scope is letters, digits and : _ . - only');

export const redirectSettingsSchema = z.strictObject({
  mode: z.enum(['loopback', 'relay', 'paste']),
  port: z.number().int().min(0).max(65535),
  path: z.string().min(1).max(200).regex(/^\/[A-Za-z0-9._~\-/]*$/, 'The path starts with / and uses URL-safe characters'),
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
  clientAuth: z.enum(['basic', 'body']),
  pkce: z.boolean(),
};

export const appCreateSchema = z.strictObject(appFields);
export const appPatchSchema = z.strictObject(appFields).partial();

const accountFields = {
  subdomain: shortText(200),
  label: z.string().trim().max(100),
  kind: z.enum(['sandbox', 'production']),
  notes: shortText(5000),
  customBaseUrl: z.string().max(2000).nullable(),
  /** Points the account at the built-in sandbox (its loopback address is chosen at run time). */
  builtInSandbox: z.boolean(),
};

export const accountCreateSchema = z.strictObject({ ...accountFields, builtInSandbox: accountFields.builtInSandbox.optional() });
export const accountPatchSchema = z.strictObject(accountFields).partial();

const tokenKind = z.enum(['access', 'refresh', 'id']);
const passphrase = z.string().min(8, 'At least 8 characters').max(1024);

export const contract = {
  'system.info': { input: noInput },
  'system.copyText': { input: z.strictObject({ text: z.string().max(100_000) }) },

  'vault.status': { input: noInput },
  'vault.unlock': { input: z.strictObject({ passphrase: z.string().min(1).max(1024) }) },
  'vault.setPassphrase': { input: z.strictObject({ passphrase }) },
  'vault.acceptWeakProtection': { input: noInput },
  'vault.useOsProtection': { input: noInput },
  'vault.dismissRecovery': { input: noInput },

  'apps.list': { input: noInput },
  'apps.create': { input: appCreateSchema },
  'apps.update': { input: z.strictObject({ id, patch: appPatchSchema }) },
  'apps.delete': { input: z.strictObject({ id }) },
  'apps.openTestInstall': { input: z.strictObject({ appId: id, accountId: id }) },
  /** The relay page made for a saved relay-mode app (its port and path baked in). */
  'apps.relayPage': { input: z.strictObject({ id }) },

  'accounts.list': { input: noInput },
  'accounts.create': { input: accountCreateSchema },
  'accounts.update': { input: z.strictObject({ id, patch: accountPatchSchema }) },
  'accounts.delete': { input: z.strictObject({ id }) },

  'installs.list': { input: noInput },
  'installs.get': { input: z.strictObject({ id }) },
  'installs.reveal': { input: z.strictObject({ id, token: tokenKind }) },
  'installs.copy': { input: z.strictObject({ id, token: tokenKind }) },
  'installs.refresh': { input: z.strictObject({ id }) },
  'installs.revoke': { input: z.strictObject({ id }) },
  'installs.forget': { input: z.strictObject({ id }) },

  'flows.start': { input: z.strictObject({ appId: id, accountId: id }) },
  'flows.cancel': { input: z.strictObject({ flowId: id }) },
  'flows.paste': { input: z.strictObject({ flowId: id, url: z.string().min(1).max(20_000) }) },
  'flows.list': { input: noInput },
  /** Serve `GET /oauth/install?account={sub}` for an app, to stand in as its App URL. */
  'flows.installEntry': { input: z.strictObject({ appId: id, enabled: z.boolean() }) },

  'sandbox.status': { input: noInput },
  'sandbox.setQuirks': {
    input: z.strictObject({
      expiresIn: z.union([z.literal(0), z.literal(86400)]),
      numericSub: z.boolean(),
      rotateRefreshTokens: z.boolean(),
    }).partial(),
  },

  'activity.list': {
    input: z.strictObject({
      limit: z.number().int().min(1).max(1000).optional(),
      beforeId: id.optional(),
      appId: id.optional(),
      accountId: id.optional(),
      kind: z.enum(['authorize', 'callback', 'token', 'refresh', 'revoke', 'discovery', 'jwks', 'api']).optional(),
    }),
  },
  'activity.clear': { input: noInput },

  // The tools of issue [ui-tools] (API console, runs, inspector, diagnostics, transfer).
  ...toolsContract,
} as const satisfies Record<MethodName, { input: z.ZodType }>;

export interface SystemInfo {
  version: string;
  platform: string;
  dataDir: string;
  sandboxBaseUrl: string | null;
}

/** What each method resolves to (inside a Result). */
export interface ContractOutputs extends ToolsOutputs {
  'system.info': SystemInfo;
  'system.copyText': null;
  'vault.status': VaultStatus;
  'vault.unlock': VaultStatus;
  'vault.setPassphrase': VaultStatus;
  'vault.acceptWeakProtection': VaultStatus;
  'vault.useOsProtection': VaultStatus;
  'vault.dismissRecovery': VaultStatus;
  'apps.list': AppView[];
  'apps.create': AppView;
  'apps.update': AppView;
  'apps.delete': null;
  'apps.openTestInstall': { url: string };
  'apps.relayPage': { html: string; fileName: string; forwardsTo: string };
  'accounts.list': AccountView[];
  'accounts.create': AccountView;
  'accounts.update': AccountView;
  'accounts.delete': null;
  'installs.list': InstallSummary[];
  'installs.get': InstallDetail;
  /** The one place a full token crosses to the renderer: the user asked to see it. */
  'installs.reveal': { token: string };
  'installs.copy': null;
  'installs.refresh': InstallDetail;
  'installs.revoke': InstallDetail;
  'installs.forget': null;
  'flows.start': FlowView;
  'flows.cancel': FlowView;
  'flows.paste': FlowView;
  'flows.list': FlowView[];
  /** The App URL to register while serving, null when off. */
  'flows.installEntry': { url: string | null };
  'sandbox.status': SandboxStatus;
  'sandbox.setQuirks': SandboxStatus;
  'activity.list': { entries: ActivityEntry[]; total: number };
  'activity.clear': null;
}

export interface ContractEvents {
  'vault.changed': VaultStatus;
  'apps.changed': null;
  'accounts.changed': null;
  'installs.changed': { installId: string | null };
  'flow.progress': FlowView;
  'activity.appended': { count: number };
  /** Background happenings worth a toast (token refreshed, flow failed). */
  notice: { level: 'info' | 'success' | 'warning' | 'error'; message: string };
}

// Compile-time guards that the names list and the types agree.
type Missing<A, B> = Exclude<A, B>;
const _outputsComplete: Missing<MethodName, keyof ContractOutputs> extends never ? true : never = true;
const _eventsComplete: Missing<EventName, keyof ContractEvents> extends never ? true : never = true;
void _outputsComplete;
void _eventsComplete;

/** What the renderer passes (before parsing). */
export type MethodInput<M extends MethodName> = z.input<(typeof contract)[M]['input']>;
/** What the backend receives (after parsing). */
export type ParsedInput<M extends MethodName> = z.output<(typeof contract)[M]['input']>;
export type MethodOutput<M extends MethodName> = ContractOutputs[M];

/** The backend implements exactly this. */
export type BackendApi = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>>;
};

export type AppCreateInput = z.output<typeof appCreateSchema>;
export type AppPatch = z.output<typeof appPatchSchema>;
export type AccountCreateInput = z.output<typeof accountCreateSchema>;
export type AccountPatch = z.output<typeof accountPatchSchema>;
