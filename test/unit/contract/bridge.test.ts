import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, METHOD_NAMES, type EventName, type MethodName } from '../../../electron/common/contract-names';
import { createBridge, type BridgeTransport } from '../../../electron/preload/create-bridge';

function fakeTransport(answer: (method: MethodName, input: unknown) => unknown) {
  const invoked: Array<{ method: MethodName; input: unknown }> = [];
  let push: ((event: EventName, payload: unknown) => void) | null = null;
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
  return { transport, invoked, emit: (event: EventName, payload: unknown) => push?.(event, payload), subscriptions: () => subscriptions };
}

describe('createBridge', () => {
  it('exposes one function per contract method, grouped by namespace', () => {
    const bridge = createBridge(fakeTransport(() => ({ ok: true, value: null })).transport) as unknown as Record<string, Record<string, unknown>>;
    for (const method of METHOD_NAMES) {
      const [namespace, operation] = method.split('.') as [string, string];
      expect(typeof bridge[namespace]?.[operation], method).toBe('function');
    }
  });

  it('sends the method and input through the transport and returns its Result', async () => {
    const fake = fakeTransport(() => ({ ok: true, value: [{ id: 'app_1' }] }));
    const bridge = createBridge(fake.transport);
    await expect(bridge.apps.list()).resolves.toEqual({ ok: true, value: [{ id: 'app_1' }] });
    expect(fake.invoked).toEqual([{ method: 'apps.list', input: undefined }]);
  });

  it('answers a Result even when the transport throws or answers nonsense', async () => {
    const throwing = createBridge(fakeTransport(() => Promise.reject(new Error('ipc closed'))).transport);
    await expect(throwing.vault.status()).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const nonsense = createBridge(fakeTransport(() => 'not a result').transport);
    await expect(nonsense.vault.status()).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('delivers known events to their listeners only, and unsubscribes', () => {
    const fake = fakeTransport(() => null);
    const bridge = createBridge(fake.transport);
    const seen: unknown[] = [];
    const off = bridge.on('apps.changed', (payload) => seen.push(payload));
    bridge.on('notice', () => {
      throw new Error('a faulty listener');
    });
    fake.emit('apps.changed', null);
    fake.emit('notice', { level: 'info', message: 'hi' });
    fake.emit('not.an.event' as EventName, 1);
    off();
    fake.emit('apps.changed', null);
    expect(seen).toEqual([null]);
    expect(fake.subscriptions()).toBe(1);
  });

  it('ignores listeners for unknown events', () => {
    const bridge = createBridge(fakeTransport(() => null).transport);
    const off = (bridge.on as (event: string, listener: unknown) => () => void)('shell.exec', () => undefined);
    expect(typeof off).toBe('function');
    expect(EVENT_NAMES).not.toContain('shell.exec');
  });
});
