// Passphrase protection: scrypt (random salt, cost stored with it) derives a key-encryption key,
// and the data key is wrapped under it with AES-256-GCM. A wrong passphrase fails the GCM tag.
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { WorkbenchError } from '../../common/errors';

export interface ScryptParams {
  name: 'scrypt';
  salt: string;
  N: number;
  r: number;
  p: number;
  keyLength: 32;
}

export interface WrappedKey {
  alg: 'aes-256-gcm';
  iv: string;
  ciphertext: string;
  tag: string;
}

/** 2^15 / 8 / 1: ~32 MiB and well under a second; the interactive cost scrypt's author suggests. */
export const DEFAULT_SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;
/**
 * Bounds for params read back from disk (a key file, an import): scrypt needs 128·N·r bytes, so a
 * crafted file with N = 2^20, r = 32 would cost 4 GiB and over a minute of the main process. We
 * accept at most 256 MiB (8x what the app writes) and p = 1 (the app never writes more), and the
 * check runs before any derivation starts.
 */
export const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;
export const MIN_SCRYPT_N = 2 ** 10;
export const MAX_SCRYPT_R = 32;

/** Why these scrypt settings are refused, or null when they are within what the workbench accepts. */
export function scryptParamsProblem(params: { N?: unknown; r?: unknown; p?: unknown; keyLength?: unknown }): string | null {
  const { N, r, p, keyLength } = params;
  if (typeof N !== 'number' || !Number.isInteger(N) || N < MIN_SCRYPT_N || (N & (N - 1)) !== 0) return 'N must be a power of two from 1024';
  if (typeof r !== 'number' || !Number.isInteger(r) || r < 1 || r > MAX_SCRYPT_R) return `r must be an integer from 1 to ${MAX_SCRYPT_R}`;
  if (p !== 1) return 'p must be 1';
  if (keyLength !== 32) return 'the key length must be 32';
  if (128 * N * r > MAX_SCRYPT_MEMORY) return `128·N·r is ${Math.round((128 * N * r) / 2 ** 20)} MiB, over the ${MAX_SCRYPT_MEMORY / 2 ** 20} MiB the workbench allows`;
  return null;
}

/** Throws a clear error, before any work, when the params are beyond the bounds above. */
export function assertScryptParams(params: ScryptParams, what: string): void {
  const problem = scryptParamsProblem(params);
  if (problem) {
    throw new WorkbenchError('INVALID_ARGUMENT', `${what} asks for key-derivation (scrypt) costs the workbench refuses: ${problem}. It was not opened: it was not written by the workbench, or was tampered with.`, { field: 'kdf' });
  }
}
const WRAP_AAD = Buffer.from('gorgias-workbench/vault-key/passphrase/v1');

export function newScryptParams(): ScryptParams {
  return { name: 'scrypt', salt: randomBytes(16).toString('base64'), ...DEFAULT_SCRYPT, keyLength: 32 };
}

export function deriveKek(passphrase: string, params: ScryptParams): Promise<Buffer> {
  // Defence in depth: every caller checks with its own message first; nothing derives beyond the bounds.
  assertScryptParams(params, 'This key');
  // 128 * N * r bytes plus headroom; Node's default maxmem (32 MiB) is just too small for N=2^15.
  const maxmem = 128 * params.N * params.r * 2 + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), Buffer.from(params.salt, 'base64'), params.keyLength, { N: params.N, r: params.r, p: params.p, maxmem }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

export function wrapKey(dataKey: Buffer, kek: Buffer): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(WRAP_AAD);
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { alg: 'aes-256-gcm', iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Throws VAULT_PASSPHRASE_WRONG when the tag does not verify (the only thing a wrong passphrase can cause). */
export function unwrapKey(wrapped: WrappedKey, kek: Buffer): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(WRAP_AAD);
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.ciphertext, 'base64')), decipher.final()]);
  } catch {
    throw new WorkbenchError('VAULT_PASSPHRASE_WRONG', 'That passphrase does not open the vault. Check it and try again.');
  }
}

export async function wrapWithPassphrase(dataKey: Buffer, passphrase: string): Promise<{ kdf: ScryptParams; wrap: WrappedKey }> {
  const kdf = newScryptParams();
  return { kdf, wrap: wrapKey(dataKey, await deriveKek(passphrase, kdf)) };
}

export async function unwrapWithPassphrase(entry: { kdf: ScryptParams; wrap: WrappedKey }, passphrase: string): Promise<Buffer> {
  return unwrapKey(entry.wrap, await deriveKek(passphrase, entry.kdf));
}
