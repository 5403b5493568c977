// The domain as the renderer sees it. Secrets never appear in these types: the client secret is
// write-only (`hasClientSecret`), tokens come masked (`MaskedToken`) and are revealed one at a time.
import type { ACCOUNT_KINDS, ACTIVITY_KINDS, CLIENT_AUTH_METHODS, REDIRECT_MODES } from './lists';

export type RedirectMode = (typeof REDIRECT_MODES)[number];
export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number];
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export interface RedirectSettings {
  mode: RedirectMode;
  /** Loopback port on 127.0.0.1; 0 = any free port (only for servers that accept any port). */
  port: number;
  /** Loopback callback path, e.g. `/callback`. */
  path: string;
  /** relay mode: the https page the partner hosts, registered on the Gorgias app. */
  relayUrl: string;
  /** paste mode: any redirect URL registered on the Gorgias app. */
  pasteUrl: string;
  /** Carry `?account={subdomain}` in the redirect URL, as Gorgias's demo app does. */
  includeAccountParam: boolean;
}

export interface AppView {
  id: string;
  name: string;
  clientId: string;
  hasClientSecret: boolean;
  scopes: string[];
  redirect: RedirectSettings;
  /** The exact redirect URL to register on the Gorgias app for the chosen mode. */
  redirectUriToRegister: string;
  clientAuth: ClientAuthMethod;
  pkce: boolean;
  /** The demo app wired to the built-in sandbox. */
  builtIn: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AccountView {
  id: string;
  subdomain: string;
  label: string;
  kind: AccountKind;
  notes: string;
  /** A base URL other than https://{subdomain}.gorgias.com (staging, emulator); always flagged in the UI. */
  customBaseUrl: string | null;
  /** The account that points at the built-in sandbox. */
  builtInSandbox: boolean;
  /** Where OAuth and API calls go for this account. */
  baseUrl: string;
  createdAt: string;
  updatedAt: string;
}

export type InstallStatus = 'active' | 'expired' | 'revoked' | 'failing';
export type ExpirySource = 'jwt-exp' | 'expires-in' | 'assumed-24h';

export interface MaskedToken {
  present: boolean;
  /** e.g. `eyJhbGci…Q3xw` — enough to tell two tokens apart, never enough to use one. */
  masked: string;
  length: number;
  format: 'jwt' | 'opaque';
}

export type CheckOutcome = 'pass' | 'warn' | 'fail' | 'unchecked';

export interface CheckResult {
  /** Stable id, e.g. `id_token.nonce`. */
  id: string;
  label: string;
  outcome: CheckOutcome;
  /** What was found and why it matters, in words. */
  detail: string;
}

export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
}

/**
 * Who approved an install: the id_token's `sub`, `name` and `email` (`role` when known). A Gorgias
 * token acts with that user's role, so one app × account holds one install per user.
 * Null only when there was no id_token (no `openid` scope).
 */
export interface InstallUser {
  sub: string;
  name: string | null;
  email: string | null;
  role: string | null;
}

export interface InstallSummary {
  id: string;
  appId: string;
  accountId: string;
  user: InstallUser | null;
  status: InstallStatus;
  obtainedAt: string;
  expiresAt: string | null;
  /**
   * Granted scopes differ from the requested ones. The lists themselves, like everything only the
   * install's own screen shows, are in InstallDetail: `installs.list` carries every install at once
   * (1,000 is a normal vault) and must stay small.
   */
  scopesDiffer: boolean;
}

/**
 * One install as the grid's first paint needs it, as a tuple to keep 1,000 of them small:
 * [id, index in `InstallsGrid.apps`, index in `InstallsGrid.accounts`, status, expiry in ms since
 * the epoch (null: none known), the user's short label (`userShortLabel`; null: no id_token)].
 */
export type GridInstallRow = [id: string, app: number, account: number, status: InstallStatus, expiresAtMs: number | null, user: string | null];

/**
 * `installs.grid`: what the window's first screen (the installs grid and the sidebar) paints, and
 * nothing else: names, labels, each install's status and expiry. About a fifth of
 * `apps.list` + `accounts.list` + `installs.list`, which the renderer asks for right after that
 * first paint. Apps and accounts come in the order of those lists; installs newest first within a
 * pair (the grid's cell opens the first).
 */
export interface InstallsGrid {
  apps: Array<Pick<AppView, 'id' | 'name' | 'builtIn'>>;
  accounts: Array<Pick<AccountView, 'id' | 'label' | 'subdomain' | 'kind' | 'customBaseUrl' | 'builtInSandbox'>>;
  installs: GridInstallRow[];
}

export interface InstallDetail extends InstallSummary {
  expirySource: ExpirySource;
  requestedScopes: string[];
  grantedScopes: string[];
  hasRefreshToken: boolean;
  revokedAt: string | null;
  lastError: { code: string; message: string; at: string } | null;
  tokens: { access: MaskedToken; refresh: MaskedToken; id: MaskedToken };
  /** Decoded without any secret material: header and claims are not secrets, the signature is dropped. */
  accessTokenJwt: DecodedJwt | null;
  idTokenJwt: DecodedJwt | null;
  checks: CheckResult[];
  /** Raw `expires_in` as answered by the token endpoint (0 and missing are Gorgias quirks). */
  expiresInAnswered: number | null;
  refreshedAt: string | null;
}

export type TokenKind = 'access' | 'refresh' | 'id';

export type VaultProtection = 'os' | 'passphrase' | 'weak';
export type OsProtection = 'strong' | 'weak' | 'unavailable';

export interface VaultStatus {
  /**
   * ready: open. needs-setup: no real OS protection; the user must pick a passphrase or accept weak
   * protection. locked: passphrase needed, or the file could not be opened (see `problem`).
   */
  state: 'ready' | 'needs-setup' | 'locked';
  protection: VaultProtection | null;
  osProtection: OsProtection;
  /** The OS backend's own name where known (e.g. `gnome_libsecret`, `basic_text`). */
  osBackend: string | null;
  /** A store that could not be read was moved aside and a fresh one started. */
  recovered: { movedTo: string; reason: string; at: string } | null;
  /**
   * Files older than the vault's own record of its last writes (a copy or backup put back, a file
   * deleted behind its back): what was found, in plain words. Opened as found, reported until
   * dismissed (dismissRecovery). Null when everything matches.
   */
  integrity: string | null;
  /** Why the vault is locked, when it is not a plain passphrase prompt. */
  problem: string | null;
  schemaVersion: number;
  dataDir: string;
}

/** The vault settings the renderer shows and changes (vault.updateSettings). */
export interface VaultSettingsView {
  /** Idle minutes before a passphrase vault locks itself; null = never. */
  autoLockMinutes: number | null;
  /** Seconds before a copied token is cleared from the clipboard; null = never. */
  clipboardClearSeconds: number | null;
}

export type FlowStep =
  | 'started'
  | 'browser-opened'
  | 'waiting-for-paste'
  | 'callback-received'
  | 'exchanging'
  | 'verifying'
  | 'stored'
  | 'failed'
  | 'cancelled';

export interface FlowView {
  id: string;
  appId: string;
  accountId: string;
  step: FlowStep;
  authorizeUrl: string;
  redirectUri: string;
  mode: RedirectMode;
  startedAt: string;
  expiresAt: string;
  installId: string | null;
  error: FlowError | null;
  /** The step the flow was at when it failed or was cancelled (null while it runs or once stored). */
  stoppedAt: FlowStep | null;
}

/** A check that failed a flow: which claim, what the flow expected and what the token held. */
export interface FailedCheck {
  /** e.g. `id_token.nonce`. */
  id: string;
  label: string;
  /** The claim read (iss, aud, azp, sub, exp, iat, nonce, at_hash); null for the signature or the token's format. */
  claim: string | null;
  expected: string | null;
  actual: string | null;
  detail: string;
}

export interface FlowError {
  code: string;
  message: string;
  hint?: string;
  /** The checks that stopped the flow (OAUTH_ID_TOKEN_INVALID); empty for other errors. */
  failedChecks: FailedCheck[];
}

/** A subdomain new to the vault that arrived through an app's App URL, waiting for the user's yes or no. */
export interface InstallConfirmation {
  id: string;
  appId: string;
  appName: string;
  subdomain: string;
  requestedAt: string;
}

/**
 * How the built-in sandbox behaves where Gorgias changed over time (docs/gorgias.md, "Tokens").
 * The default is today's Gorgias: { expiresIn: 86400, numericSub: false, issuerWithoutIdp: false,
 * rotateRefreshTokens: false }; the 2021 examples are expiresIn 0, numericSub, issuerWithoutIdp.
 */
export interface SandboxQuirks {
  /** `86400` as in a real 2026 response, or `0` as in Gorgias's 2021 docs. */
  expiresIn: 0 | 86400;
  /** id_token `sub`: a string like "202827-347532179" (2026), or a number (2021 docs). */
  numericSub: boolean;
  /** `iss` = `{base}` as in the 2021 docs, instead of today's `{base}/idp`. */
  issuerWithoutIdp: boolean;
  /** Gorgias does not rotate refresh tokens; switch on to test rotation handling. */
  rotateRefreshTokens: boolean;
}

export interface SandboxStatus {
  running: boolean;
  baseUrl: string | null;
  quirks: SandboxQuirks;
}

export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface ActivityEntry {
  id: string;
  at: string;
  kind: ActivityKind;
  appId: string | null;
  accountId: string | null;
  installId: string | null;
  method: string;
  /** Query values that are secrets (code, state, tokens) are redacted. */
  url: string;
  status: number | null;
  durationMs: number | null;
  requestHeaders: Record<string, string>;
  responseHeaders: Record<string, string>;
  /** Redacted, truncated bodies for reading, not replaying. */
  requestBody: string | null;
  responseBody: string | null;
  error: { code: string; message: string } | null;
}
