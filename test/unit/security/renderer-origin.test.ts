import { describe, expect, it } from 'vitest';
import { RENDERER_CSP, withContentSecurityPolicy } from '../../../electron/common/content-security-policy';
import { loggableError } from '../../../electron/backend/system/loggable-error';
import { isAllowedNavigation, isOwnRendererUrl } from '../../../electron/main/security/renderer-origin';
import { readFile } from 'node:fs/promises';

const ours = 'file:///home/me/app/dist/renderer/index.html';

describe('isOwnRendererUrl', () => {
  it('matches our file whatever the hash or query', () => {
    expect(isOwnRendererUrl(ours, ours)).toBe(true);
    expect(isOwnRendererUrl(`${ours}#/accounts`, ours)).toBe(true);
    expect(isOwnRendererUrl(`${ours}?x=1`, ours)).toBe(true);
  });

  it.each([
    'file:///home/me/app/dist/renderer/other.html',
    'file:///home/me/evil/dist/renderer/index.html',
    'file://host/home/me/app/dist/renderer/index.html',
    'https://home/me/app/dist/renderer/index.html',
    'about:blank',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isOwnRendererUrl(url, ours)).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it('allows only same-document navigations within our page', () => {
    expect(isAllowedNavigation({ isSameDocument: true, url: `${ours}#/x` }, ours)).toBe(true);
    expect(isAllowedNavigation({ isSameDocument: false, url: ours }, ours)).toBe(false);
    expect(isAllowedNavigation({ isSameDocument: false, url: 'https://acme.gorgias.com/' }, ours)).toBe(false);
    expect(isAllowedNavigation({ isSameDocument: true, url: 'https://acme.gorgias.com/#x' }, ours)).toBe(false);
  });
});

describe('withContentSecurityPolicy', () => {
  it('sets our policy and drops any other CSP header whatever its case', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ["default-src *"], 'X-Other': ['1'] });
    expect(headers).toEqual({ 'Content-Security-Policy': [RENDERER_CSP], 'X-Other': ['1'] });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [RENDERER_CSP] });
  });

  it('says the same as the meta tag in renderer/index.html', async () => {
    const html = await readFile(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(RENDERER_CSP);
  });
});

describe('loggableError', () => {
  it('keeps the type and the frames but never the message', () => {
    const error = Object.assign(new Error('token=abc.def.ghi leaked'), { code: 'ECONNRESET' });
    const text = loggableError(error);
    expect(text).toContain('Error [ECONNRESET]');
    expect(text).toContain('at ');
    expect(text).not.toContain('abc.def.ghi');
    expect(loggableError('secret string')).toBe('non-Error value (string)');
  });
});
