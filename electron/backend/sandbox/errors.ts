// The two error dialects the sandbox speaks: OAuth's (RFC 6749 §5.2) at /oauth/*, and Gorgias's
// REST body `{"error":{"msg":…,"data":{…}}}` under /api/.
import type { ServerResponse } from 'node:http';
import { sendJson } from './http-util';

export type OAuthErrorCode = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type' | 'invalid_scope' | 'unauthorized_client';

export function sendOAuthError(res: ServerResponse, status: number, error: OAuthErrorCode, description: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error, error_description: description }, headers);
}

export function sendGorgiasError(
  res: ServerResponse,
  status: number,
  msg: string,
  data?: Record<string, unknown>,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error: data ? { msg, data } : { msg } }, headers);
}

/** Gorgias's own 401 messages (observed). */
export const UNAUTHORIZED_MSG = 'Unauthorized.';
export const NO_USER_MSG = 'No user found matching the "sub" claim of the token.';
