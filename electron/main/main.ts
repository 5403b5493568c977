// Electron's main process: thin glue. It owns the window and its security, wires Electron's
// implementations of the backend's ports (electron/main/adapters/), registers the contract on IPC and
// forwards the backend's events. Everything the app actually does lives in electron/backend/, which
// never imports Electron. See docs/electron.md.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  clipboard,
  ClipboardItem,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  safeStorage,
  session,
  shell,
  type MenuItemConstructorOptions,
  type WebContents,
} from 'electron';
import { createClipboardPort } from './adapters/clipboard';
import { electronStoreFactory } from './adapters/electron-store-factory';
import { createSafeStorageKeyProtector } from './adapters/safe-storage-key-protector';
import { createShellBrowserOpener } from './adapters/shell-browser-opener';
import { createBackend, type Backend } from '../backend/create-backend';
import type { Logger } from '../backend/ports';
import { withContentSecurityPolicy } from '../common/content-security-policy';
import { isAllowedExternalUrl } from '../backend/system/external-url-policy';
import { loggableError } from '../backend/system/loggable-error';
import { isAllowedNavigation } from './security/renderer-origin';
import { createDispatcher } from '../backend/dispatch/dispatcher';
import { EVENT_CHANNEL } from '../common/ipc-channels';
import { registerContract } from './ipc/register-contract';
import { cliArguments, runCliMode } from './cli-mode';

// dist/main/main.js -> dist/preload/preload.cjs and dist/renderer/index.html
const distDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const preloadPath = join(distDir, 'preload', 'preload.cjs');
const rendererIndex = join(distDir, 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;

const backgroundColor = () => (nativeTheme.shouldUseDarkColors ? '#17181c' : '#ffffff');

const logger: Logger = {
  info: () => undefined,
  warn: (message) => console.warn(message),
  error: (message, error) => console.error(error === undefined ? message : `${message}\n${loggableError(error)}`),
};

let backend: Backend | null = null;
let mainWindow: BrowserWindow | null = null;
let unregisterContract: (() => void) | null = null;
let shutdown: 'running' | 'closing' | 'closed' = 'running';

const extraHosts = () => backend?.allowedExternalHosts() ?? [];
const openInBrowser = createShellBrowserOpener(shell, extraHosts);

/** Hardening for every webContents the app ever creates, ours or not. */
function hardenWebContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links the UI opens go to the system browser, and only if the policy allows them.
    if (isAllowedExternalUrl(url, { extraHosts: extraHosts() })) {
      openInBrowser(url).catch((error: unknown) => logger.error('opening a link failed', error));
    }
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event, rendererUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event, rendererUrl)) event.preventDefault();
  });
}

function hardenSession(): void {
  const ses = session.defaultSession;
  // Second layer of the CSP (the first is the <meta> tag in renderer/index.html).
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  // The UI needs no camera, notifications, clipboard-read, geolocation, … : refuse them all.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

function buildMenu(): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    // Edit keeps copy/paste shortcuts working in text fields on macOS.
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function createWindow(): Promise<void> {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Gorgias OAuth Workbench',
    backgroundColor: backgroundColor(),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  await window.loadFile(rendererIndex);
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  hardenSession();
  buildMenu();
  nativeTheme.on('updated', () => mainWindow?.setBackgroundColor(backgroundColor()));

  backend = await createBackend({
    dataDir: app.getPath('userData'),
    appVersion: app.getVersion(),
    ports: {
      keyProtector: createSafeStorageKeyProtector(safeStorage),
      openInBrowser,
      clipboard: createClipboardPort(clipboard, { makeItem: (items) => new ClipboardItem(items) }),
      storeFactory: electronStoreFactory,
      logger,
    },
  });
  backend.subscribe((event, payload) => {
    const contents = mainWindow?.webContents;
    if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, { event, payload });
  });
  unregisterContract = registerContract({
    ipcMain,
    dispatch: createDispatcher(backend, logger),
    trustedWebContents: () => mainWindow?.webContents ?? null,
    rendererUrl,
    onForbidden: (method, reason) => logger.warn(`Refused an IPC call to ${method} (${reason}).`),
  });
  await createWindow();
}

async function stop(): Promise<void> {
  unregisterContract?.();
  unregisterContract = null;
  const closing = backend;
  backend = null;
  await closing?.close();
}

// `--cli <command>`: one CLI command with the OS keychain in reach, no window, then exit (cli-mode.ts).
const cliArgs = cliArguments(process.argv);
if (cliArgs) void runCliMode(cliArgs, { app, keyProtector: createSafeStorageKeyProtector(safeStorage), storeFactory: electronStoreFactory });

// Before anything else: every renderer sandboxed, and one instance only (two would share one vault).
if (!cliArgs) app.enableSandbox();
if (cliArgs) {
  // Nothing else: no window, no IPC, no single-instance lock (the CLI may run beside the app).
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (backend && BrowserWindow.getAllWindows().length === 0) {
      createWindow().catch((error: unknown) => logger.error('could not reopen the window', error));
    }
  });
  // Close the backend (vault writes, loopback servers) before the process ends.
  app.on('before-quit', (event) => {
    if (shutdown === 'closed') return;
    event.preventDefault();
    if (shutdown === 'closing') return;
    shutdown = 'closing';
    stop()
      .catch((error: unknown) => logger.error('closing the backend failed', error))
      .finally(() => {
        shutdown = 'closed';
        app.quit();
      });
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logger.error('the workbench could not start', error);
      dialog.showErrorBox('Gorgias OAuth Workbench', 'The workbench could not start. The details are in the log.');
      shutdown = 'closed';
      app.quit();
    });
}
