// Arranges a vault on disk the way the app would have left it (the CLI under test only ever runs as a
// child process; this runs in the test's own process, never at the same time as a CLI command).
import { createBackend, type Backend } from '../../electron/backend/create-backend';
import type { KeyProtector } from '../../electron/backend/ports';
import { confStoreFactory } from '../../electron/backend/vault/conf-store-factory';
import type { ServedSandbox } from './sandbox-serve-process';

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

/** A vault holding "Partner app" on the account "acme" of a served sandbox (its demo client), as a partner would set it up. */
export async function addPartnerApp(dataDir: string, passphrase: string, sandbox: ServedSandbox): Promise<void> {
  await withVault(dataDir, passphrase, async (backend) => {
    await backend['accounts.create']({ subdomain: 'acme', label: 'Acme staging', kind: 'sandbox', notes: '', customBaseUrl: sandbox.accounts[0]!.baseUrl });
    await backend['apps.create']({
      name: 'Partner app',
      clientId: sandbox.client.clientId,
      clientSecret: sandbox.client.clientSecret,
      scopes: sandbox.client.scopes,
      redirect: { mode: 'loopback', port: 0, path: '/callback', relayUrl: '', pasteUrl: '', includeAccountParam: false },
      clientAuth: 'basic',
      pkce: true,
    });
  });
}
