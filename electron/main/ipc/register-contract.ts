// The one IPC registration, generic over the contract: ONE `ipcMain.handle` on the invoke channel
// (any other channel is simply unanswered and the renderer's invoke rejects), whose first argument
// names the method; main's dispatcher refuses names the contract does not declare. Every call first
// proves it comes from our window's MAIN frame showing our own renderer file; anything else (an
// iframe, a navigated-away page, another window) gets FORBIDDEN_SENDER and the backend never runs.
// It does not import Electron (the linter forbids even type imports outside the glue): it declares
// the few members it reads, and main.ts passes the real ipcMain/webContents, which the compiler checks
// against these shapes. So this file is unit-tested with plain objects.
import { INVOKE_CHANNEL } from '../../common/ipc-channels';
import type { Result } from '../../common/errors';
import { isOwnRendererUrl } from '../security/renderer-origin';

/** The part of a WebFrameMain we look at. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  readonly processId: number;
  readonly routingId: number;
}

/** The part of a WebContents we look at. */
export interface WebContentsLike {
  readonly id: number;
  readonly mainFrame: FrameLike;
  isDestroyed(): boolean;
}

/** The part of an IpcMainInvokeEvent we look at. */
export interface InvokeEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: FrameLike | null;
}

type Handler = (event: InvokeEventLike, method: unknown, input: unknown) => Promise<Result<unknown>>;

export interface IpcMainLike {
  handle(channel: string, listener: Handler): void;
  removeHandler(channel: string): void;
}

export interface RegisterContractOptions {
  ipcMain: IpcMainLike;
  /** Main's dispatcher (electron/backend/dispatch/dispatcher.ts): checks the method and its argument, calls the backend. */
  dispatch: (method: unknown, input: unknown) => Promise<Result<unknown>>;
  /** Our window's webContents, or null while there is none (before creation, after close). */
  trustedWebContents: () => WebContentsLike | null;
  /** The file:// URL of dist/renderer/index.html. */
  rendererUrl: string;
  /** Told about refused senders (never with the argument, which may hold a secret). */
  onForbidden?: (method: string, reason: string) => void;
}

const forbidden = (): Result<never> => ({
  ok: false,
  error: { code: 'FORBIDDEN_SENDER', message: 'This call did not come from the workbench window and was refused.' },
});

/** Why a sender is refused, or null when it is our window's main frame on our page. */
export function senderProblem(event: InvokeEventLike, trusted: WebContentsLike | null, rendererUrl: string): string | null {
  if (!trusted || trusted.isDestroyed()) return 'no workbench window';
  if (event.sender.id !== trusted.id) return 'another webContents';
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  const main = trusted.mainFrame;
  // WebFrameMain objects are usually the same instance; compare identities as a fallback.
  const isMainFrame = frame === main || (frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId);
  if (!isMainFrame || frame.parent !== null) return 'a frame other than the window\'s main frame';
  if (!isOwnRendererUrl(frame.url, rendererUrl)) return 'a page that is not the workbench';
  return null;
}

/** Registers the invoke channel; returns a function that removes it again. */
export function registerContract(options: RegisterContractOptions): () => void {
  const { ipcMain, dispatch, trustedWebContents, rendererUrl, onForbidden } = options;
  ipcMain.handle(INVOKE_CHANNEL, async (event, method, input) => {
    const problem = senderProblem(event, trustedWebContents(), rendererUrl);
    if (problem) {
      onForbidden?.(typeof method === 'string' ? method.slice(0, 100) : typeof method, problem);
      return forbidden();
    }
    return dispatch(method, input);
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}
