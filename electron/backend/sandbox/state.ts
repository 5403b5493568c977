// Everything the sandbox remembers: accounts, registered clients, consent transactions and
// authorization codes in memory; the grants behind issued refresh tokens in a GrantStore (memory, or
// a folder shared by processes: grant-store.ts). Access tokens are stateless JWTs, as at Gorgias.
import { randomBytes } from 'node:crypto';
import { generateAccountData, type FakeAccountData } from './fake-data';
import { memoryGrantStore, type GrantStore } from './grant-store';
import type { SandboxClient } from './types';

export interface SandboxAccount {
  subdomain: string;
  name: string;
  data: FakeAccountData;
  /** Ids for records created through the API (above every seeded id). */
  nextId: number;
}

export interface AuthorizationRequest {
  subdomain: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state: string | undefined;
  nonce: string | undefined;
  codeChallenge: string | undefined;
}

export interface Transaction extends AuthorizationRequest {
  id: string;
  expiresAt: number;
}

export interface AuthorizationCode extends AuthorizationRequest {
  userId: number;
  authTime: number;
  expiresAt: number;
  used: boolean;
}

export interface RefreshGrant {
  subdomain: string;
  clientId: string;
  userId: number;
  scopes: string[];
  authTime: number;
  nonce: string | undefined;
}

export const CODE_LIFETIME_MS = 60_000;
export const TRANSACTION_LIFETIME_MS = 10 * 60_000;

export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export class SandboxState {
  readonly accounts = new Map<string, SandboxAccount>();
  readonly clients = new Map<string, SandboxClient>();
  readonly transactions = new Map<string, Transaction>();
  readonly codes = new Map<string, AuthorizationCode>();

  constructor(readonly grants: GrantStore = memoryGrantStore()) {}

  addAccount(subdomain: string, name?: string): void {
    const existing = this.accounts.get(subdomain);
    if (existing) {
      if (name) existing.name = name;
      return;
    }
    const label = name ?? `${subdomain} (fake sandbox account)`;
    this.accounts.set(subdomain, { subdomain, name: label, data: generateAccountData(subdomain), nextId: 1_000_000 });
  }

  /** Drops what has expired; called on the way in, so memory stays bounded without timers. */
  sweep(now: number): void {
    for (const [id, t] of this.transactions) if (t.expiresAt <= now) this.transactions.delete(id);
    for (const [code, c] of this.codes) if (c.expiresAt <= now) this.codes.delete(code);
  }
}
