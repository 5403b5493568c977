// Smoke test of the Electron glue: the BUILT dist/main/main.js (run `npx vite build` first; `npm test`
// builds before vitest) loaded with a fake `electron` module and electron-store replaced by conf on a
// temp folder. No Electron binary involved. It checks what only the glue can get wrong: window
// options, IPC registration and sender checks, navigation, window.open, external links,
// permissions and the CSP header.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../electron/common/ipc-channels';
import { fake, fakeEvent, FakeBrowserWindow, type FakeWebContents } from '../fakes/fake-electron';
import { builtFiles, startMainBundle, type StartedMainBundle } from '../fakes/main-bundle-loader';

vi.mock('electron', async () => (await import('../fakes/fake-electron')).fakeElectronModule());
vi.mock('electron-store', async () => ({ default: (await import('../fakes/fake-electron')).FakeElectronStore }));

const rendererIndex = builtFiles.rendererIndex;
const rendererUrl = pathToFileURL(rendererIndex).href;

type Handler = (event: unknown, input?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;

let dataDir: string;
let window: FakeBrowserWindow;
let contents: FakeWebContents;

/** Calls `method` the way the preload does: on the one invoke channel, the method named first. */
const handler = (method: string): Handler => {
  const found = fake.ipcMain.handlers.get(INVOKE_CHANNEL) as ((event: unknown, method: string, input?: unknown) => ReturnType<Handler>) | undefined;
  if (!found) throw new Error(`no handler on ${INVOKE_CHANNEL}`);
  return (event, input) => found(event, method, input);
};
const fromMainFrame = () => ({ sender: contents, senderFrame: contents.mainFrame });

let started: StartedMainBundle;
beforeAll(async () => {
  started = await startMainBundle('workbench-smoke-');
  dataDir = started.dataDir;
  window = started.window;
  contents = window.webContents;
});

afterAll(async () => {
  // Quitting closes the backend (vault, servers) before the process may end.
  await started?.quit();
});

describe('the built main bundle', () => {
  it('takes the single-instance lock, sandboxes every renderer and loads our renderer file', () => {
    expect(fake.app.listenerCount('second-instance')).toBe(1);
    expect(fake.app.sandboxEnabled).toBe(true);
    expect(window.loadedFile).toBe(rendererIndex);
    expect(fake.Menu.current).not.toBeNull();
  });

  it('creates the window with secure webPreferences and the built preload', () => {
    const prefs = window.options.webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: builtFiles.preload,
    });
    expect(existsSync(prefs.preload as string)).toBe(true);
    expect(window.options.backgroundColor).toBe('#ffffff');
  });

  it('registers one handler, on the invoke channel, and nothing else; unknown methods are UNKNOWN_METHOD', async () => {
    expect([...fake.ipcMain.handlers.keys()]).toEqual([INVOKE_CHANNEL]);
    await expect(handler('apps.nuke')(fromMainFrame())).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('answers a call from our window main frame through the real backend', async () => {
    const status = await handler('vault.status')(fromMainFrame());
    expect(status.ok).toBe(true);
    expect(status.value).toMatchObject({ state: expect.any(String) });
    // The fake safeStorage protected the vault's key: the OS path was taken.
    expect(fake.safeStorage.calls.encrypt + fake.safeStorage.calls.decrypt).toBeGreaterThan(0);
    const apps = await handler('apps.list')(fromMainFrame());
    expect(apps).toMatchObject({ ok: true, value: expect.any(Array) });
  });

  it('copies through main with the clipboard adapter', async () => {
    expect(await handler('system.copyText')(fromMainFrame(), { text: 'copied by main' })).toMatchObject({ ok: true });
    expect(fake.clipboard.written).toContain('copied by main');
  });

  it('validates arguments before the backend sees them', async () => {
    const answer = await handler('apps.delete')(fromMainFrame(), { id: 42 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('refuses a sub-frame, another page and another webContents with FORBIDDEN_SENDER, and logs why', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const subFrame = { sender: contents, senderFrame: contents.childFrame(rendererUrl) };
    const otherContents = new FakeBrowserWindow({}).webContents;
    otherContents.mainFrame.url = rendererUrl;
    const otherWindow = { sender: otherContents, senderFrame: otherContents.mainFrame };
    for (const event of [subFrame, otherWindow, { sender: contents, senderFrame: null }]) {
      expect(await handler('apps.list')(event)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    }
    const original = contents.mainFrame.url;
    contents.mainFrame.url = 'https://evil.example/';
    try {
      expect(await handler('apps.list')(fromMainFrame())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    } finally {
      contents.mainFrame.url = original;
    }
    otherContents.destroyed = true;
    const logged = warn.mock.calls.map((call) => String(call[0]));
    warn.mockRestore();
    expect(logged).toHaveLength(4);
    expect(logged.every((line) => line.startsWith('Refused an IPC call to apps.list'))).toBe(true);
  });

  it('blocks navigation and redirects away from our page, and webview attachment', () => {
    for (const name of ['will-navigate', 'will-redirect']) {
      const away = fakeEvent({ url: 'https://acme.gorgias.com/', isSameDocument: false, isMainFrame: true });
      contents.emit(name, away);
      expect(away.defaultPrevented).toBe(true);
      const reload = fakeEvent({ url: rendererUrl, isSameDocument: false, isMainFrame: true });
      contents.emit(name, reload);
      expect(reload.defaultPrevented).toBe(true);
    }
    const inPage = fakeEvent({ url: `${rendererUrl}#/accounts`, isSameDocument: true, isMainFrame: true });
    contents.emit('will-navigate', inPage);
    expect(inPage.defaultPrevented).toBe(false);
    const webview = fakeEvent({});
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);
  });

  it('denies window.open, sending only allowed https links to the system browser', async () => {
    expect(contents.windowOpenHandler).not.toBeNull();
    const before = fake.shell.opened.length;
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/phish' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'https://acme.gorgias.com/app' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(fake.shell.opened.length).toBe(before + 1));
    expect(fake.shell.opened.at(-1)).toBe('https://acme.gorgias.com/app');
  });

  it('lets openExternal through only for allowed URLs (backend → shell adapter)', async () => {
    const accounts = await handler('accounts.create')(fromMainFrame(), { subdomain: 'acme', label: 'Acme', kind: 'sandbox', notes: '', customBaseUrl: null });
    expect(accounts.ok).toBe(true);
    const app = await handler('apps.create')(fromMainFrame(), {
      name: 'Smoke app',
      clientId: 'smoke-client',
      clientSecret: 'smoke-secret-value',
      scopes: ['openid'],
      redirect: { mode: 'loopback', port: 53682, path: '/callback', relayUrl: '', pasteUrl: '', includeAccountParam: false },
      clientAuth: 'basic',
      pkce: false,
    });
    expect(app.ok).toBe(true);
    expect(JSON.stringify(app)).not.toContain('smoke-secret-value');
    const before = fake.shell.opened.length;
    const opened = await handler('apps.openTestInstall')(fromMainFrame(), {
      appId: (app.value as { id: string }).id,
      accountId: (accounts.value as { id: string }).id,
    });
    expect(opened).toMatchObject({ ok: true });
    expect(fake.shell.opened.slice(before)).toEqual(['https://acme.gorgias.com/app/settings/integrations/app/smoke-client?preview=true']);
  });

  it('denies every permission request and check', () => {
    const ses = fake.session.defaultSession;
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      ses.permissionRequestHandler!(contents, permission, (granted) => answers.push(granted), {});
      answers.push(ses.permissionCheckHandler!(contents, permission, 'file://', {}));
    }
    expect(answers).toHaveLength(10);
    expect(answers.every((granted) => granted === false)).toBe(true);
  });

  it('sets the Content-Security-Policy header on responses, replacing a looser one', () => {
    let headers: Record<string, string[]> | undefined;
    fake.session.defaultSession.headersListener!(
      { url: rendererUrl, responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Kept': ['yes'] } },
      (response) => {
        headers = response.responseHeaders;
      },
    );
    expect(headers?.['X-Kept']).toEqual(['yes']);
    expect(headers?.['content-security-policy']).toBeUndefined();
    const csp = headers?.['Content-Security-Policy']?.[0] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  it('forwards backend events to the window on the event channel', async () => {
    const before = contents.sent.length;
    await handler('accounts.create')(fromMainFrame(), { subdomain: 'beta', label: 'Beta', kind: 'production', notes: '', customBaseUrl: null });
    const events = contents.sent.slice(before);
    expect(events).toContainEqual({ channel: EVENT_CHANNEL, args: [{ event: 'accounts.changed', payload: null }] });
  });

  it('focuses the existing window when a second instance starts', () => {
    const focus = vi.spyOn(window, 'focus');
    fake.app.emit('second-instance', fakeEvent({}), [], dataDir);
    expect(focus).toHaveBeenCalled();
  });
});
