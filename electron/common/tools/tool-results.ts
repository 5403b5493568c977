// What the tools' methods answer (the API console, runs, inspector, diagnostics, transfer): plain
// types, declared with their methods in electron/common/contract/.
import type { CheckOutcome } from '../model';
import type { ApiMethod } from './api-methods';

export type { ApiMethod };


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
  /**
   * True while the body is still arriving (api.send answers once the first screenful is in): then
   * totalLines, sizeBytes and durationMs are so far, isJson is provisional, nextCursor and
   * errorMessage are not read yet. api.responseProgress gives the later state, and the whole answer
   * once it is in.
   */
  receiving: boolean;
  /** Why the body stopped before its end ("cancelled", a network failure); null when it came whole. */
  cut: string | null;
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

/** A kept answer with the request that asked it, for the console's read-only viewer. */
export interface ApiKeptAnswer {
  result: ApiSendResult;
  /** What was sent (path relative to the account), with the install it was sent with. */
  input: { installId: string; method: ApiMethod; path: string; query: [string, string][]; headers: [string, string][]; body: string | null };
  /** When the answer arrived (ms since the epoch). */
  receivedAt: number;
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
  /** This install's own answer, kept in main: api.response / api.responseLines open it. Null without an answer. */
  responseId: string | null;
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
  /**
   * New accounts at a custom base URL (not *.gorgias.com, not the built-in sandbox): connecting an app
   * to one sends that app's client secret there, so the preview must make them unmissable.
   */
  customBaseUrls: { name: string; baseUrl: string; host: string }[];
  items: TransferItemPreview[];
  counts: Record<TransferChange, number>;
}
