// What the tools need: the OAuth engine's deps, plus the installs service's two token operations.
// Both token operations are read loosely (their results are ignored): after either, the tools read
// the install's current token from the vault, which is the one truth.
import type { OAuthDeps } from '../oauth/deps';

export interface InstallTokenPort {
  /** Refreshes first when the access token expires within `minValidityMs`; single flight per install. */
  getFreshAccessToken(installId: string, options: { minValidityMs: number }): Promise<unknown>;
  /** A real refresh (grant_type=refresh_token); throws WorkbenchError (e.g. OAUTH_INVALID_GRANT / TOKEN_REVOKED). */
  refresh(installId: string): Promise<unknown>;
}

export type ToolsDeps = OAuthDeps & {
  installs: InstallTokenPort;
  /** App name and version for the HAR `creator`. */
  appVersion?: string;
  /** Waits between retries (tests may shorten it); default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
};
