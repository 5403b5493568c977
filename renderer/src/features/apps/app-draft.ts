// The app form's state and its checks, kept apart from the JSX. Problems are worded for the user
// and shown inline; the first one also explains why Save is off.
import type { AppCreateInput, AppPatch } from '../../../../electron/common/contract';
import type { AppView, RedirectSettings } from '../../../../electron/common/model';
import { REDIRECT_PATH_PATTERN, REDIRECT_PATH_RULE } from '../../../../electron/common/lists';

export interface AppDraft {
  name: string;
  clientId: string;
  /** Empty = keep the stored secret (edit) or none yet (create). Never filled from the backend. */
  clientSecret: string;
  scopes: string[];
  redirect: Omit<RedirectSettings, 'port'> & { port: string };
  clientAuth: 'basic' | 'body';
  pkce: boolean;
}

export const NEW_APP: AppDraft = {
  name: '',
  clientId: '',
  clientSecret: '',
  scopes: ['openid', 'email', 'profile', 'offline'],
  redirect: { mode: 'loopback', port: '8765', path: '/callback', relayUrl: '', pasteUrl: '', includeAccountParam: false },
  clientAuth: 'basic',
  pkce: false,
};

export function draftFrom(app: AppView): AppDraft {
  return {
    name: app.name,
    clientId: app.clientId,
    clientSecret: '',
    scopes: [...app.scopes],
    redirect: { ...app.redirect, port: String(app.redirect.port) },
    clientAuth: app.clientAuth,
    pkce: app.pkce,
  };
}

export type DraftProblems = Partial<Record<'name' | 'clientId' | 'port' | 'path' | 'relayUrl' | 'pasteUrl', string>>;

function httpsProblem(value: string, what: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:') return `The ${what} must start with https://.`;
    return null;
  } catch {
    return `Enter the full ${what}, e.g. https://example.com/oauth/callback.`;
  }
}

export function draftProblems(draft: AppDraft): DraftProblems {
  const problems: DraftProblems = {};
  if (draft.name.trim() === '') problems.name = 'Give the app a name.';
  if (draft.clientId.trim() === '') problems.clientId = 'Copy the client ID from the Gorgias app settings.';
  const { mode, port, path, relayUrl, pasteUrl } = draft.redirect;
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) problems.port = 'A port is a whole number from 0 to 65535 (0 = any free port).';
  if (!REDIRECT_PATH_PATTERN.test(path)) problems.path = `${REDIRECT_PATH_RULE}, e.g. /callback.`;
  if (mode === 'relay') {
    // The relay page has the port baked in: "any free port" cannot work.
    if (!problems.port && Number(port) < 1024) problems.port = 'A relay page forwards to a fixed port: pick one from 1024 to 65535.';
    const problem = httpsProblem(relayUrl.trim(), 'relay page URL');
    if (problem) problems.relayUrl = problem;
  }
  if (mode === 'paste') {
    try {
      new URL(pasteUrl.trim());
    } catch {
      problems.pasteUrl = 'Enter the redirect URL registered on the Gorgias app, e.g. https://example.com/callback.';
    }
  }
  return problems;
}

export function redirectOf(draft: AppDraft): RedirectSettings {
  return {
    ...draft.redirect,
    port: Number(draft.redirect.port),
    relayUrl: draft.redirect.relayUrl.trim(),
    pasteUrl: draft.redirect.pasteUrl.trim(),
  };
}

export function createInput(draft: AppDraft): AppCreateInput {
  return {
    name: draft.name.trim(),
    clientId: draft.clientId.trim(),
    clientSecret: draft.clientSecret,
    scopes: draft.scopes,
    redirect: redirectOf(draft),
    clientAuth: draft.clientAuth,
    pkce: draft.pkce,
  };
}

/** Only what changed; the secret only when the user typed a new one. */
export function patchInput(draft: AppDraft, app: AppView): AppPatch {
  const patch: AppPatch = {};
  if (draft.name.trim() !== app.name) patch.name = draft.name.trim();
  if (draft.clientId.trim() !== app.clientId) patch.clientId = draft.clientId.trim();
  if (draft.clientSecret !== '') patch.clientSecret = draft.clientSecret;
  if (JSON.stringify(draft.scopes) !== JSON.stringify(app.scopes)) patch.scopes = draft.scopes;
  const redirect = redirectOf(draft);
  if (JSON.stringify(redirect) !== JSON.stringify(app.redirect)) patch.redirect = redirect;
  if (draft.clientAuth !== app.clientAuth) patch.clientAuth = draft.clientAuth;
  if (draft.pkce !== app.pkce) patch.pkce = draft.pkce;
  return patch;
}
