import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNEL } from '../../../electron/common/ipc-channels';
import type { Result } from '../../../electron/common/errors';
import {
  registerContract,
  senderProblem,
  type FrameLike,
  type InvokeEventLike,
  type IpcMainLike,
  type WebContentsLike,
} from '../../../electron/main/ipc/register-contract';

const rendererUrl = 'file:///opt/workbench/resources/app.asar/dist/renderer/index.html';

function frame(url: string, parent: FrameLike | null = null, ids = { processId: 4, routingId: 1 }): FrameLike {
  return { url, parent, ...ids };
}

function fakeIpc() {
  const handlers = new Map<string, (event: InvokeEventLike, method: unknown, input: unknown) => Promise<Result<unknown>>>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  return { ipc, handlers };
}

function setup() {
  const mainFrame = frame(`${rendererUrl}#/apps`);
  const contents: WebContentsLike & { destroyed: boolean } = {
    id: 7,
    mainFrame,
    destroyed: false,
    isDestroyed() {
      return this.destroyed;
    },
  };
  const calls: { method: unknown; input: unknown }[] = [];
  const { ipc, handlers } = fakeIpc();
  const unregister = registerContract({
    ipcMain: ipc,
    dispatch: async (method, input) => {
      calls.push({ method, input });
      return { ok: true, value: `handled ${String(method)}` };
    },
    trustedWebContents: () => contents,
    rendererUrl,
  });
  const invoke = (method: string, event: InvokeEventLike, input?: unknown) => handlers.get(INVOKE_CHANNEL)!(event, method, input);
  return { contents, mainFrame, calls, handlers, unregister, invoke };
}

describe('registerContract', () => {
  it('registers exactly one handler, on the invoke channel, and removes it', () => {
    const { handlers, unregister } = setup();
    expect([...handlers.keys()]).toEqual([INVOKE_CHANNEL]);
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('passes calls from our main frame on our page to the dispatcher', async () => {
    const { invoke, mainFrame, calls } = setup();
    const answer = await invoke('apps.list', { sender: { id: 7 }, senderFrame: mainFrame });
    expect(answer).toEqual({ ok: true, value: 'handled apps.list' });
    expect(calls).toEqual([{ method: 'apps.list', input: undefined }]);
  });

  it('accepts an equal (not identical) main-frame object', async () => {
    const { invoke } = setup();
    const answer = await invoke('vault.status', { sender: { id: 7 }, senderFrame: frame(rendererUrl) });
    expect(answer.ok).toBe(true);
  });

  it.each<[string, (s: ReturnType<typeof setup>) => InvokeEventLike]>([
    ['a sub-frame of our window', (s) => ({ sender: { id: 7 }, senderFrame: frame(rendererUrl, s.mainFrame, { processId: 4, routingId: 9 }) })],
    ['another webContents', (s) => ({ sender: { id: 8 }, senderFrame: s.mainFrame })],
    ['a frame that is gone', () => ({ sender: { id: 7 }, senderFrame: null })],
    ['our main frame showing another page', () => ({ sender: { id: 7 }, senderFrame: frame('https://evil.example/index.html') })],
    ['our main frame showing another local file', () => ({ sender: { id: 7 }, senderFrame: frame('file:///tmp/evil/index.html') })],
    ['a top-level frame in another renderer process', () => ({ sender: { id: 7 }, senderFrame: frame(rendererUrl, null, { processId: 5, routingId: 1 }) })],
  ])('refuses %s with FORBIDDEN_SENDER and never dispatches', async (_name, makeEvent) => {
    const s = setup();
    const answer = await s.invoke('apps.create', makeEvent(s), { name: 'x' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(s.calls).toEqual([]);
  });

  it('refuses everything once the window is destroyed', async () => {
    const s = setup();
    s.contents.destroyed = true;
    const answer = await s.invoke('apps.list', { sender: { id: 7 }, senderFrame: s.mainFrame });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });
});

describe('senderProblem', () => {
  it('names why a sender is refused', () => {
    const main = frame(rendererUrl);
    const contents: WebContentsLike = { id: 1, mainFrame: main, isDestroyed: () => false };
    expect(senderProblem({ sender: { id: 1 }, senderFrame: main }, contents, rendererUrl)).toBeNull();
    expect(senderProblem({ sender: { id: 1 }, senderFrame: main }, null, rendererUrl)).toBe('no workbench window');
    expect(senderProblem({ sender: { id: 1 }, senderFrame: frame(rendererUrl, main) }, contents, rendererUrl)).toBe("a frame other than the window's main frame");
  });
});
