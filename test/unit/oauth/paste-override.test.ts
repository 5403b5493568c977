// flows.start's one-off paste mode: the app as that flow sees it (the stored app is not changed).
import { describe, expect, it } from 'vitest';
import { asPasteApp, redirectUriForFlow } from '../../../electron/backend/oauth/redirect-uri';
import type { RedirectSettings } from '../../../electron/common/model';

const redirect = (patch: Partial<RedirectSettings>): { redirect: RedirectSettings } => ({
  redirect: { mode: 'loopback', port: 0, path: '/callback', relayUrl: '', pasteUrl: '', includeAccountParam: false, ...patch },
});

describe('asPasteApp', () => {
  it('a loopback app on any port sends the port-less loopback URL (RFC 8252 §7.3), on a fixed port that port', () => {
    expect(redirectUriForFlow(asPasteApp(redirect({})), null, 'acme')).toBe('http://127.0.0.1/callback');
    expect(redirectUriForFlow(asPasteApp(redirect({ port: 5123, path: 'cb' })), null, 'acme')).toBe('http://127.0.0.1:5123/cb');
  });

  it('a relay app sends its relay page; ?account= is kept when the app asks for it', () => {
    const app = asPasteApp(redirect({ mode: 'relay', port: 5123, relayUrl: 'https://partner.example/relay', includeAccountParam: true }));
    expect(app.redirect.mode).toBe('paste');
    expect(redirectUriForFlow(app, null, 'acme')).toBe('https://partner.example/relay?account=acme');
  });

  it('a paste app is left as it is, and the original app object is never changed', () => {
    const paste = redirect({ mode: 'paste', pasteUrl: 'https://partner.example/cb' });
    expect(asPasteApp(paste)).toBe(paste);
    const loopback = redirect({ port: 7000 });
    asPasteApp(loopback);
    expect(loopback.redirect).toMatchObject({ mode: 'loopback', pasteUrl: '' });
  });
});
