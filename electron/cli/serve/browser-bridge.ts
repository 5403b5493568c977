// `window.workbench` for the browser door (`gorgias-workbench serve`), loaded as a classic script
// before the app's module. The contract travels over HTTP to the same dispatcher as Electron's IPC:
// POST /api/invoke/<method> answers the Result; GET /api/events is a server-sent event stream.
// It is the same shape the preload exposes, `{ invoke(method, input), on(event, listener) }`, built by
// the very bridge the preload uses; the server's dispatcher is the one judge of which methods exist.
// Copy goes through the browser's clipboard here: the server's clipboard is not the user's.
import { createBridge, type BridgeTransport } from '../../preload/create-bridge';
import type { Result } from '../../common/errors';

const DOOR_HEADER = 'X-Workbench-Door';

const failure = (message: string): Result<never> => ({ ok: false, error: { code: 'INTERNAL', message } });

async function post(method: string, input: unknown): Promise<unknown> {
  const response = await fetch(`/api/invoke/${encodeURIComponent(method)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', [DOOR_HEADER]: 'browser' },
    body: JSON.stringify({ input: input === undefined ? null : input }),
  });
  if (response.status === 403) return failure('The workbench server refused this page: open the link `gorgias-workbench serve` printed.');
  return response.json();
}

const localListeners = new Set<(event: string, payload: unknown) => void>();
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
async function invoke(method: string, input: unknown): Promise<unknown> {
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
        const { event, payload } = JSON.parse(message.data) as { event: string; payload: unknown };
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

const bridge = createBridge({
  ...transport,
  async invoke(method, input) {
    try {
      return await transport.invoke(method, input);
    } catch {
      return failure('The workbench server did not answer. Is `gorgias-workbench serve` still running?');
    }
  },
});
Object.defineProperty(window, 'workbench', { value: Object.freeze({ ...bridge, door: 'browser' as const }), enumerable: true });
document.title = 'Gorgias OAuth Workbench (browser)';
