// KeyProtector over Electron's safeStorage, async API only (the sync one is deprecated in Electron 45).
// On Linux, safeStorage may fall back to `basic_text`: a key hard-coded in Chromium, i.e. no real
// protection. That is reported as 'weak' so the backend offers a passphrase instead.
import type { SafeStorage } from 'electron';
import type { KeyProtector } from '../../backend/ports';

type SafeStorageLike = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>;

function platformBackend(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'keychain';
  if (platform === 'win32') return 'dpapi';
  return platform;
}

export function createSafeStorageKeyProtector(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): KeyProtector {
  return {
    async availability() {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return { level: 'unavailable', backend: null };
      if (platform !== 'linux') return { level: 'strong', backend: platformBackend(platform) };
      const backend = safeStorage.getSelectedStorageBackend();
      // 'unknown' only happens before app ready; we are called after it, so treat it as no keyring.
      const weak = backend === 'basic_text' || backend === 'unknown';
      return { level: weak ? 'weak' : 'strong', backend };
    },
    async protect(plaintext) {
      const encrypted = await safeStorage.encryptStringAsync(plaintext);
      return new Uint8Array(encrypted);
    },
    async unprotect(ciphertext) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(ciphertext));
      return { plaintext: result, shouldReprotect: shouldReEncrypt };
    },
  };
}
