// What the tools need: the OAuth deps, the one OAuth core (its recorded HTTP client and key
// resolver) and the installs' token operations (refresh, and the access token to use now).
import type { Refresher } from '../installs/refresher';
import type { OAuthDeps } from '../oauth/deps';
import type { OAuthCore } from '../oauth/oauth-core';

export type ToolsDeps = OAuthDeps & {
  core: OAuthCore;
  installs: Refresher;
  /** App name and version for the HAR `creator`. */
  appVersion?: string;
  /** Waits between retries (tests may shorten it); default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
};
