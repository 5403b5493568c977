// Public types of the built-in sandbox (an emulated Gorgias, see docs/sandbox.md).
import type { JWK } from 'jose';
import type { SandboxQuirks } from '../../common/model';

export type { SandboxQuirks };

/**
 * Test and diagnostic faults, one at a time. `jwks-two-keys`: the key set also publishes a second RSA
 * key (as during a key rotation) while id_tokens still carry no kid. `id-token-wrong-nonce`: the
 * id_token's nonce is not the one the client sent. `revoke-ignored`: /oauth/revoke answers 200 but the
 * refresh token keeps working.
 */
export type SandboxFault = 'token-html' | 'token-500-json' | 'jwks-down' | 'slow-token' | 'jwks-two-keys' | 'id-token-wrong-nonce' | 'revoke-ignored';

export interface SandboxClock {
  now(): number;
}

export interface SandboxOptions {
  /** 0 (the default) = any free port. */
  port?: number;
  quirks?: Partial<SandboxQuirks>;
  clock?: SandboxClock;
  /** Leaky bucket per account; Gorgias's OAuth apps get 80 per 20 s. */
  rateLimit?: { requests: number; windowMs: number };
  /** Persist the signing key across restarts (else one is generated). */
  privateJwk?: JWK;
  /**
   * A folder for the grants behind issued refresh tokens (grant-store.ts), shared by every sandbox
   * started on it, in this process or another; without it they live in memory, with the process.
   */
  grantsDir?: string;
  /** Where unexpected handler failures are reported (default: console.error). Never given secrets. */
  logger?: { error(message: string): void };
  /**
   * Consent without a person: the authorize endpoint answers with the code at once, as the first
   * user (for CI driving `gorgias-workbench sandbox serve --auto-approve`). Off by default.
   */
  autoApprove?: boolean;
  /** Told the method and path (never the query or body) of every request, for a request log. */
  onRequest?: (method: string, path: string) => void;
  /**
   * Sees the exact bytes of each API request body the sandbox reads (before it parses them), so a
   * test can check a client sends what the user typed, byte for byte.
   */
  onApiBody?: (received: { method: string; path: string; contentType: string | null; body: Buffer }) => void;
}

export interface SandboxClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface Sandbox {
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  /** `${origin}/${subdomain}`: one server emulates many accounts, each under its own path prefix. */
  baseUrlFor(subdomain: string): string;
  /** Idempotent. Unknown subdomains answer a 404 HTML page, like a wrong real subdomain. */
  addAccount(subdomain: string, options?: { name?: string }): void;
  /** Idempotent upsert, like saving the app in the partner portal. */
  registerClient(client: SandboxClient): void;
  readonly quirks: SandboxQuirks;
  setQuirks(patch: Partial<SandboxQuirks>): void;
  /** Afterwards that user's tokens answer 401 "No user found matching the "sub" claim of the token.". */
  removeUser(subdomain: string, userId: number): void;
  setFault(fault: SandboxFault | null): void;
  exportPrivateJwk(): JWK;
  close(): Promise<void>;
}

/** Today's Gorgias (docs/gorgias.md, "Tokens"); the 2021 style is `GORGIAS_2021_QUIRKS`. */
export const DEFAULT_QUIRKS: SandboxQuirks = { expiresIn: 86400, numericSub: false, issuerWithoutIdp: false, rotateRefreshTokens: false };
/** Gorgias's 2021 examples: `expires_in: 0`, a numeric id_token `sub`, `iss` without `/idp`. Strict OIDC libraries refuse it. */
export const GORGIAS_2021_QUIRKS: SandboxQuirks = { expiresIn: 0, numericSub: true, issuerWithoutIdp: true, rotateRefreshTokens: false };
export const DEFAULT_RATE_LIMIT = { requests: 80, windowMs: 20_000 };
