// AES-256-GCM sealing under keys derived from the vault's data key, shared by the store file and
// the activity log: a fresh 12-byte IV per seal, the purpose bound in as AAD so one kind of sealed
// text can never be passed off as another. Output: base64 of IV | ciphertext | tag.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** A 256-bit key for one purpose (`info`), derived from the data key with HKDF-SHA256. */
export function deriveKey(dataKey: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), info, 32));
}

export function seal(key: Buffer, plaintext: string, aad: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
}

/** The plaintext; null when the text is not ours, damaged, or sealed under another key or purpose. */
export function unseal(key: Buffer, sealed: string, aad: Buffer): string | null {
  try {
    const bytes = Buffer.from(sealed, 'base64');
    if (bytes.length < 12 + 16) return null;
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAAD(aad);
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
