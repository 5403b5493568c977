// What main does with the window's IPC, for the harness: the PRODUCTION registration
// (electron/main/ipc/register-contract.ts, with its sender check) and the production dispatcher,
// registered on a stand-in ipcMain. Only the transport differs: calls arrive over a Playwright
// binding instead of Electron's pipes, with the facts Electron would give about the sending frame.
// Every Result goes into the harness's record, so tests can assert on everything the page received.
import type { Result } from '../../../electron/common/errors';
import { registerContract, type FrameLike, type InvokeEventLike, type IpcMainLike } from '../../../electron/main/ipc/register-contract';

export interface SenderFacts {
  /** The call comes from the harness's page (not another tab). */
  fromOurPage: boolean;
  /** The sending frame is that page's main frame. */
  isMainFrame: boolean;
  /** The URL the sending frame shows. */
  url: string;
  /** The URL the page's main frame shows. */
  mainFrameUrl: string;
}

export interface IpcHandlerOptions {
  /** The served renderer page, e.g. http://127.0.0.1:1234/index.html. */
  rendererUrl: string;
  dispatch: (method: unknown, input: unknown) => Promise<Result<unknown>>;
  /** Told about every answer, with the method the call named. */
  record: (method: string, result: Result<unknown>) => void;
}

type Listener = Parameters<IpcMainLike['handle']>[1];

const PAGE_CONTENTS_ID = 1;

export function createIpcHandler(options: IpcHandlerOptions) {
  const listeners = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void listeners.set(channel, listener),
    removeHandler: (channel) => void listeners.delete(channel),
  };
  // One main-frame object, as Electron hands out one WebFrameMain per frame.
  const mainFrame: { url: string; parent: FrameLike | null; processId: number; routingId: number } = { url: '', parent: null, processId: 1, routingId: 1 };
  registerContract({
    ipcMain,
    dispatch: options.dispatch,
    trustedWebContents: () => ({ id: PAGE_CONTENTS_ID, mainFrame, isDestroyed: () => false }),
    rendererUrl: options.rendererUrl,
  });

  return async function handle(sender: SenderFacts, channel: unknown, ...args: unknown[]): Promise<Result<unknown>> {
    const listener = typeof channel === 'string' ? listeners.get(channel) : undefined;
    // As in Electron: invoking a channel nobody handles rejects in the renderer.
    if (!listener) throw new Error(`No handler registered for '${String(channel).slice(0, 100)}'`);
    mainFrame.url = sender.mainFrameUrl;
    const senderFrame: FrameLike = sender.isMainFrame ? mainFrame : { url: sender.url, parent: mainFrame, processId: 1, routingId: 2 };
    const event: InvokeEventLike = { sender: { id: sender.fromOurPage ? PAGE_CONTENTS_ID : PAGE_CONTENTS_ID + 1 }, senderFrame };
    const result = await listener(event, args[0], args[1]);
    options.record(typeof args[0] === 'string' ? args[0].slice(0, 100) : String(args[0]), result);
    return result;
  };
}
