// The vault's stored shape (inside the encrypted file) and its interface. Secrets live here and only
// here: services read them through the vault and hand the renderer masked views.
import type {
  AccountView,
  ActivityEntry,
  ActivityKind,
  CheckResult,
  ClientAuthMethod,
  ExpirySource,
  InstallUser,
  RedirectSettings,
  SandboxQuirks,
  VaultStatus,
} from '../../common/model';

export const CURRENT_SCHEMA_VERSION = 3;

export interface StoredApp {
  id: string;
  name: string;
  clientId: string;
  clientSecret: string;
  scopes: string[];
  redirect: RedirectSettings;
  clientAuth: ClientAuthMethod;
  pkce: boolean;
  builtIn: boolean;
  createdAt: string;
  updatedAt: string;
}

/** An account as stored: what the renderer sees, less the base URL worked out at run time. */
export type StoredAccount = Omit<AccountView, 'baseUrl'>;

export interface StoredInstall {
  id: string;
  appId: string;
  accountId: string;
  /** Who approved (schema v3): one install per app × account × user.sub. */
  user: InstallUser | null;
  accessToken: string;
  refreshToken: string | null;
  idToken: string | null;
  tokenType: string;
  requestedScopes: string[];
  grantedScopes: string[];
  obtainedAt: string;
  refreshedAt: string | null;
  expiresAt: string | null;
  expirySource: ExpirySource;
  expiresInAnswered: number | null;
  revokedAt: string | null;
  /** Set when the last refresh or API call failed in a way that needs the user (not expiry). */
  failing: boolean;
  lastError: { code: string; message: string; at: string } | null;
  checks: CheckResult[];
}

/** The sandbox's behaviour switches as stored (schema v3 adds `issuerWithoutIdp`). */
export type StoredSandboxQuirks = SandboxQuirks;

export interface VaultSettings {
  /** First-run content (Local sandbox account, demo app) was created once; never re-created after deletion. */
  seeded: boolean;
  sandboxQuirks: StoredSandboxQuirks;
  /** Idle minutes before a passphrase vault locks itself; null = never. */
  autoLockMinutes: number | null;
  /** Seconds before a copied token is cleared from the clipboard; null = never. */
  clipboardClearSeconds: number | null;
}

export interface VaultData {
  schemaVersion: number;
  apps: StoredApp[];
  accounts: StoredAccount[];
  installs: StoredInstall[];
  settings: VaultSettings;
}

export interface ActivityFilter {
  limit?: number;
  beforeId?: string;
  appId?: string;
  accountId?: string;
  kind?: ActivityKind;
}

/** Kept out of the main store file so a token refresh does not rewrite megabytes of history. */
export interface ActivityLog {
  append(entry: Omit<ActivityEntry, 'id'>): Promise<ActivityEntry>;
  list(filter: ActivityFilter): { entries: ActivityEntry[]; total: number };
  clear(): Promise<void>;
}

export interface Vault {
  status(): VaultStatus;
  /** The decrypted data. Throws WorkbenchError VAULT_LOCKED / VAULT_SETUP_REQUIRED when not ready. */
  data(): Readonly<VaultData>;
  /** Serialised, atomic write of a change; returns what the mutator returns. */
  update<T>(mutate: (draft: VaultData) => T): Promise<T>;
  /**
   * A change to one install, the mutator handed that install alone, so only its file is compared and
   * written (a token refresh on a big vault). Throws NOT_FOUND with `notFound` when it is gone.
   */
  updateInstall<T>(installId: string, mutate: (install: StoredInstall) => T, notFound?: string): Promise<T>;
  /**
   * Stores a fresh install (a finished flow): `pick` looks at the latest data and names the install
   * it replaces (same id kept), or null to add it; it may throw to refuse. Only that install's file
   * is written, plus the main store's list when one is added. Returns the install's id.
   */
  putInstall(install: Omit<StoredInstall, 'id'>, pick: (data: Readonly<VaultData>) => string | null): Promise<string>;
  unlock(passphrase: string): Promise<VaultStatus>;
  /** On a ready passphrase vault, `currentPassphrase` is required (and checked) for every protection change. */
  setPassphrase(passphrase: string, currentPassphrase?: string): Promise<VaultStatus>;
  /** Only at setup, or on a passphrase vault with its current passphrase. */
  acceptWeakProtection(currentPassphrase?: string): Promise<VaultStatus>;
  useOsProtection(currentPassphrase?: string): Promise<VaultStatus>;
  dismissRecovery(): Promise<VaultStatus>;
  /** Passphrase vaults: drops the key and the decrypted data; status becomes locked. */
  lock(): Promise<VaultStatus>;
  /** Reads (empty patch) or changes the settings the vault acts on. */
  updateSettings(patch: { autoLockMinutes?: number | null; clipboardClearSeconds?: number | null }): Promise<{ autoLockMinutes: number | null; clipboardClearSeconds: number | null }>;
  /**
   * Runs `fn` holding a lock named `name` across every process using this vault folder (and within
   * this process): a refresh is single-flight across the app, `serve` and CLI processes. `fn` must
   * re-read what it depends on once it runs: another process may have done the work meanwhile.
   */
  exclusive<T>(name: string, fn: () => Promise<T>): Promise<T>;
  readonly activity: ActivityLog;
  onStatusChange(listener: (status: VaultStatus) => void): () => void;
  close(): Promise<void>;
}
