// The sandbox's private signing key on disk, so tokens stay verifiable across app restarts. Written
// atomically (temp file + rename) and readable by the owner only.
import { randomBytes } from 'node:crypto';
import { chmod, readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { JWK } from 'jose';

export async function readKeyFile(path: string): Promise<JWK | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const parsed = JSON.parse(text) as unknown;
  if (typeof parsed !== 'object' || parsed === null || (parsed as JWK).kty !== 'RSA' || typeof (parsed as JWK).d !== 'string') {
    throw new Error('The sandbox key file does not hold a private RSA JWK.');
  }
  return parsed as JWK;
}

export async function writeKeyFile(path: string, jwk: JWK): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, JSON.stringify(jwk), { mode: 0o600 });
    await chmod(tmp, 0o600);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
