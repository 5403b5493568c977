// Recent console requests per install, to re-run them. In memory only and bounded; header values
// and JSON fields that look like secrets are redacted, so the list can be shown as is.
import { randomUUID } from 'node:crypto';
import type { ApiHistoryEntry } from '../../../common/tools/tool-results';
import { redactBody, redactHeaders } from '../../activity/redact';

const HISTORY_LIMIT = 50;
const MAX_BODY = 16 * 1024;

interface RequestHistory {
  add(installId: string, entry: Omit<ApiHistoryEntry, 'id' | 'headers' | 'body'> & { headers: [string, string][]; body: string | null }, secrets: readonly string[]): void;
  list(installId: string): ApiHistoryEntry[];
}

export function createRequestHistory(): RequestHistory {
  const byInstall = new Map<string, ApiHistoryEntry[]>();
  return {
    add(installId, entry, secrets) {
      const redactedHeaders = redactHeaders(Object.fromEntries(entry.headers), secrets);
      const item: ApiHistoryEntry = {
        ...entry,
        id: `hist_${randomUUID().replaceAll('-', '').slice(0, 12)}`,
        // Secret-named headers (X-Api-Key, X-Auth-Token…) are redacted by the one redaction module.
        headers: entry.headers.map(([name]) => [name, redactedHeaders[name.toLowerCase()] ?? ''] as [string, string]),
        body: redactBody(entry.body, 'application/json', secrets, MAX_BODY),
      };
      const list = byInstall.get(installId) ?? [];
      list.unshift(item);
      if (list.length > HISTORY_LIMIT) list.length = HISTORY_LIMIT;
      byInstall.set(installId, list);
    },
    list: (installId) => [...(byInstall.get(installId) ?? [])],
  };
}
