// What the backend needs from the outside world, as small interfaces. Electron's implementations
// live in electron/main/adapters/ (the only place that may import `electron`); tests and headless use
// pass plain Node ones (test/fakes/, or the defaults in create-backend.ts).

/** Protects the vault's data key with the OS (Electron's safeStorage async API in the app). */
export interface KeyProtector {
  /**
   * strong: a real OS keychain. weak: an API exists but gives no real protection (Linux
   * `basic_text`). unavailable: none at all.
   */
  availability(): Promise<{ level: 'strong' | 'weak' | 'unavailable'; backend: string | null }>;
  protect(plaintext: string): Promise<Uint8Array>;
  /** `shouldReprotect`: the OS asks for the value to be protected again (key rotation). */
  unprotect(ciphertext: Uint8Array): Promise<{ plaintext: string; shouldReprotect: boolean }>;
}

/** Opens a URL in the user's system browser (never inside the app window). */
export type BrowserOpener = (url: string) => Promise<void>;

/** Writes text to the system clipboard (main does the copying, so secrets never pass the renderer). */
export interface ClipboardPort {
  writeText(text: string): void | Promise<void>;
  /** A secret: written with the platform's "concealed / not in history" markers where it has them. */
  writeSecret?(text: string): Promise<void>;
  /** What the clipboard holds now (to clear a copied secret only if it is still ours). */
  readText?(): Promise<string>;
  clear?(): Promise<void>;
}

export interface Clock {
  now(): number;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

/**
 * Opens a conf-compatible store. The app passes electron-store (which wraps conf); Node tests and
 * headless use pass conf itself. Typed loosely on purpose: the two packages' option types differ
 * only in Electron-specific extras.
 */
export type StoreFactory = (options: {
  cwd: string;
  configName: string;
  /** Only to read stores written before store format 1; the vault seals the file itself now. */
  encryptionKey?: string;
  encryptionAlgorithm?: 'aes-256-gcm';
  clearInvalidConfig: false;
  fileExtension: string;
  configFileMode?: number;
  serialize?: (value: Record<string, unknown>) => string;
  deserialize?: (text: string) => Record<string, unknown>;
}) => ConfLike;

export interface ConfLike {
  store: Record<string, unknown>;
  readonly path: string;
}

export interface BackendPorts {
  keyProtector: KeyProtector;
  openInBrowser: BrowserOpener;
  clipboard: ClipboardPort;
  clock?: Clock;
  logger?: Logger;
  storeFactory?: StoreFactory;
  /** Where the `fetch` for OAuth and API calls comes from; tests may wrap it to count requests. */
  fetch?: typeof fetch;
  /** Timers for delayed work (clearing a copied secret); tests pass a controllable one. */
  schedule?: (ms: number, run: () => void) => () => void;
}
