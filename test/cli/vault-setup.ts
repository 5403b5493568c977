// Arranges a vault on disk the way the app would have left it (the CLI under test only ever runs as a
// child process; this runs in the test's own process, never at the same time as a CLI command).
import { createBackend, type Backend } from '../../electron/backend/create-backend';
import type { KeyProtector } from '../../electron/backend/ports';
import { confStoreFactory } from '../../electron/backend/vault/conf-store-factory';

const noKeychain: KeyProtector = {
  availability: async () => ({ level: 'unavailable', backend: null }),
  protect: async () => {
    throw new Error('no keychain in tests');
  },
  unprotect: async () => {
    throw new Error('no keychain in tests');
  },
};

export async function withVault<T>(dataDir: string, passphrase: string, work: (backend: Backend) => Promise<T>, keyProtector: KeyProtector = noKeychain): Promise<T> {
  const backend = await createBackend({
    dataDir,
    sandboxPort: 0,
    ports: { keyProtector, openInBrowser: async () => undefined, clipboard: { writeText: () => undefined }, storeFactory: confStoreFactory },
  });
  try {
    const status = backend.vault.status();
    if (status.state === 'needs-setup') await backend['vault.setPassphrase']({ passphrase });
    else if (status.state === 'locked' && status.protection === 'passphrase') await backend['vault.unlock']({ passphrase });
    return await work(backend);
  } finally {
    await backend.close();
  }
}
