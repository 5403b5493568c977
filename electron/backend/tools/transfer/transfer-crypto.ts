// Client secrets in an export file, encrypted under a passphrase the user picks: scrypt derives the
// key (random salt, cost stored with it), AES-256-GCM encrypts and authenticates. A wrong passphrase
// fails the GCM tag, and nothing else can.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { WorkbenchError } from '../../../common/errors';
import { assertScryptParams, deriveKek, newScryptParams, type ScryptParams } from '../../vault/passphrase-kdf';
import { MIN_PASSPHRASE_LENGTH } from '../../../common/lists';

export interface EncryptedSecrets {
  kdf: ScryptParams;
  cipher: 'aes-256-gcm';
  iv: string;
  tag: string;
  ciphertext: string;
}

const AAD = Buffer.from('gorgias-workbench/export/secrets/v1');

export async function encryptSecrets(plaintext: string, passphrase: string): Promise<EncryptedSecrets> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new WorkbenchError('INVALID_ARGUMENT', `Pick a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters to protect the secrets in the file.`, { field: 'passphrase' });
  }
  const kdf = newScryptParams();
  const key = await deriveKek(passphrase, kdf);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(AAD);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { kdf, cipher: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') };
}

function checkParams(kdf: ScryptParams): void {
  if (kdf?.name !== 'scrypt' || typeof kdf.salt !== 'string') throw new WorkbenchError('INVALID_ARGUMENT', 'The encrypted part of this file has key-derivation settings the workbench does not accept.', { field: 'text' });
  // Bounds, before any work, so a crafted file cannot make us allocate gigabytes.
  assertScryptParams(kdf, 'This file');
}

export async function decryptSecrets(blob: EncryptedSecrets, passphrase: string): Promise<string> {
  checkParams(blob.kdf);
  const key = await deriveKek(passphrase, blob.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(blob.iv, 'base64'));
    decipher.setAAD(AAD);
    decipher.setAuthTag(Buffer.from(blob.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(blob.ciphertext, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new WorkbenchError('VAULT_PASSPHRASE_WRONG', 'That passphrase does not open the secrets in this file. Check it and try again.', { field: 'passphrase' });
  }
}
