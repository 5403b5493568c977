import { describe, expect, it } from 'vitest';
import { createBridge, type BridgeTransport } from '../../../electron/preload/create-bridge';

function fakeTransport(answer: (method: string, input: unknown) => unknown) {
  const invoked: Array<{ method: string; input: unknown }> = [];
  let push: ((event: string, payload: unknown) => void) | null = null;
  let subscriptions = 0;
  const transport: BridgeTransport = {
    async invoke(method, input) {
      invoked.push({ method, input });
      return answer(method, input);
    },
    subscribe(listener) {
      subscriptions += 1;
      push = listener;
      return () => {
        push = null;
      };
    },
  };
  return { transport, invoked, emit: (event: string, payload: unknown) => push?.(event, payload), subscriptions: () => subscriptions };
}

describe('createBridge', () => {
  it('is invoke and on, nothing else', () => {
    const bridge = createBridge(fakeTransport(() => ({ ok: true, value: null })).transport);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });

  it('sends the method and input through the transport and returns its Result', async () => {
    const fake = fakeTransport(() => ({ ok: true, value: [{ id: 'app_1' }] }));
    const bridge = createBridge(fake.transport);
    await expect(bridge.invoke('apps.list')).resolves.toEqual({ ok: true, value: [{ id: 'app_1' }] });
    expect(fake.invoked).toEqual([{ method: 'apps.list', input: undefined }]);
  });

  it('refuses a method name that is not a short string without using the transport', async () => {
    const fake = fakeTransport(() => ({ ok: true, value: null }));
    const bridge = createBridge(fake.transport);
    for (const name of [42, null, undefined, {}, '', 'x'.repeat(101)]) {
      await expect(bridge.invoke(name as string)).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    expect(fake.invoked).toEqual([]);
  });

  it('answers a Result even when the transport throws or answers nonsense', async () => {
    const throwing = createBridge(fakeTransport(() => Promise.reject(new Error('ipc closed'))).transport);
    await expect(throwing.invoke('vault.status')).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const nonsense = createBridge(fakeTransport(() => 'not a result').transport);
    await expect(nonsense.invoke('vault.status')).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('delivers events to their listeners only, survives a faulty listener, and unsubscribes', () => {
    const fake = fakeTransport(() => null);
    const bridge = createBridge(fake.transport);
    const seen: unknown[] = [];
    const off = bridge.on('apps.changed', (payload) => seen.push(payload));
    bridge.on('notice', () => {
      throw new Error('a faulty listener');
    });
    fake.emit('apps.changed', null);
    fake.emit('notice', { level: 'info', message: 'hi' });
    fake.emit('not.an.event', 1);
    off();
    fake.emit('apps.changed', null);
    expect(seen).toEqual([null]);
    expect(fake.subscriptions()).toBe(1);
  });

  it('ignores a listener that is not a function', () => {
    const bridge = createBridge(fakeTransport(() => null).transport);
    const off = bridge.on('apps.changed', 'not a function' as unknown as () => void);
    expect(typeof off).toBe('function');
  });
});
