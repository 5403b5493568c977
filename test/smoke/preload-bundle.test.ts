// Smoke test of the BUILT preload (dist/preload/preload.cjs; `npx vite build` first): it must be one
// CommonJS file whose only require is `electron` (a sandboxed preload can load nothing else), and it
// must expose `window.workbench` over ipcRenderer on the contract's channels, and nothing else.
import { existsSync, readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../electron/common/ipc-channels';

const preloadPath = new URL('../../dist/preload/preload.cjs', import.meta.url);

type IpcListener = (event: unknown, message: unknown) => void;

function loadPreload() {
  if (!existsSync(preloadPath)) throw new Error('dist/preload/preload.cjs is missing: run `npx vite build` first');
  const source = readFileSync(preloadPath, 'utf8');
  const exposed = new Map<string, unknown>();
  const invoked: { channel: string; args: unknown[] }[] = [];
  const listeners = new Map<string, Set<IpcListener>>();
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        invoked.push({ channel, args });
        return { ok: true, value: `answer from ${channel}` };
      },
      on: (channel: string, listener: IpcListener) => {
        (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)!).add(listener);
      },
      removeListener: (channel: string, listener: IpcListener) => listeners.get(channel)?.delete(listener),
    },
  };
  const module = { exports: {} };
  // The sandboxed preload gets `require` and little else: no process, no Buffer.
  runInNewContext(source, {
    require: (name: string) => {
      required.push(name);
      if (name !== 'electron') throw new Error(`the sandboxed preload cannot require "${name}"`);
      return electron;
    },
    module,
    exports: module.exports,
    console,
  });
  return { source, exposed, invoked, listeners, required };
}

describe('the built preload bundle', () => {
  it('is one CommonJS file that requires only electron', () => {
    const { source, required } = loadPreload();
    expect(required).toEqual(['electron']);
    const requires = [...source.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
    expect(source).not.toMatch(/^\s*import\s|\bimport\(/m);
  });

  it('exposes only window.workbench, with invoke and on and nothing else', () => {
    const { exposed } = loadPreload();
    expect([...exposed.keys()]).toEqual(['workbench']);
    const api = exposed.get('workbench') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(typeof api.invoke).toBe('function');
    expect(typeof api.on).toBe('function');
  });

  it('invokes every method on the one invoke channel, the method named first', async () => {
    const { exposed, invoked } = loadPreload();
    const api = exposed.get('workbench') as { invoke(method: unknown, input?: unknown): Promise<unknown> };
    expect(await api.invoke('apps.list')).toEqual({ ok: true, value: `answer from ${INVOKE_CHANNEL}` });
    await api.invoke('apps.delete', { id: 'app_1' });
    await expect(api.invoke(42)).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(invoked).toEqual([
      { channel: INVOKE_CHANNEL, args: ['apps.list', undefined] },
      { channel: INVOKE_CHANNEL, args: ['apps.delete', { id: 'app_1' }] },
    ]);
  });

  it('delivers events from the event channel to the right listeners only', () => {
    const { exposed, listeners } = loadPreload();
    const api = exposed.get('workbench') as { on(event: string, listener: (payload: unknown) => void): () => void };
    const apps: unknown[] = [];
    const notices: unknown[] = [];
    const stopApps = api.on('apps.changed', (payload) => apps.push(payload));
    api.on('notice', (payload) => notices.push(payload));
    expect(api.on('not.an.event', () => undefined)).toBeTypeOf('function');
    const channelListeners = [...(listeners.get(EVENT_CHANNEL) ?? [])];
    expect(channelListeners).toHaveLength(1);
    expect([...listeners.keys()]).toEqual([EVENT_CHANNEL]);
    const deliver = (message: unknown) => channelListeners.forEach((listener) => listener({ sender: 'ipc' }, message));
    deliver({ event: 'apps.changed', payload: null });
    deliver({ event: 'notice', payload: { level: 'info', message: 'hi' } });
    deliver({ event: 'made.up', payload: 1 });
    deliver(null);
    stopApps();
    deliver({ event: 'apps.changed', payload: 'after unsubscribe' });
    expect(apps).toEqual([null]);
    expect(notices).toEqual([{ level: 'info', message: 'hi' }]);
  });
});
