// Electron's security checklist, one test per item that applies to this app, against the BUILT main
// bundle (dist/main/main.js; `npm test` builds first) loaded with the fake `electron` module, the way
// test/smoke/main-bundle.test.ts loads it. The smoke test checks the glue works; this suite walks the
// checklist (https://www.electronjs.org/docs/latest/tutorial/security) and tries each item from the
// attacker's side: every IPC channel from a foreign frame, every permission, hostile URLs for
// navigation, new windows and openExternal, and a second webContents the app did not create.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contract } from '../../electron/common/contract';
import { INVOKE_CHANNEL } from '../../electron/common/ipc-channels';
import { fake, fakeEvent, FakeBrowserWindow, type FakeWebContents } from '../fakes/fake-electron';
import { builtFiles, startMainBundle, type StartedMainBundle } from '../fakes/main-bundle-loader';
import { createFigures } from './support/figures';

vi.mock('electron', async () => (await import('../fakes/fake-electron')).fakeElectronModule());
vi.mock('electron-store', async () => ({ default: (await import('../fakes/fake-electron')).FakeElectronStore }));

const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));
const preloadBundle = builtFiles.preload;
const rendererIndex = builtFiles.rendererIndex;
const rendererUrl = pathToFileURL(rendererIndex).href;
const figures = createFigures('electron-checklist', 'Electron security checklist (built main bundle, fake electron)', null);

let contents: FakeWebContents;
let window: FakeBrowserWindow;

type Handler = (event: unknown, method?: unknown, input?: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;

const HOSTILE_URLS = [
  'https://evil.example/',
  'http://acme.gorgias.com/',
  'https://acme.gorgias.com.evil.example/',
  'https://acme.gorgias.com@evil.example/',
  'https://user:pw@acme.gorgias.com/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'smb://evil.example/share',
  'ms-settings:',
  `https://${'a'.repeat(9000)}.gorgias.com/`,
];

function checked(item: string): void {
  figures.cases += 1;
  figures.note(`✓ ${item}`);
}

let started: StartedMainBundle;
beforeAll(async () => {
  started = await startMainBundle('workbench-checklist-');
  window = started.window;
  contents = window.webContents;
});

afterAll(async () => {
  figures.write();
  await started?.quit();
});

describe('Electron security checklist', () => {
  it('3. Context isolation: on for the window, and the preload exposes the API only through contextBridge', async () => {
    expect(window.options.webPreferences?.contextIsolation).toBe(true);
    const preload = await readFile(preloadBundle, 'utf8');
    expect(preload).toContain('exposeInMainWorld');
    // Nothing is hung on the page's own window object, and ipcRenderer itself is never handed over.
    expect(preload).not.toMatch(/window\.workbench\s*=/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
    checked('context isolation');
  });

  it('4. Process sandboxing: every renderer sandboxed, and the preload needs nothing a sandbox lacks', async () => {
    expect(fake.app.sandboxEnabled).toBe(true);
    expect(window.options.webPreferences?.sandbox).toBe(true);
    const preload = await readFile(preloadBundle, 'utf8');
    const required = [...preload.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    checked('sandbox');
  });

  it('2. No Node.js integration for remote or local content: off everywhere, and the renderer bundle reaches for no Node API', async () => {
    expect(window.options.webPreferences).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webviewTag: false });
    const assets = join(distDir, 'renderer', 'assets');
    const scripts = (await readdir(assets)).filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const name of scripts) {
      const code = await readFile(join(assets, name), 'utf8');
      expect(code, name).not.toMatch(/\brequire\(\s*["'](node:)?(fs|child_process|os|path|net|http|electron)["']\s*\)/);
      expect(code, name).not.toMatch(/from\s*["']node:/);
    }
    checked('no Node in the renderer');
  });

  it('7. Content Security Policy: strict in the page and enforced as a header on every response', async () => {
    const html = await readFile(rendererIndex, 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    for (const policy of [meta, '']) {
      let headers: Record<string, string[]> | undefined;
      // A response from anywhere (not only our file) gets the policy, whatever it said itself.
      fake.session.defaultSession.headersListener!({ url: 'https://acme.gorgias.com/x', responseHeaders: { 'Content-Security-Policy': ["default-src * 'unsafe-inline'"] } }, (r) => {
        headers = r.responseHeaders;
      });
      const csp = policy || (headers?.['Content-Security-Policy'] ?? []).join(';');
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("connect-src 'none'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    }
    checked('CSP');
  });

  it('13. Disable or limit navigation: hostile and same-app navigations and redirects are prevented, in our window and any other webContents', () => {
    const other = new FakeBrowserWindow({}).webContents;
    for (const target of [contents, other]) {
      for (const name of ['will-navigate', 'will-redirect']) {
        for (const url of [...HOSTILE_URLS, 'http://127.0.0.1:47615/sandbox/oauth/authorize', rendererUrl.replace('index.html', 'other.html')]) {
          const event = fakeEvent({ url, isSameDocument: false, isMainFrame: true });
          target.emit(name, event);
          expect(event.defaultPrevented, `${name} ${url.slice(0, 60)}`).toBe(true);
        }
      }
    }
    other.destroyed = true;
    checked('navigation blocked');
  });

  it('14. Disable or limit creation of new windows: window.open is denied for every URL, in every webContents', () => {
    const other = new FakeBrowserWindow({}).webContents;
    for (const target of [contents, other]) {
      expect(target.windowOpenHandler).not.toBeNull();
      for (const url of [...HOSTILE_URLS, 'https://acme.gorgias.com/app', rendererUrl, 'about:blank']) {
        expect(target.windowOpenHandler!({ url }), url.slice(0, 60)).toEqual({ action: 'deny' });
      }
    }
    other.destroyed = true;
    checked('new windows blocked');
  });

  it('15. Do not use shell.openExternal with untrusted content: only allow-listed URLs reach the system browser', async () => {
    const before = fake.shell.opened.length;
    for (const url of HOSTILE_URLS) contents.windowOpenHandler!({ url });
    contents.windowOpenHandler!({ url: 'https://acme.gorgias.com/app/settings' });
    // The handler decides synchronously, in call order: once the allowed URL (asked last) is open,
    // any hostile URL that got through would already be there before it.
    await vi.waitFor(() => expect(fake.shell.opened.length).toBeGreaterThan(before));
    expect(fake.shell.opened.slice(before)).toEqual(['https://acme.gorgias.com/app/settings']);
    checked('openExternal allow-list');
  });

  it('17. Validate the sender of all IPC messages: every contract channel refuses a sub-frame, another window and a navigated-away page', async () => {
    const otherContents = new FakeBrowserWindow({}).webContents;
    otherContents.mainFrame.url = rendererUrl;
    const senders = [
      { sender: contents, senderFrame: contents.childFrame(rendererUrl) },
      { sender: otherContents, senderFrame: otherContents.mainFrame },
      { sender: contents, senderFrame: null },
    ];
    let refused = 0;
    // The glue says what it refused on the console: keep it for a look, not in the test output.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const handler = fake.ipcMain.handlers.get(INVOKE_CHANNEL) as Handler | undefined;
    expect(handler).toBeDefined();
    const methods = Object.keys(contract);
    for (const method of methods) {
      for (const event of senders) {
        expect(await handler!(event, method, undefined), method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
        refused += 1;
      }
    }
    warn.mockRestore();
    otherContents.destroyed = true;
    figures.note(`IPC: ${refused} calls from foreign senders over ${methods.length} methods, all FORBIDDEN_SENDER`);
    checked('IPC sender check');
  });

  it('1. Only load secure content (no remote content): the window loads our local file, which pulls in nothing remote', async () => {
    expect(window.loadedFile).toBe(rendererIndex);
    expect(contents.mainFrame.url).toBe(rendererUrl);
    const html = await readFile(rendererIndex, 'utf8');
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    const css = (await readdir(join(distDir, 'renderer', 'assets'))).filter((name) => name.endsWith('.css'));
    for (const name of css) expect(await readFile(join(distDir, 'renderer', 'assets', name), 'utf8'), name).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
    checked('no remote content');
  });

  it('5. Handle session permission requests: every permission is refused, to our page and to any other', () => {
    const ses = fake.session.defaultSession;
    const permissions = ['media', 'display-capture', 'geolocation', 'notifications', 'midi', 'midiSysex', 'pointerLock', 'fullscreen', 'openExternal', 'clipboard-read', 'clipboard-sanitized-write', 'window-management', 'hid', 'serial', 'usb', 'idle-detection', 'storage-access', 'unknown'];
    const other = new FakeBrowserWindow({}).webContents;
    let answered = 0;
    for (const target of [contents, other]) {
      for (const permission of permissions) {
        let granted: boolean | null = null;
        ses.permissionRequestHandler!(target, permission, (answer) => (granted = answer), { requestingUrl: 'https://evil.example/' });
        expect(granted, permission).toBe(false);
        expect(ses.permissionCheckHandler!(target, permission, 'https://evil.example', {}), permission).toBe(false);
        answered += 2;
      }
    }
    other.destroyed = true;
    figures.note(`permissions: ${answered} requests and checks, all refused`);
    checked('permission requests denied');
  });
});
