// The harness's stand-in for main's IPC registration (electron/main/ipc/register-contract.ts): every
// call first proves it comes from the harness page's main frame showing our served renderer; then
// the channel must be `workbench:<contract method>`; then the real dispatcher validates the argument
// and calls the real backend. Every Result goes into the harness's record, so tests can assert on
// everything the page ever received.
import { METHOD_NAMES, methodChannel, type MethodName } from '../../../electron/common/contract-names';
import type { Result } from '../../../electron/common/errors';
import { isOwnRendererUrl } from '../../../electron/main/security/renderer-origin';

const CHANNEL_TO_METHOD = new Map<string, MethodName>(METHOD_NAMES.map((method) => [methodChannel(method), method]));

export interface SenderFacts {
  /** The sending frame is the harness page's main frame. */
  isMainFrame: boolean;
  /** The URL the sending frame shows. */
  url: string;
}

export interface IpcHandlerOptions {
  /** The served renderer page, e.g. http://127.0.0.1:1234/index.html. */
  rendererUrl: string;
  dispatch: (method: MethodName, input: unknown) => Promise<Result<unknown>>;
  /** Told about every answer, with the method when the channel named one. */
  record: (method: string, result: Result<unknown>) => void;
}

const forbidden: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN_SENDER', message: 'This call did not come from the workbench window and was refused.' },
};

export function createIpcHandler(options: IpcHandlerOptions) {
  return async function handle(sender: SenderFacts, channel: unknown, input: unknown): Promise<Result<unknown>> {
    const label = typeof channel === 'string' ? channel.replace(/^workbench:/, '').slice(0, 100) : String(channel);
    let result: Result<unknown>;
    const method = typeof channel === 'string' ? CHANNEL_TO_METHOD.get(channel) : undefined;
    if (!sender.isMainFrame || !isOwnRendererUrl(sender.url, options.rendererUrl)) {
      result = forbidden;
    } else if (!method) {
      result = { ok: false, error: { code: 'UNKNOWN_METHOD', message: `There is no IPC channel called "${label}".` } };
    } else {
      result = await options.dispatch(method, input);
    }
    options.record(method ?? label, result);
    return result;
  };
}
