// The API console. Schemas bound sizes generously; the backend checks meaning (paths, header limits,
// JSON bodies) and owns the messages, so the user reads "header X is 10,001 characters", not a
// schema dump. The body travels as the text the user typed and is sent as such.
import { z } from 'zod';
import { API_METHODS } from '../tools/api-methods';
import type { ApiHistoryEntry, ApiKeptAnswer, ApiResponseLines, ApiResponseSearch, ApiSendResult } from '../tools/tool-results';
import { id, method } from './declare';

const pair = z.tuple([z.string().max(1000), z.string().max(100_000)]);

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

export const apiSendSchema = apiRequestSchema.extend({
  installId: id,
  /**
   * Answer as soon as the first screenful is printed, while the body still arrives (`receiving:
   * true`; follow with api.responseProgress): the console does. Without it, api.send answers once
   * the whole body is in (the CLI and scripts read totalLines and nextCursor).
   */
  stream: z.boolean().optional(),
});
export type ApiRequestInput = z.output<typeof apiRequestSchema>;
export type ApiSendInput = z.output<typeof apiSendSchema>;

export const apiMethods = {
  'api.send': method(apiSendSchema).returns<ApiSendResult>(),
  /** A kept answer (e.g. a run's result) as the console shows it, read-only: nothing is sent again. */
  'api.response': method(z.strictObject({ responseId: id })).returns<ApiKeptAnswer>(),
  'api.responseLines': method(
    z.strictObject({ responseId: id, start: z.number().int().min(0), count: z.number().int().min(1).max(10_000) }),
  ).returns<ApiResponseLines>(),
  'api.responseSearch': method(
    z.strictObject({ responseId: id, query: z.string().min(1).max(1000), limit: z.number().int().min(1).max(100_000).optional() }),
  ).returns<ApiResponseSearch>(),
  /** The lines the object or array opened on `line` (0-based) spans, for folding; null when none. */
  'api.responseFold': method(z.strictObject({ responseId: id, line: z.number().int().min(0).max(100_000_000) })).returns<{ start: number; end: number } | null>(),
  /**
   * Where an answer still arriving has got (lines and bytes so far), or the whole answer once it is
   * in. With `waitMs`, waits up to that long for the body to end before answering.
   */
  'api.responseProgress': method(z.strictObject({ responseId: id, waitMs: z.number().int().min(0).max(5000).optional() })).returns<ApiSendResult>(),
  /** Stops receiving an answer: what came is kept and shown (as text when the JSON is cut). */
  'api.responseCancel': method(z.strictObject({ responseId: id })).returns<{ cancelled: boolean }>(),
  'api.curl': method(apiSendSchema.extend({ revealToken: z.boolean() })).returns<{ command: string }>(),
  'api.history': method(z.strictObject({ installId: id })).returns<ApiHistoryEntry[]>(),
};
