// Reads a store written before store format 2: one conf file holding everything, either sealed by
// the vault (store format 1, `wbstore1:`, store-crypto.ts) or encrypted by conf itself (format 0,
// PBKDF2-stretched key). Only the migration to format 2 reads it; nothing writes it any more.
import type { StoreFactory } from '../ports';
import { dataKeyToConfKey } from './data-key';
import { deriveStoreKey, isSealedStore, openSealedStore } from './store-crypto';
import { STORE_CONFIG_NAME, STORE_FILE_EXTENSION } from './vault-files';

export type LegacyRead =
  | { kind: 'ok'; raw: unknown; format: 0 | 1 }
  | { kind: 'corrupt'; reason: string }
  | { kind: 'unreadable'; message: string };

export function classifyStoreError(error: unknown): { kind: 'corrupt'; reason: string } | { kind: 'unreadable'; message: string } {
  const message = error instanceof Error ? error.message : '';
  if (message === 'Failed to decrypt config data.' || message === 'Invalid authentication tag length.') {
    return { kind: 'corrupt', reason: 'The store could not be decrypted with the vault\'s key (a different key, or a damaged or truncated file).' };
  }
  if (error instanceof SyntaxError) return { kind: 'corrupt', reason: 'The store decrypted but is not valid JSON.' };
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return { kind: 'unreadable', message: `The store file could not be read (${code ?? 'unknown error'}). Nothing was changed.` };
}

export function readLegacyStore(options: { dataDir: string; dataKey: Buffer; storeFactory: StoreFactory; text: string }): LegacyRead {
  const base = { cwd: options.dataDir, configName: STORE_CONFIG_NAME, fileExtension: STORE_FILE_EXTENSION, clearInvalidConfig: false as const };
  let raw: unknown;
  try {
    if (isSealedStore(options.text)) {
      raw = JSON.parse(openSealedStore(deriveStoreKey(options.dataKey), options.text)) as unknown;
      return { kind: 'ok', raw, format: 1 };
    }
    // conf decrypts its own format in its constructor; the deserialize hook hands us the JSON.
    options.storeFactory({
      ...base,
      encryptionKey: dataKeyToConfKey(options.dataKey),
      encryptionAlgorithm: 'aes-256-gcm',
      deserialize: (json) => {
        raw = JSON.parse(json) as unknown;
        return raw as Record<string, unknown>;
      },
    });
    return { kind: 'ok', raw, format: 0 };
  } catch (error) {
    return classifyStoreError(error);
  }
}
