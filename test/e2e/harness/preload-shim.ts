// Runs the REAL built preload (dist/preload/preload.cjs) in Chromium, as Electron would, with a fake
// `electron` module that carries IPC over a Playwright binding instead of Electron's pipes:
//   ipcRenderer.invoke(channel, ...args) -> the binding, answered in the test process by main's own
//                                       IPC registration (ipc-handler.ts)
//   ipcRenderer.on / removeListener   -> listeners kept here, fed by the harness's event pushes
//   contextBridge.exposeInMainWorld   -> a frozen, non-configurable property on window
// Everything else stays inside this closure: the page never sees `require`, `ipcRenderer` or the
// binding itself (it is taken off window before any page script runs). Any require other than
// 'electron' throws, which proves the shipped preload depends on nothing else.
//
// Differences from Electron, on purpose: the preload runs in every frame (Electron runs it only in
// the main frame by default), the worst case, so the handler's sender check is what keeps iframes
// out, as in main. And there is no isolated world: the API object lives in the page's world.
import { readFile } from 'node:fs/promises';

/** Name of the Playwright binding the fake ipcRenderer.invoke calls. */
export const INVOKE_BINDING = '__workbenchIpcInvoke';
/** Name of the (non-enumerable) function the harness calls to push a main->renderer message. */
export const EMIT_FUNCTION = '__workbenchHarnessEmit';

export async function readBuiltPreload(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new Error(`No built preload at ${path}: run "npx vite build" before the e2e tests.`);
  }
}

/** The init script: the preload's source wrapped in a CommonJS function with the fake electron. */
export function preloadInitScript(preloadSource: string): string {
  return `(() => {
  const invokeBinding = globalThis[${JSON.stringify(INVOKE_BINDING)}];
  delete globalThis[${JSON.stringify(INVOKE_BINDING)}];
  if (typeof invokeBinding !== 'function') throw new Error('e2e harness: the IPC binding is missing');

  const listeners = new Map();
  const deepFreeze = (value) => {
    if (value && (typeof value === 'object' || typeof value === 'function') && !Object.isFrozen(value)) {
      Object.freeze(value);
      for (const key of Object.getOwnPropertyNames(value)) deepFreeze(value[key]);
    }
    return value;
  };
  const ipcRenderer = {
    invoke: async (channel, ...args) => JSON.parse(await invokeBinding(String(channel), ...args)),
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      return ipcRenderer;
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  Object.freeze(ipcRenderer);
  const contextBridge = Object.freeze({
    exposeInMainWorld(key, api) {
      Object.defineProperty(globalThis, key, { value: deepFreeze(api), enumerable: true, configurable: false, writable: false });
    },
  });
  const electron = Object.freeze({ contextBridge, ipcRenderer });

  Object.defineProperty(globalThis, ${JSON.stringify(EMIT_FUNCTION)}, {
    enumerable: false,
    configurable: false,
    writable: false,
    value: (channel, message) => {
      const fakeEvent = Object.freeze({ sender: ipcRenderer, senderId: 0, ports: [] });
      for (const listener of [...(listeners.get(channel) ?? [])]) listener(fakeEvent, message);
      return (listeners.get(channel)?.size ?? 0);
    },
  });

  const require = (name) => {
    if (name === 'electron') return electron;
    throw new Error('The preload may only require "electron", not "' + String(name) + '".');
  };
  const module = { exports: {} };
  (function (require, module, exports) {
${preloadSource}
  }).call(undefined, require, module, module.exports);
})();`;
}
