// Turns a data key into a key-file body for each protection mode, and back. The OS path goes
// through the injected KeyProtector (Electron's safeStorage in the app).
import { WorkbenchError } from '../../common/errors';
import type { KeyProtector } from '../ports';
import { dataKeyToConfKey, parseDataKey } from './data-key';
import { WEAK_WARNING, type KeyFile, type KeyFileBody } from './key-file';
import { unwrapWithPassphrase, wrapWithPassphrase } from './passphrase-kdf';

export async function osBody(dataKey: Buffer, protector: KeyProtector, backend: string | null): Promise<KeyFileBody> {
  const ciphertext = await protector.protect(dataKeyToConfKey(dataKey));
  return { protection: 'os', os: { ciphertext: Buffer.from(ciphertext).toString('base64'), backend } };
}

export async function passphraseBody(dataKey: Buffer, passphrase: string): Promise<KeyFileBody> {
  return { protection: 'passphrase', passphrase: await wrapWithPassphrase(dataKey, passphrase) };
}

export function weakBody(dataKey: Buffer): KeyFileBody {
  return { protection: 'weak', weak: { warning: WEAK_WARNING, key: dataKeyToConfKey(dataKey) } };
}

export type OsUnwrap = { ok: true; dataKey: Buffer; shouldReprotect: boolean } | { ok: false; problem: string };

/** Never throws: an OS that cannot give the key back leaves the vault locked, files untouched. */
export async function unwrapOs(file: Extract<KeyFile, { protection: 'os' }>, protector: KeyProtector): Promise<OsUnwrap> {
  let result: { plaintext: string; shouldReprotect: boolean };
  try {
    result = await protector.unprotect(Buffer.from(file.os.ciphertext, 'base64'));
  } catch (error) {
    const why = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
    return {
      ok: false,
      problem: `The OS keychain${file.os.backend ? ` (${file.os.backend})` : ''} could not unlock the vault's key (${why}). Nothing was changed: fix the keychain (or sign in to the same OS account) and restart the app.`,
    };
  }
  const dataKey = parseDataKey(result.plaintext);
  if (!dataKey) {
    return { ok: false, problem: 'The OS keychain returned something that is not the vault\'s key. Nothing was changed: check the keychain and restart the app.' };
  }
  return { ok: true, dataKey, shouldReprotect: result.shouldReprotect };
}

export async function unwrapPassphrase(file: Extract<KeyFile, { protection: 'passphrase' }>, passphrase: string): Promise<Buffer> {
  const dataKey = await unwrapWithPassphrase(file.passphrase, passphrase);
  if (dataKey.length !== 32) throw new WorkbenchError('VAULT_CORRUPT', 'The key file holds a key of the wrong size.');
  return dataKey;
}

/** null when the stored value is not a valid key (treated like a garbage key file). */
export function unwrapWeak(file: Extract<KeyFile, { protection: 'weak' }>): Buffer | null {
  return parseDataKey(file.weak.key);
}
