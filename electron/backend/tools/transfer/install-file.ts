// One install in a file, for CI: the refresh token plus the app's client id and secret and the
// account's address, the secrets encrypted under a passphrase with the transfer crypto (scrypt +
// AES-256-GCM). `gorgias-workbench token --from FILE` turns it into fresh access tokens with no vault
// and no browser. Nothing secret is readable without the passphrase.
import { z } from 'zod';
import { WorkbenchError } from '../../../common/errors';
import { decryptSecrets, encryptSecrets, type EncryptedSecrets } from './transfer-crypto';

export const INSTALL_FILE_FORMAT = 'gorgias-workbench/install';

export interface InstallFilePublic {
  app: { name: string; clientId: string; clientAuth: 'basic' | 'body' };
  account: { subdomain: string; label: string; baseUrl: string };
  installId: string;
  exportedAt: string;
}

export interface InstallFileSecrets {
  clientSecret: string;
  refreshToken: string;
}

const fileSchema = z.object({
  format: z.literal(INSTALL_FILE_FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  installId: z.string(),
  app: z.object({ name: z.string(), clientId: z.string().min(1), clientAuth: z.enum(['basic', 'body']) }),
  account: z.object({ subdomain: z.string(), label: z.string(), baseUrl: z.string().url() }),
  secrets: z.object({ kdf: z.any(), cipher: z.literal('aes-256-gcm'), iv: z.string(), tag: z.string(), ciphertext: z.string() }),
});

const secretsSchema = z.object({ clientSecret: z.string(), refreshToken: z.string().min(1) });

export async function buildInstallFile(info: InstallFilePublic, secrets: InstallFileSecrets, passphrase: string): Promise<string> {
  const sealed = await encryptSecrets(JSON.stringify(secrets), passphrase);
  return `${JSON.stringify({ format: INSTALL_FILE_FORMAT, version: 1, ...info, secrets: sealed }, null, 2)}\n`;
}

export async function openInstallFile(text: string, passphrase: string): Promise<InstallFilePublic & { secrets: InstallFileSecrets }> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new WorkbenchError('INVALID_ARGUMENT', 'This is not an install file (not JSON).');
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new WorkbenchError('INVALID_ARGUMENT', `This is not an install file written by export-install (${parsed.error.issues[0]?.path.join('.') || 'format'}).`);
  const { secrets, format: _format, version: _version, ...info } = parsed.data;
  const plain = secretsSchema.safeParse(JSON.parse(await decryptSecrets(secrets as EncryptedSecrets, passphrase)));
  if (!plain.success) throw new WorkbenchError('INVALID_ARGUMENT', 'The encrypted part of this install file is not what export-install writes.');
  return { ...info, secrets: plain.data };
}
