// A stand-in for the `electron` module, just wide enough for electron/main/main.ts and its adapters, that
// records what the glue does (window options, IPC handlers, session hooks, opened URLs) so the smoke
// test can load the BUILT main bundle without the Electron binary (docs/stack.md, trap 1).
// Use: vi.mock('electron', () => import('./fake-electron').then((m) => m.fakeElectronModule())).
import { pathToFileURL } from 'node:url';
import Conf from 'conf';

type Listener = (...args: unknown[]) => unknown;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.removeListener(event, wrapped);
      return listener(...args);
    };
    return this.on(event, wrapped);
  }

  removeListener(event: string, listener: Listener): this {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
    return this;
  }

  emit(event: string, ...args: unknown[]): boolean {
    const listeners = this.listeners.get(event) ?? [];
    for (const listener of listeners) listener(...args);
    return listeners.length > 0;
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** An Electron-style event: `preventDefault()` is recorded. */
export function fakeEvent<T extends object>(fields: T): T & { preventDefault(): void; defaultPrevented: boolean } {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export class FakeWebFrameMain {
  constructor(
    public url: string,
    public readonly parent: FakeWebFrameMain | null,
    public readonly processId: number,
    public readonly routingId: number,
  ) {}
}

let nextId = 1;

export class FakeWebContents extends FakeEmitter {
  readonly id = nextId++;
  readonly mainFrame = new FakeWebFrameMain('about:blank', null, 100 + this.id, 1);
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** A child frame of this page (an iframe), for sender checks. */
  childFrame(url: string): FakeWebFrameMain {
    return new FakeWebFrameMain(url, this.mainFrame, this.mainFrame.processId, 2);
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  static readonly windows: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedFile: string | null = null;
  backgroundColor: string | null = null;
  shown = false;

  constructor(public readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    FakeBrowserWindow.windows.push(this);
    this.backgroundColor = typeof options.backgroundColor === 'string' ? options.backgroundColor : null;
    // Electron announces every new webContents on the app.
    fake.app.emit('web-contents-created', fakeEvent({}), this.webContents);
  }

  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.windows.filter((w) => !w.webContents.destroyed);
  }

  async loadFile(path: string): Promise<void> {
    this.loadedFile = path;
    this.webContents.mainFrame.url = pathToFileURL(path).href;
    this.emit('ready-to-show');
  }

  show(): void {
    this.shown = true;
  }
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
  setBackgroundColor(color: string): void {
    this.backgroundColor = color;
  }
}

type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain {
  readonly handlers = new Map<string, IpcHandler>();
  handle(channel: string, handler: IpcHandler): void {
    // Electron throws on a second handler for one channel; so do we.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]>; cancel?: boolean }) => void,
) => void;

class FakeSession {
  headersListener: HeadersListener | null = null;
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null = null;
  permissionCheckHandler: ((contents: unknown, permission: string, origin: string, details: unknown) => boolean) | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }
}

class FakeApp extends FakeEmitter {
  userDataDir = '';
  singleInstance = true;
  sandboxEnabled = false;
  quitCalls = 0;
  readonly isPackaged = false;

  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstance;
  }
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`fake app.getPath: unexpected "${name}"`);
    if (!this.userDataDir) throw new Error('fake app.getPath: set fake.app.userDataDir first');
    return this.userDataDir;
  }
  getVersion(): string {
    return '0.0.0-smoke';
  }
  getName(): string {
    return 'Gorgias OAuth Workbench';
  }
  quit(): void {
    this.quitCalls += 1;
  }
  /** app.exit(code): recorded, the process is not ended (main's --cli mode calls it). */
  exitCodes: number[] = [];
  exit(code = 0): void {
    this.exitCodes.push(code);
  }
}

/** Reversible, recognisable "encryption": enough to prove the key goes through safeStorage. */
class FakeSafeStorage {
  available = true;
  backend: 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown' = 'gnome_libsecret';
  calls = { encrypt: 0, decrypt: 0 };

  async isAsyncEncryptionAvailable(): Promise<boolean> {
    return this.available;
  }
  getSelectedStorageBackend() {
    return this.backend;
  }
  async encryptStringAsync(plainText: string): Promise<Buffer> {
    this.calls.encrypt += 1;
    return Buffer.concat([Buffer.from('fake-os:'), Buffer.from(plainText, 'utf8').reverse()]);
  }
  async decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }> {
    this.calls.decrypt += 1;
    const prefix = Buffer.from('fake-os:');
    if (!encrypted.subarray(0, prefix.length).equals(prefix)) throw new Error('fake safeStorage: not ours');
    return { shouldReEncrypt: false, result: Buffer.from(encrypted.subarray(prefix.length)).reverse().toString('utf8') };
  }
}

function createFake() {
  return {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    ipcMain: new FakeIpcMain(),
    session: { defaultSession: new FakeSession() },
    shell: {
      opened: [] as string[],
      async openExternal(url: string): Promise<void> {
        this.opened.push(url);
      },
    },
    safeStorage: new FakeSafeStorage(),
    clipboard: {
      written: [] as string[],
      writeText(text: string): void {
        this.written.push(text);
      },
    },
    nativeTheme: Object.assign(new FakeEmitter(), { shouldUseDarkColors: false }),
    Menu: {
      current: null as { template: unknown[] } | null,
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu(menu: { template: unknown[] } | null): void {
        this.current = menu;
      },
    },
    dialog: {
      errors: [] as { title: string; content: string }[],
      showErrorBox(title: string, content: string): void {
        this.errors.push({ title, content });
      },
    },
  };
}

/** The one fake the glue sees (module state, like the real electron module). */
export const fake = createFake();

/** The module shape for `vi.mock('electron', …)`: named exports plus a default. */
export function fakeElectronModule(): Record<string, unknown> {
  return { ...fake, default: fake };
}

/** electron-store is conf plus Electron paths; with an explicit cwd it is conf with `name` renamed. */
export class FakeElectronStore extends Conf<Record<string, unknown>> {
  constructor({ name, ...options }: { name?: string } & Record<string, unknown>) {
    super({ ...options, ...(name ? { configName: name } : {}) });
  }
}
