// The adapters that carry policy, tested with plain objects (they reference Electron by type only, so
// importing them loads no Electron).
import { describe, expect, it } from 'vitest';
import { createSafeStorageKeyProtector } from '../../../electron/main/adapters/safe-storage-key-protector';
import { createShellBrowserOpener, ExternalUrlRefusedError } from '../../../electron/main/adapters/shell-browser-opener';

function fakeShell() {
  const opened: string[] = [];
  return { opened, shell: { openExternal: async (url: string) => void opened.push(url) } };
}

describe('createShellBrowserOpener', () => {
  it('opens allowed URLs and refuses everything else before the OS sees it', async () => {
    const { opened, shell } = fakeShell();
    const open = createShellBrowserOpener(shell, () => ['relay.partner.example']);
    await open('https://acme.gorgias.com/oauth/authorize?x=1');
    await open('https://relay.partner.example/relay.html');
    await open('http://127.0.0.1:4567/oauth/authorize');
    for (const bad of ['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'http://acme.gorgias.com/', 'https://u:p@acme.gorgias.com/']) {
      await expect(open(bad)).rejects.toBeInstanceOf(ExternalUrlRefusedError);
    }
    expect(opened).toEqual([
      'https://acme.gorgias.com/oauth/authorize?x=1',
      'https://relay.partner.example/relay.html',
      'http://127.0.0.1:4567/oauth/authorize',
    ]);
  });

  it('reads the relay hosts at call time (an app added later counts)', async () => {
    const { opened, shell } = fakeShell();
    const hosts: string[] = [];
    const open = createShellBrowserOpener(shell, () => hosts);
    await expect(open('https://relay.partner.example/')).rejects.toBeInstanceOf(ExternalUrlRefusedError);
    hosts.push('relay.partner.example');
    await open('https://relay.partner.example/');
    expect(opened).toEqual(['https://relay.partner.example/']);
  });
});

type Backend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

function fakeSafeStorage(available: boolean, backend: Backend) {
  return {
    isAsyncEncryptionAvailable: async () => available,
    getSelectedStorageBackend: () => backend,
    encryptStringAsync: async (text: string) => Buffer.from(`enc:${text}`),
    decryptStringAsync: async (data: Buffer) => ({ shouldReEncrypt: true, result: data.toString().replace(/^enc:/, '') }),
  };
}

describe('createSafeStorageKeyProtector', () => {
  it.each<[boolean, Backend, NodeJS.Platform, { level: string; backend: string | null }]>([
    [false, 'gnome_libsecret', 'linux', { level: 'unavailable', backend: null }],
    [true, 'basic_text', 'linux', { level: 'weak', backend: 'basic_text' }],
    [true, 'unknown', 'linux', { level: 'weak', backend: 'unknown' }],
    [true, 'gnome_libsecret', 'linux', { level: 'strong', backend: 'gnome_libsecret' }],
    [true, 'kwallet6', 'linux', { level: 'strong', backend: 'kwallet6' }],
    [true, 'unknown', 'darwin', { level: 'strong', backend: 'keychain' }],
    [true, 'unknown', 'win32', { level: 'strong', backend: 'dpapi' }],
    [false, 'unknown', 'darwin', { level: 'unavailable', backend: null }],
  ])('available=%s backend=%s on %s -> %o', async (available, backend, platform, expected) => {
    const protector = createSafeStorageKeyProtector(fakeSafeStorage(available, backend), platform);
    expect(await protector.availability()).toEqual(expected);
  });

  it('round-trips through the async API and passes the re-encrypt hint on', async () => {
    const protector = createSafeStorageKeyProtector(fakeSafeStorage(true, 'gnome_libsecret'), 'linux');
    const sealed = await protector.protect('data-key');
    expect(sealed).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(sealed).toString()).toBe('enc:data-key');
    expect(await protector.unprotect(sealed)).toEqual({ plaintext: 'data-key', shouldReprotect: true });
  });
});
