// The bridge itself, in real Chromium, independent of how the UI looks: the shipped preload exposes
// exactly the contract, calls reach the real backend through main's dispatcher, events come back,
// nothing Node-ish or any generic invoke is reachable from the page, the CSP is enforced, and calls
// from a sub-frame or from a page of another origin are refused.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkbenchApi } from '../../../electron/common/workbench-api';
import { METHOD_NAMES } from '../../../electron/common/contract-names';
import { RENDERER_CSP } from '../../../electron/common/content-security-policy';
import { closeSharedBrowser, RENDERER_DIR, startHarness, type Harness } from '../harness';
import { startStaticServer } from '../harness/static-server';
import { SECRET, appInput } from './inputs';

type PageWindow = typeof globalThis & { workbench: WorkbenchApi; __seen?: unknown[] };

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(async () => {
  await harness.close();
});
afterAll(closeSharedBrowser);

describe('window.workbench in the built renderer', () => {
  it('has a function for every contract method and `on`, and is frozen', async () => {
    const shape = await harness.page.evaluate((methods) => {
      const api = (globalThis as PageWindow).workbench as unknown as Record<string, Record<string, unknown>>;
      const missing = methods.filter((method) => {
        const [namespace, operation] = method.split('.') as [string, string];
        return typeof api[namespace]?.[operation] !== 'function';
      });
      return { exists: typeof api === 'object', missing, on: typeof api.on, frozen: Object.isFrozen(api) && Object.isFrozen(api.apps) };
    }, [...METHOD_NAMES]);
    expect(shape).toEqual({ exists: true, missing: [], on: 'function', frozen: true });
  });

  it('answers apps.list with a Result from the real backend', async () => {
    const result = await harness.page.evaluate(() => (globalThis as PageWindow).workbench.apps.list());
    expect(result).toEqual({ ok: true, value: await harness.backend['apps.list'](undefined) });
    expect(result.ok && result.value.length).toBeGreaterThan(0);
    expect(harness.received).toContainEqual({ kind: 'result', method: 'apps.list', data: result });
  });

  it('rejects a malformed argument with INVALID_ARGUMENT before the backend sees it', async () => {
    const result = await harness.page.evaluate(() =>
      ((globalThis as PageWindow).workbench.accounts.create as (input: unknown) => Promise<unknown>)({ subdomain: 5 }),
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
    const created = await harness.page.evaluate((input) => (globalThis as PageWindow).workbench.apps.create(input), appInput());
    expect(created).toMatchObject({ ok: true, value: { name: 'E2E app', hasClientSecret: true } });
    await harness.page.waitForFunction(() => ((globalThis as PageWindow).__seen ?? []).length > 0);
    expect(harness.received.some((item) => item.kind === 'event' && item.event === 'apps.changed')).toBe(true);
    expect(harness.receivedText()).not.toContain(SECRET);
  });
});

describe('what the page cannot reach', () => {
  it('has no require, process, ipcRenderer, harness binding or any object with a generic invoke', async () => {
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
    expect(reach).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', ipcRenderer: 'undefined', electron: 'undefined', binding: 'undefined', withInvoke: [] });
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
      return inner.workbench.apps.list();
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    // The UI makes its own calls meanwhile, so look for ours among them.
    expect(harness.received.slice(before)).toContainEqual({ kind: 'result', method: 'apps.list', data: result });
  });

  it('refuses calls from our renderer served at another origin with FORBIDDEN_SENDER', async () => {
    const elsewhere = await startStaticServer(RENDERER_DIR);
    try {
      await harness.page.goto(`${elsewhere.baseUrl}/index.html`);
      const result = await harness.page.evaluate(() => (globalThis as PageWindow).workbench.accounts.list());
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    } finally {
      await elsewhere.close();
    }
  });
});
