// The bridge itself, in real Chromium, independent of how the UI looks: the shipped preload exposes
// `invoke` and `on` and nothing else, calls reach the real backend through main's own registration
// and dispatcher (which refuse any method the contract does not declare), events come back, nothing
// Node-ish is reachable from the page, the CSP is enforced, and calls from a sub-frame or from a page
// of another origin are refused.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';

import { contract } from '../../../electron/common/contract';
import { RENDERER_CSP } from '../../../electron/common/content-security-policy';
import { closeSharedBrowser, RENDERER_DIR, startHarness, type Harness, type PageBridge } from '../harness';
import { startStaticServer } from '../harness/static-server';
import { SECRET, appInput } from './inputs';

type PageWindow = typeof globalThis & { workbench: PageBridge; __seen?: unknown[] };

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(async () => {
  await harness.close();
});
afterAll(closeSharedBrowser);

describe('window.workbench in the built renderer', () => {
  it('is two frozen functions, invoke and on, and nothing else', async () => {
    const shape = await harness.page.evaluate(() => {
      const api = (globalThis as PageWindow).workbench as unknown as Record<string, unknown>;
      return { keys: Object.keys(api).sort(), invoke: typeof api.invoke, on: typeof api.on, frozen: Object.isFrozen(api) };
    });
    expect(shape).toEqual({ keys: ['invoke', 'on'], invoke: 'function', on: 'function', frozen: true });
  });

  it('reaches every declared method, and only those: anything else is UNKNOWN_METHOD from main', async () => {
    const declared = Object.keys(contract);
    const pairs = await harness.page.evaluate(async (methods) => {
      const { workbench } = globalThis as PageWindow;
      // Pairs, not an object: a method called "__proto__" must not become the object's prototype.
      const codes: Array<[string, string]> = [];
      // A deliberately malformed argument: a declared method answers INVALID_ARGUMENT without running.
      for (const method of methods) {
        const result = await workbench.invoke(method, { 'not-a-field': 1 });
        codes.push([method, result.ok ? 'ok' : result.error.code]);
      }
      for (const method of ['apps.nuke', 'constructor', '__proto__', 'apps', '', 42, null]) {
        const result = await workbench.invoke(method, undefined);
        codes.push([String(method), result.ok ? 'ok' : result.error.code]);
      }
      return codes;
    }, declared);
    const answers = new Map(pairs);
    for (const method of declared) expect(answers.get(method), method).not.toBe('UNKNOWN_METHOD');
    for (const method of ['apps.nuke', 'constructor', '__proto__', 'apps', '', '42', 'null']) expect(answers.get(method), method).toBe('UNKNOWN_METHOD');
  });

  it('answers apps.list with a Result from the real backend', async () => {
    const result = await harness.page.evaluate(() => (globalThis as PageWindow).workbench.invoke('apps.list'));
    expect(result).toEqual({ ok: true, value: await harness.backend['apps.list'](undefined) });
    expect(result.ok && result.value.length).toBeGreaterThan(0);
    expect(harness.received).toContainEqual({ kind: 'result', method: 'apps.list', data: result });
  });

  it('rejects a malformed argument with INVALID_ARGUMENT before the backend sees it', async () => {
    const result = await harness.page.evaluate(() =>
      (globalThis as PageWindow).workbench.invoke('accounts.create', { subdomain: 5 }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const accounts = await harness.backend['accounts.list'](undefined);
    expect(accounts.some((account) => String(account.subdomain) === '5')).toBe(false);
  });

  it('pushes backend events to listeners registered with on(), and never returns the secret', async () => {
    await harness.page.evaluate(() => {
      const page = globalThis as PageWindow;
      page.__seen = [];
      page.workbench.on('apps.changed', (payload) => page.__seen!.push(payload ?? 'changed'));
    });
    const created = await harness.page.evaluate((input) => (globalThis as PageWindow).workbench.invoke('apps.create', input), appInput());
    expect(created).toMatchObject({ ok: true, value: { name: 'E2E app', hasClientSecret: true } });
    await harness.page.waitForFunction(() => ((globalThis as PageWindow).__seen ?? []).length > 0);
    expect(harness.received.some((item) => item.kind === 'event' && item.event === 'apps.changed')).toBe(true);
    expect(harness.receivedText()).not.toContain(SECRET);
  });
});

describe('what the page cannot reach', () => {
  it('has no require, process, ipcRenderer or harness binding; the only invoke is window.workbench\'s', async () => {
    const reach = await harness.page.evaluate(() => {
      const page = globalThis as unknown as Record<string, unknown>;
      const withInvoke = Object.getOwnPropertyNames(globalThis).filter((name) => {
        try {
          const value = page[name] as { invoke?: unknown } | null;
          return typeof value === 'object' && value !== null && typeof value.invoke === 'function';
        } catch {
          return false;
        }
      });
      return {
        require: typeof page.require,
        process: typeof page.process,
        module: typeof page.module,
        ipcRenderer: typeof page.ipcRenderer,
        electron: typeof page.electron,
        binding: typeof page.__workbenchIpcInvoke,
        withInvoke,
      };
    });
    expect(reach).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', ipcRenderer: 'undefined', electron: 'undefined', binding: 'undefined', withInvoke: ['workbench'] });
  });

  it('enforces the CSP: an inline script added through the DOM does not run', async () => {
    const outcome = await harness.page.evaluate(async () => {
      const violation = new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true });
      });
      const script = document.createElement('script');
      script.textContent = 'globalThis.__inlineRan = true';
      document.head.append(script);
      // An inline script that is allowed runs synchronously on insertion, so this is already final.
      const ran = (globalThis as unknown as { __inlineRan?: boolean }).__inlineRan === true;
      return { ran, directive: await violation };
    });
    expect(outcome).toEqual({ ran: false, directive: 'script-src-elem' });
  });

  it('serves the same CSP as a header as the page declares in its meta tag', async () => {
    const meta = await harness.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    const response = await fetch(harness.rendererUrl);
    expect(response.headers.get('content-security-policy')).toBe(meta);
    expect(meta).toBe(RENDERER_CSP);
  });
});

describe('sender checks', () => {
  it('refuses calls from a sub-frame with FORBIDDEN_SENDER', async () => {
    const before = harness.received.length;
    const result = await harness.page.evaluate(async () => {
      const frame = document.createElement('iframe');
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      frame.srcdoc = '<p>an embedded frame</p>';
      document.body.append(frame);
      await loaded;
      const inner = frame.contentWindow as unknown as PageWindow;
      return inner.workbench.invoke('apps.list');
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    // The UI makes its own calls meanwhile, so look for ours among them.
    expect(harness.received.slice(before)).toContainEqual({ kind: 'result', method: 'apps.list', data: result });
  });

  it('refuses calls from our renderer served at another origin with FORBIDDEN_SENDER', async () => {
    const elsewhere = await startStaticServer(RENDERER_DIR);
    try {
      await harness.page.goto(`${elsewhere.baseUrl}/index.html`);
      const result = await harness.page.evaluate(() => (globalThis as PageWindow).workbench.invoke('accounts.list'));
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    } finally {
      await elsewhere.close();
    }
  });
});
