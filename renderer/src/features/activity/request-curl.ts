// A logged request as a curl command line. The log holds requests already redacted by main, so the
// command carries no secret; it is for reading and replaying by hand with a real token put back.
import type { ActivityEntry } from '../../../../electron/common/model';

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export function curlOf(entry: Pick<ActivityEntry, 'method' | 'url' | 'requestHeaders' | 'requestBody'>): string {
  const parts = ['curl'];
  if (entry.method !== 'GET') parts.push('-X', entry.method);
  parts.push(quote(entry.url));
  for (const [name, value] of Object.entries(entry.requestHeaders)) parts.push('-H', quote(`${name}: ${value}`));
  if (entry.requestBody) parts.push('--data-raw', quote(entry.requestBody));
  return parts.join(' ');
}

/** What the list shows of a URL: its path and query in full, the host left to the hover title. */
export function pathAndQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}
