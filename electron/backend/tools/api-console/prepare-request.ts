// Turns what the console (or a run across accounts) asks for into a request that may be sent, or
// refuses it with a code the UI can act on: PATH_NOT_ALLOWED, INVALID_ARGUMENT, SCOPE_MISSING,
// CONFIRM_REQUIRED. Nothing here touches the network.
import { WorkbenchError } from '../../../common/errors';
import { requiredScopeFor } from '../../../common/gorgias/endpoints';
import { scopeCovers } from '../../../common/gorgias/scopes';
import type { ApiMethod } from '../../../common/tools/tool-results';
import type { ApiRequestInput } from '../../../common/contract';
import type { InstallContext } from '../context/install-context';
import { checkJsonBody } from './json-body';
import { checkHeaders } from './request-headers';
import { buildRequestTarget } from './request-target';

export interface PreparedRequest {
  method: ApiMethod;
  url: string;
  apiPath: string;
  headers: Record<string, string>;
  /** Checked JSON text, or null. */
  body: string | null;
  requiredScope: string | null;
  /** Changes data (a write scope, or a non-GET the catalogue does not list as a read). */
  isWrite: boolean;
}

export function prepareRequest(baseUrl: string, request: ApiRequestInput): PreparedRequest {
  const target = buildRequestTarget(baseUrl, request.path, request.query);
  const headers = checkHeaders(request.headers);
  const body = checkJsonBody(request.body);
  if (body !== null && request.method === 'GET') {
    throw new WorkbenchError('INVALID_ARGUMENT', 'A GET request carries no body: clear the body or pick POST, PUT or PATCH.', { field: 'body' });
  }
  const requiredScope = requiredScopeFor(request.method, target.apiPath);
  const isWrite = request.method !== 'GET' && !(requiredScope?.endsWith(':read') ?? false);
  return { method: request.method, url: target.url, apiPath: target.apiPath, headers, body, requiredScope, isWrite };
}

/** Scope and production-write guards; both can be passed by the user on purpose. */
export function checkPermissions(context: InstallContext, prepared: PreparedRequest, request: Pick<ApiRequestInput, 'acceptMissingScope' | 'confirmWrite'>): void {
  const granted = context.install.grantedScopes;
  if (prepared.requiredScope && !scopeCovers(granted, prepared.requiredScope) && !request.acceptMissingScope) {
    throw new WorkbenchError(
      'SCOPE_MISSING',
      `${prepared.method} ${prepared.apiPath} needs the ${prepared.requiredScope} scope, which this install was not granted. Send anyway to see Gorgias's answer, or reconnect with the scope.`,
      { scope: prepared.requiredScope, granted: [...granted] },
    );
  }
  if (prepared.isWrite && context.account.kind === 'production' && !request.confirmWrite) {
    throw new WorkbenchError(
      'CONFIRM_REQUIRED',
      `${context.account.label || context.account.subdomain} is a production account and ${prepared.method} ${prepared.apiPath} changes its data. Confirm to send it.`,
      { accountId: context.account.id, method: prepared.method },
    );
  }
}
