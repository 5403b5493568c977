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
/** Bounds for params read back from disk, so a tampered key file cannot make us allocate gigabytes. */
export const MAX_SCRYPT_N = 2 ** 20;
const WRAP_AAD = Buffer.from('gorgias-workbench/vault-key/passphrase/v1');

export function newScryptParams(): ScryptParams {
  return { name: 'scrypt', salt: randomBytes(16).toString('base64'), ...DEFAULT_SCRYPT, keyLength: 32 };
}

export function deriveKek(passphrase: string, params: ScryptParams): Promise<Buffer> {
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
