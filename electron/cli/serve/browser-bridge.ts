// `window.workbench` for the browser door (`gorgias-workbench serve`), loaded as a classic script
// before the app's module. The contract travels over HTTP to the same dispatcher as Electron's IPC:
// POST /api/invoke/<method> answers the Result; GET /api/events is a server-sent event stream.
// It offers both shapes: `{ invoke(method, input), on(event, listener) }` and, built by the very
// bridge the preload uses, the per-namespace one (`workbench.apps.list()`).
// Copy goes through the browser's clipboard here: the server's clipboard is not the user's.
import { createBridge, type BridgeTransport } from '../../preload/create-bridge';
import { isMethodName, type EventName, type MethodName } from '../../common/contract-names';
import type { Result } from '../../common/errors';

const DOOR_HEADER = 'X-Workbench-Door';

const failure = (message: string): Result<never> => ({ ok: false, error: { code: 'INTERNAL', message } });

async function post(method: MethodName, input: unknown): Promise<unknown> {
  const response = await fetch(`/api/invoke/${encodeURIComponent(method)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', [DOOR_HEADER]: 'browser' },
    body: JSON.stringify({ input: input === undefined ? null : input }),
  });
  if (response.status === 403) return failure('The workbench server refused this page: open the link `gorgias-workbench serve` printed.');
  return response.json();
}

const localListeners = new Set<(event: EventName, payload: unknown) => void>();
const notice = (message: string) => {
  for (const listener of localListeners) listener('notice', { level: 'info', message });
};

async function copyInBrowser(text: string): Promise<Result<null>> {
  try {
    await navigator.clipboard.writeText(text);
    notice('Copied with your browser\'s clipboard (you are in the browser door, gorgias-workbench serve).');
    return { ok: true, value: null };
  } catch {
    return failure('The browser refused the clipboard: use Reveal and copy the text yourself.');
  }
}

/** The two copy methods copy in the browser; everything else goes to the server. */
async function invoke(method: MethodName, input: unknown): Promise<unknown> {
  if (method === 'system.copyText') return copyInBrowser((input as { text: string }).text);
  if (method === 'installs.copy') {
    const revealed = (await post('installs.reveal', input)) as Result<{ token: string }>;
    return revealed.ok ? copyInBrowser(revealed.value.token) : revealed;
  }
  return post(method, input);
}

const transport: BridgeTransport = {
  invoke,
  subscribe(listener) {
    localListeners.add(listener);
    const source = new EventSource('/api/events');
    source.onmessage = (message: MessageEvent<string>) => {
      try {
        const { event, payload } = JSON.parse(message.data) as { event: EventName; payload: unknown };
        listener(event, payload);
      } catch {
        // A malformed message is dropped, as Electron drops one to a dead frame.
      }
    };
    return () => {
      localListeners.delete(listener);
      source.close();
    };
  },
};

const bridge = createBridge(transport) as unknown as Record<string, unknown> & { on(event: unknown, listener: unknown): () => void };
const api = Object.freeze({
  ...bridge,
  /** The shape the renderer moves to: one generic call, Result in, Result out. */
  invoke: async (method: unknown, input?: unknown): Promise<Result<unknown>> => {
    if (!isMethodName(method)) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `There is no method called "${String(method).slice(0, 80)}".` } };
    try {
      return (await invoke(method, input)) as Result<unknown>;
    } catch {
      return failure('The workbench server did not answer. Is `gorgias-workbench serve` still running?');
    }
  },
  on: bridge.on,
  door: 'browser' as const,
});
Object.defineProperty(window, 'workbench', { value: api, enumerable: true });
document.title = 'Gorgias OAuth Workbench (browser)';
