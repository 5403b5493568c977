// Schemas and outputs of the tools (issue [ui-tools]); merged into the contract by contract.ts.
// Schemas bound sizes generously; the backend checks meaning (paths, header limits, JSON bodies) and
// owns the messages, so the user reads "header X is 10,001 characters", not a schema dump.
import { z } from 'zod';
import type { ActivityKind, CheckOutcome } from '../model';
import { API_METHODS, type ApiMethod } from './api-methods';

const id = z.string().min(1).max(100);
const pair = z.tuple([z.string().max(1000), z.string().max(100_000)]);

export { API_METHODS, type ApiMethod };

/** One request as the console edits it; `path` is relative to the account (`/api/...`). */
export const apiRequestSchema = z.strictObject({
  method: z.enum(API_METHODS),
  path: z.string().min(1).max(4000),
  query: z.array(pair).max(200),
  headers: z.array(pair).max(100),
  body: z.string().max(20 * 1024 * 1024).nullable(),
  /** A write on a production account is refused unless the user confirmed it. */
  confirmWrite: z.boolean().optional(),
  /** Send even though the install lacks the endpoint's scope (to see Gorgias's own 403). */
  acceptMissingScope: z.boolean().optional(),
});

export const apiSendSchema = apiRequestSchema.extend({ installId: id });

const activityKind = z.enum(['authorize', 'callback', 'token', 'refresh', 'revoke', 'discovery', 'jwks', 'api']);

export const toolsContract = {
  'api.send': { input: apiSendSchema },
  'api.responseLines': { input: z.strictObject({ responseId: id, start: z.number().int().min(0), count: z.number().int().min(1).max(10_000) }) },
  'api.responseSearch': { input: z.strictObject({ responseId: id, query: z.string().min(1).max(1000), limit: z.number().int().min(1).max(100_000).optional() }) },
  /** The lines the object or array opened on `line` (0-based) spans, for folding; null when none. */
  'api.responseFold': { input: z.strictObject({ responseId: id, line: z.number().int().min(0).max(100_000_000) }) },
  'api.curl': { input: apiSendSchema.extend({ revealToken: z.boolean() }) },
  'api.history': { input: z.strictObject({ installId: id }) },
  'runs.across': {
    input: z.strictObject({
      installIds: z.array(id).min(1).max(50),
      request: apiRequestSchema,
      /** How many accounts are asked at once (default 4). */
      concurrency: z.number().int().min(1).max(8).optional(),
    }),
  },
  'activity.exportHar': {
    input: z.strictObject({
      filter: z.strictObject({
        appId: id.optional(),
        accountId: id.optional(),
        installId: id.optional(),
        kind: activityKind.optional(),
        limit: z.number().int().min(1).max(10_000).optional(),
      }),
    }),
  },
  'inspector.inspect': { input: z.strictObject({ token: z.string().max(100_000) }) },
  /** Read-only unless `refresh` is true: then it also tries a real refresh (which renews the token). */
  'diagnostics.run': { input: z.strictObject({ installId: id, refresh: z.boolean().optional() }) },
  'diagnostics.report': { input: z.strictObject({ installId: id, copy: z.boolean().optional() }) },
  'transfer.export': { input: z.strictObject({ includeSecrets: z.boolean(), passphrase: z.string().max(1024).optional() }) },
  'transfer.preview': { input: z.strictObject({ text: z.string().min(1).max(5 * 1024 * 1024), passphrase: z.string().max(1024).optional() }) },
  'transfer.import': { input: z.strictObject({ text: z.string().min(1).max(5 * 1024 * 1024), passphrase: z.string().max(1024).optional() }) },
} as const;

// ---- results ----

export interface RateLimitReading {
  used: number;
  limit: number;
}

export interface ApiSendResult {
  /** Handle for api.responseLines / api.responseSearch; the body itself stays in main. */
  responseId: string;
  method: ApiMethod;
  /** The URL that was called (no token in it: the token travels in the Authorization header). */
  url: string;
  status: number;
  durationMs: number;
  sizeBytes: number;
  /** Lower-cased names. */
  headers: Record<string, string>;
  rateLimit: RateLimitReading | null;
  /** From `Retry-after` (seconds), whenever the server sent it; a countdown matters on 429. */
  retryAfterSeconds: number | null;
  contentType: string | null;
  isJson: boolean;
  /** The first lines of the body, pretty-printed when it is JSON. */
  firstLines: string[];
  totalLines: number;
  /** `meta.next_cursor` of a list answer: pass it as `cursor` for the next page. */
  nextCursor: string | null;
  /** Gorgias's `{"error":{"msg"}}`, when present. */
  errorMessage: string | null;
  /** Advice when the answer is surprising (an HTML page, a 401 for a removed user, a 403). */
  hint: string | null;
  requiredScope: string | null;
  /** The token was refreshed before sending (it expired within a minute) or after a 401. */
  refreshed: boolean;
}

export interface ApiResponseLines {
  start: number;
  lines: string[];
  totalLines: number;
}

export interface ApiResponseSearch {
  /** Zero-based line numbers, ascending. */
  lines: number[];
  /** More matches exist than `limit`. */
  truncated: boolean;
}

export interface ApiHistoryEntry {
  id: string;
  at: string;
  method: ApiMethod;
  path: string;
  query: [string, string][];
  /** Secret-looking header values are redacted. */
  headers: [string, string][];
  /** Secret JSON fields redacted; long bodies truncated. */
  body: string | null;
  status: number | null;
  durationMs: number | null;
  error: string | null;
}

export interface RunAcrossResult {
  installId: string;
  appId: string | null;
  accountId: string | null;
  /** "App on account" for the column header. */
  label: string;
  status: number | null;
  durationMs: number | null;
  /** e.g. "30 items, more pages" or Gorgias's error message. */
  summary: string;
  rateLimit: RateLimitReading | null;
  /** Waited for `Retry-after` after a 429 and tried again. */
  retriedAfter429: boolean;
  error: { code: string; message: string } | null;
}

export interface TimeClaim {
  claim: string;
  value: number;
  iso: string;
  /** e.g. "in 23 h 59 min", "3 days ago". */
  relative: string;
}

export interface TokenReading {
  level: 'info' | 'warn' | 'error';
  text: string;
}

export interface TokenInspection {
  kind: 'jwt' | 'opaque' | 'invalid' | 'empty';
  summary: string;
  header: Record<string, unknown> | null;
  claims: Record<string, unknown> | null;
  times: TimeClaim[];
  signature: { outcome: CheckOutcome; detail: string };
  readings: TokenReading[];
  account: { id: string; label: string; baseUrl: string } | null;
  app: { id: string; name: string; clientId: string } | null;
}

export interface DiagnosticCheck {
  id: string;
  label: string;
  outcome: CheckOutcome;
  detail: string;
  /** What to do about it; null when nothing is needed. */
  fix: string | null;
}

export interface DiagnosticsResult {
  installId: string;
  at: string;
  app: string;
  account: string;
  baseUrl: string;
  checks: DiagnosticCheck[];
  /** The worst outcome among the checks. */
  overall: 'pass' | 'warn' | 'fail';
  /** The cause in words, named once from what is known (revoked here, user removed, expired…). */
  cause: string | null;
  /** Whether this run tried a real refresh (it renews the access token). */
  refreshed: boolean;
}

export type TransferChange = 'new' | 'updated' | 'unchanged';

export interface TransferItemPreview {
  kind: 'app' | 'account';
  /** App name or account label and subdomain. */
  name: string;
  key: string;
  change: TransferChange;
  /** Fields that would change. */
  fields: string[];
}

export interface TransferPreview {
  secretsIncluded: boolean;
  items: TransferItemPreview[];
  counts: Record<TransferChange, number>;
}

export interface ToolsOutputs {
  'api.send': ApiSendResult;
  'api.responseLines': ApiResponseLines;
  'api.responseSearch': ApiResponseSearch;
  'api.responseFold': { start: number; end: number } | null;
  'api.curl': { command: string };
  'api.history': ApiHistoryEntry[];
  'runs.across': { results: RunAcrossResult[] };
  'activity.exportHar': { har: string; entries: number; fileName: string };
  'inspector.inspect': TokenInspection;
  'diagnostics.run': DiagnosticsResult;
  'diagnostics.report': { markdown: string; copied: boolean };
  'transfer.export': { text: string; apps: number; accounts: number; secretsIncluded: boolean };
  'transfer.preview': TransferPreview;
  'transfer.import': TransferPreview;
}

export type ApiRequestInput = z.output<typeof apiRequestSchema>;
export type ApiSendInput = z.output<typeof apiSendSchema>;
export type HarFilterKind = ActivityKind;
