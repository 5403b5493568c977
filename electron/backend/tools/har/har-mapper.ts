// Activity entries as HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), oldest first, so a
// support ticket can carry the exchanges. Entries are already redacted when stored; `scrub` is a
// second pass over every string with the secrets the vault holds right now.
import type { Entry, Har, Header as HarNameValue, Log } from 'har-format';
import type { ActivityEntry } from '../../../common/model';

/** HAR's custom field for what only the workbench knows about an exchange. */
type WorkbenchFacts = { kind: string; appId: string | null; accountId: string | null; installId: string | null; error: { code: string; message: string } | null };
type HarEntry = Entry & { _workbench: WorkbenchFacts };
/** A HAR whose entries carry the workbench's custom field (still a HAR: `satisfies Har` below). */
type WorkbenchHar = { log: Omit<Log, 'entries'> & { entries: HarEntry[] } };

const pairs = (record: Record<string, string>, scrub: (text: string) => string): HarNameValue[] =>
  Object.entries(record).map(([name, value]) => ({ name, value: scrub(value) }));

function queryOf(url: string, scrub: (text: string) => string): HarNameValue[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value: scrub(value) }));
  } catch {
    return [];
  }
}

const headerValue = (record: Record<string, string>, name: string): string | undefined =>
  Object.entries(record).find(([key]) => key.toLowerCase() === name)?.[1];

function toHarEntry(entry: ActivityEntry, scrub: (text: string) => string): HarEntry {
  const duration = Math.max(0, entry.durationMs ?? 0);
  const requestType = headerValue(entry.requestHeaders, 'content-type') ?? 'application/octet-stream';
  const responseType = headerValue(entry.responseHeaders, 'content-type') ?? (entry.responseBody === null ? '' : 'text/plain');
  const harEntry: HarEntry = {
    startedDateTime: entry.at,
    time: duration,
    request: {
      method: entry.method,
      url: scrub(entry.url),
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(entry.requestHeaders, scrub),
      queryString: queryOf(entry.url, scrub),
      headersSize: -1,
      bodySize: entry.requestBody === null ? 0 : Buffer.byteLength(entry.requestBody, 'utf8'),
    },
    response: {
      // HAR wants a number; 0 says "no answer" (a network error), as browsers write it.
      status: entry.status ?? 0,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(entry.responseHeaders, scrub),
      content: {
        size: entry.responseBody === null ? 0 : Buffer.byteLength(entry.responseBody, 'utf8'),
        mimeType: responseType,
        ...(entry.responseBody !== null ? { text: scrub(entry.responseBody) } : {}),
        comment: 'Redacted by Gorgias OAuth Workbench; long bodies are truncated.',
      },
      redirectURL: scrub(headerValue(entry.responseHeaders, 'location') ?? ''),
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: duration, receive: 0 },
    _workbench: { kind: entry.kind, appId: entry.appId, accountId: entry.accountId, installId: entry.installId, error: entry.error ? { code: entry.error.code, message: scrub(entry.error.message) } : null },
  };
  if (entry.requestBody !== null) harEntry.request.postData = { mimeType: requestType, text: scrub(entry.requestBody) };
  if (entry.error) harEntry.comment = `${entry.kind}: ${scrub(entry.error.message)}`;
  else harEntry.comment = entry.kind;
  return harEntry;
}

/** `entries` newest first, as the activity log lists them; the HAR is oldest first. */
export function toHar(entries: readonly ActivityEntry[], creator: { name: string; version: string }, scrub: (text: string) => string): WorkbenchHar {
  return {
    log: {
      version: '1.2',
      creator,
      pages: [],
      entries: [...entries].reverse().map((entry) => toHarEntry(entry, scrub)),
      comment: 'Secrets (tokens, client secrets, codes, state) are redacted.',
    },
  } satisfies Har;
}
