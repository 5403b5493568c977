import type { AppView } from '../../common/model';
import { redirectUriToRegister } from '../oauth/redirect-uri';
import type { StoredApp } from '../vault/vault-types';

/** What the renderer may see of an app: everything but the secret. */
export function toAppView(app: StoredApp): AppView {
  return {
    id: app.id,
    name: app.name,
    clientId: app.clientId,
    hasClientSecret: app.clientSecret.length > 0,
    scopes: [...app.scopes],
    redirect: { ...app.redirect },
    redirectUriToRegister: redirectUriToRegister(app),
    clientAuth: app.clientAuth,
    pkce: app.pkce,
    builtIn: app.builtIn,
    createdAt: app.createdAt,
    updatedAt: app.updatedAt,
  };
}
