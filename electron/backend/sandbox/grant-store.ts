// Where the sandbox keeps the refresh tokens it issued (the grants behind them). Access tokens are
// stateless JWTs; refresh tokens are random strings the sandbox must recognise later.
//
// - In memory (the default, and `sandbox serve`): they live as long as the process.
// - In a folder (the built-in sandbox of the app and the CLI: `sandbox-grants/` in the data folder):
//   several processes share one data folder (the app, `serve`, CLI commands), each starting its own
//   built-in sandbox, so a refresh token issued by one must work in the next, and a revoked one stay
//   revoked everywhere. One small file per live grant, named by the SHA-256 of the token (the token
//   itself is never stored: the files give nobody a usable refresh token; 256 random bits need no
//   salt or slow hash), holding only the grant (account, client, user, scopes, auth time: no secret).
//   Written atomically (temp file + rename), read on every use (so another process's revocation is
//   seen at once), and revoking or rotating deletes the file: unlink succeeds in exactly one process,
//   so a rotated token cannot be redeemed twice even by two processes at once. No lock needed.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RefreshGrant } from './state';

export interface GrantStore {
  get(token: string): Promise<RefreshGrant | undefined>;
  put(token: string, grant: RefreshGrant): Promise<void>;
  /** Removes the grant; true only for the caller that actually removed it (revocation, rotation). */
  take(token: string): Promise<boolean>;
}

export function memoryGrantStore(): GrantStore {
  const grants = new Map<string, RefreshGrant>();
  return {
    get: async (token) => grants.get(token),
    put: async (token, grant) => void grants.set(token, grant),
    take: async (token) => grants.delete(token),
  };
}

const fileName = (token: string): string => `${createHash('sha256').update(token, 'utf8').digest('hex')}.json`;

/** The grant as stored; anything else in a file (damaged, hand-edited) reads as an unknown token. */
function parseGrant(text: string): RefreshGrant | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const grant = value as Partial<RefreshGrant> & { v?: unknown };
  if (typeof value !== 'object' || value === null || grant.v !== 1) return undefined;
  if (typeof grant.subdomain !== 'string' || typeof grant.clientId !== 'string' || !Number.isSafeInteger(grant.userId) || !Number.isSafeInteger(grant.authTime)) return undefined;
  if (!Array.isArray(grant.scopes) || !grant.scopes.every((scope) => typeof scope === 'string')) return undefined;
  // The nonce belongs to the authorization request; a refresh never carries it (oauth-token.ts).
  return { subdomain: grant.subdomain, clientId: grant.clientId, userId: grant.userId!, scopes: [...grant.scopes], authTime: grant.authTime!, nonce: undefined };
}

export function folderGrantStore(dir: string): GrantStore {
  let made: Promise<unknown> | null = null;
  const ensureDir = () => (made ??= mkdir(dir, { recursive: true, mode: 0o700 }).catch((error: unknown) => {
    made = null;
    throw error;
  }));
  return {
    async get(token) {
      try {
        return parseGrant(await readFile(path.join(dir, fileName(token)), 'utf8'));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async put(token, grant) {
      await ensureDir();
      const file = path.join(dir, fileName(token));
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      const stored = { v: 1, subdomain: grant.subdomain, clientId: grant.clientId, userId: grant.userId, scopes: grant.scopes, authTime: grant.authTime };
      try {
        await writeFile(temp, JSON.stringify(stored), { mode: 0o600 });
        await rename(temp, file);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
    async take(token) {
      try {
        await unlink(path.join(dir, fileName(token)));
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw error;
      }
    },
  };
}
