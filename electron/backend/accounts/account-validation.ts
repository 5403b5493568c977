import { WorkbenchError } from '../../common/errors';
import { checkSubdomain } from '../../common/subdomain';

export function validSubdomain(input: string): string {
  const check = checkSubdomain(input);
  if (!check.ok) throw new WorkbenchError('INVALID_SUBDOMAIN', check.reason, { field: 'subdomain' });
  return check.subdomain;
}

/**
 * A custom base URL replaces https://{subdomain}.gorgias.com (a staging host, a local emulator).
 * http is allowed only on loopback: tokens must not cross a network in clear.
 */
export function validCustomBaseUrl(input: string | null): string | null {
  if (input === null || input.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new WorkbenchError('INVALID_URL', 'The custom base URL is not a URL, e.g. https://acme.staging.example.com.', { field: 'customBaseUrl' });
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new WorkbenchError('INVALID_URL', 'Use https://, or http:// only for 127.0.0.1 / localhost.', { field: 'customBaseUrl' });
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new WorkbenchError('INVALID_URL', 'The custom base URL takes no credentials, query or fragment.', { field: 'customBaseUrl' });
  }
  return url.toString().replace(/\/+$/, '');
}
