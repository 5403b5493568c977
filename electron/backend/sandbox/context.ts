// What every sandbox handler gets: the shared server state and, per request, the account it targets.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SigningKey } from './keys';
import type { LeakyBucketLimiter } from './rate-limiter';
import type { SandboxAccount, SandboxState } from './state';
import type { SandboxClock, SandboxFault, SandboxOptions, SandboxQuirks } from './types';

export interface SandboxContext {
  state: SandboxState;
  key: SigningKey;
  quirks: SandboxQuirks;
  clock: SandboxClock;
  limiter: LeakyBucketLimiter;
  fault: SandboxFault | null;
  origin: string;
  /** Big benchmark bodies, built once per size. */
  largeCache: Map<number, Buffer[]>;
  /** See SandboxOptions.autoApprove. */
  autoApprove?: boolean;
  /** SandboxOptions.onApiBody. */
  onApiBody?: SandboxOptions['onApiBody'];
}

export interface AccountRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  account: SandboxAccount;
  /** `${origin}/${subdomain}` */
  base: string;
  /** Path segments after the subdomain, e.g. ['oauth', 'token']. */
  segments: string[];
}
