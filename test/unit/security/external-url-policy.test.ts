import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isGorgiasHost } from '../../../electron/backend/system/external-url-policy';

const none = { extraHosts: [] as string[] };
const relay = { extraHosts: ['relay.partner.example', 'Auth.Other.Example'] };

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://gorgias.com/',
    'https://acme.gorgias.com/oauth/authorize?client_id=x&state=y',
    'https://ACME.Gorgias.com/app/settings/integrations/app/abc?preview=true',
    'https://docs.gorgias.com:443/en-US/oauth',
    'https://a.b.gorgias.com:8443/',
    'http://127.0.0.1:53682/oauth/authorize?x=1',
    'http://localhost:3000/',
    'http://[::1]:8080/callback',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url, none)).toBe(true);
  });

  it.each([
    ['javascript:alert(1)', 'script scheme'],
    ['file:///etc/passwd', 'local file'],
    ['data:text/html,<script>alert(1)</script>', 'data URL'],
    ['vbscript:msgbox', 'script scheme'],
    ['ms-settings:privacy', 'custom scheme'],
    ['smb://gorgias.com/share', 'other scheme on our domain'],
    ['ftp://acme.gorgias.com/', 'ftp'],
    ['http://acme.gorgias.com/', 'plain http to Gorgias'],
    ['http://evil.example/', 'plain http elsewhere'],
    ['http://127.0.0.2/', 'loopback range beyond 127.0.0.1'],
    ['http://localhost.evil.example/', 'localhost look-alike'],
    ['https://evil.example/', 'https elsewhere'],
    ['https://evilgorgias.com/', 'suffix without a dot'],
    ['https://gorgias.com.evil.example/', 'our domain as a prefix'],
    ['https://acme.gorgias.com@evil.example/', 'userinfo trick'],
    ['https://user:pass@acme.gorgias.com/', 'credentials in the URL'],
    ['https://user@acme.gorgias.com/', 'username in the URL'],
    ['https://acme.gorgias.com./', 'trailing-dot host'],
    ['https://relay.partner.example/', 'a relay host not configured'],
    ['acme.gorgias.com', 'no scheme'],
    ['', 'empty'],
    ['https://', 'no host'],
    [`https://acme.gorgias.com/${'a'.repeat(9000)}`, 'absurdly long'],
  ])('refuses %s (%s)', (url) => {
    expect(isAllowedExternalUrl(url, none)).toBe(false);
  });

  it('allows https on the configured relay hosts, exactly and case-insensitively', () => {
    expect(isAllowedExternalUrl('https://relay.partner.example/callback?code=1', relay)).toBe(true);
    expect(isAllowedExternalUrl('https://auth.other.example/', relay)).toBe(true);
    expect(isAllowedExternalUrl('http://relay.partner.example/callback', relay)).toBe(false);
    expect(isAllowedExternalUrl('https://sub.relay.partner.example/', relay)).toBe(false);
    expect(isAllowedExternalUrl('https://partner.example/', relay)).toBe(false);
  });

  it('ignores empty extra hosts instead of matching everything', () => {
    expect(isAllowedExternalUrl('https://evil.example/', { extraHosts: ['', '  '] })).toBe(false);
  });

  it('never allows a host outside gorgias.com, loopback or the extra list (property)', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/);
    const host = fc
      .array(label, { minLength: 1, maxLength: 4 })
      .map((labels) => labels.join('.'))
      .filter((h) => !isGorgiasHost(h) && h !== 'localhost');
    fc.assert(
      fc.property(host, fc.constantFrom('http', 'https'), fc.string({ maxLength: 30 }), (h, scheme, path) => {
        const url = `${scheme}://${h}/${encodeURIComponent(path)}`;
        return isAllowedExternalUrl(url, { extraHosts: ['relay.partner.example'] }) === (scheme === 'https' && h === 'relay.partner.example');
      }),
    );
  });
});

describe('isGorgiasHost', () => {
  it('matches the apex and subdomains only', () => {
    expect(isGorgiasHost('gorgias.com')).toBe(true);
    expect(isGorgiasHost('acme.gorgias.com')).toBe(true);
    expect(isGorgiasHost('xgorgias.com')).toBe(false);
    expect(isGorgiasHost('gorgias.com.evil')).toBe(false);
  });
});
