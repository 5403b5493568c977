// Backend ports for tests that drive the whole app: nothing leaves the machine, everything the
// backend asks of the outside world is recorded. Opening "the system browser" only records the URL
// (the e2e harness then visits it in a separate Chromium context, as a user's browser would); the
// clipboard is a list; the vault's key is protected by the fake keychain (strong by default).
import type { BackendPorts, KeyProtector } from '../../electron/backend/ports';
import { confStoreFactory } from '../../electron/backend/vault/conf-store-factory';
import { createFakeKeyProtector } from './fake-key-protector';

export interface RecordingPorts {
  ports: BackendPorts;
  /** Every URL the backend sent to the system browser, oldest first. */
  openedUrls: string[];
  /** Every text main put on the clipboard, oldest first. */
  clipboard: string[];
  /** Texts written as secrets (concealed from clipboard history), oldest first. */
  concealed: string[];
  /** What the clipboard holds now ('' once cleared); a test may set it, as the user copying something else. */
  clipboardNow: { text: string };
  /** Called after each URL is recorded (lets a test wait for the browser step). */
  onOpen(listener: (url: string) => void): () => void;
}

export interface RecordingPortsOptions {
  keyProtector?: KeyProtector;
  fetch?: typeof fetch;
  /** Timers for delayed work (a controllable clock's); default: real timers. */
  schedule?: BackendPorts['schedule'];
}

export function createRecordingPorts(options: RecordingPortsOptions = {}): RecordingPorts {
  const openedUrls: string[] = [];
  const clipboard: string[] = [];
  const concealed: string[] = [];
  const clipboardNow = { text: '' };
  const openListeners = new Set<(url: string) => void>();
  const ports: BackendPorts = {
    keyProtector: options.keyProtector ?? createFakeKeyProtector({ level: 'strong' }),
    storeFactory: confStoreFactory,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    async openInBrowser(url) {
      openedUrls.push(url);
      for (const listener of openListeners) listener(url);
    },
    clipboard: {
      writeText(text) {
        clipboard.push(text);
        clipboardNow.text = text;
      },
      async writeSecret(text) {
        clipboard.push(text);
        concealed.push(text);
        clipboardNow.text = text;
      },
      readText: async () => clipboardNow.text,
      async clear() {
        clipboardNow.text = '';
      },
    },
    ...(options.schedule ? { schedule: options.schedule } : {}),
  };
  return {
    ports,
    openedUrls,
    clipboard,
    concealed,
    clipboardNow,
    onOpen(listener) {
      openListeners.add(listener);
      return () => openListeners.delete(listener);
    },
  };
}
