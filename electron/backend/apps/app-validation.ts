// Meaning-level checks of an app's settings (the contract's schema already checked the shape).
import { WorkbenchError } from '../../common/errors';
import type { RedirectSettings } from '../../common/model';

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

export function validateRedirectSettings(redirect: RedirectSettings): void {
  if (redirect.mode === 'relay') {
    const url = parseUrl(redirect.relayUrl);
    if (!url || url.protocol !== 'https:' || url.username || url.password) {
      throw new WorkbenchError('INVALID_URL', 'The relay page must be an https:// URL on a domain you own, e.g. https://example.com/gorgias-relay.html.', { field: 'redirect.relayUrl' });
    }
    // The relay page has the port baked in, so "any free port" cannot work here.
    if (redirect.port < 1024) {
      throw new WorkbenchError('INVALID_ARGUMENT', 'A relay page forwards to a fixed loopback port: pick one from 1024 to 65535.', { field: 'redirect.port' });
    }
  }
  if (redirect.mode === 'paste') {
    const url = parseUrl(redirect.pasteUrl);
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) {
      throw new WorkbenchError('INVALID_URL', 'Enter the redirect URL registered on the Gorgias app (http:// or https://).', { field: 'redirect.pasteUrl' });
    }
  }
  if (redirect.mode === 'loopback' && redirect.port !== 0 && redirect.port < 1024) {
    throw new WorkbenchError('INVALID_ARGUMENT', 'Pick a loopback port from 1024 to 65535, or 0 for any free port.', { field: 'redirect.port' });
  }
}
