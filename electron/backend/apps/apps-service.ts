// Apps: the partner's Gorgias app registrations (client id and secret, scopes, redirect settings).
// The client secret goes in and never comes back out.
import { WorkbenchError } from '../../common/errors';
import type { Clock } from '../ports';
import type { EventBus } from '../events';
import { newId } from '../ids';
import type { DomainService } from '../service';
import type { StoredApp, Vault } from '../vault/vault-types';
import { validateRedirectSettings } from './app-validation';
import { toAppView } from './app-view';
import { relayPageFor } from './relay-page';

export interface AppsServiceDeps {
  vault: Vault;
  events: EventBus;
  clock: Clock;
  /** Opens the app's test-install page for an account (through the external-URL policy). */
  openTestInstall(app: StoredApp, accountId: string): Promise<string>;
}


export function findApp(vault: Vault, id: string): StoredApp {
  const app = vault.data().apps.find((candidate) => candidate.id === id);
  if (!app) throw new WorkbenchError('NOT_FOUND', 'That app no longer exists. It may have been deleted.', { appId: id });
  return app;
}

function uniqueScopes(scopes: string[]): string[] {
  return [...new Set(scopes.map((scope) => scope.trim()).filter(Boolean))];
}

export function createAppsService({ vault, events, clock, openTestInstall }: AppsServiceDeps): DomainService<'apps'> {
  const now = () => new Date(clock.now()).toISOString();
  const changed = () => events.emit('apps.changed', null);

  return {
    async 'apps.list'() {
      return vault.data().apps.map(toAppView);
    },

    async 'apps.create'(input) {
      validateRedirectSettings(input.redirect);
      const at = now();
      const app: StoredApp = {
        id: newId('app'),
        name: input.name,
        clientId: input.clientId,
        clientSecret: input.clientSecret,
        scopes: uniqueScopes(input.scopes),
        redirect: { ...input.redirect },
        clientAuth: input.clientAuth,
        pkce: input.pkce,
        builtIn: false,
        createdAt: at,
        updatedAt: at,
      };
      await vault.update((data) => {
        data.apps.push(app);
      });
      changed();
      return toAppView(app);
    },

    async 'apps.update'({ id, patch }) {
      const current = findApp(vault, id);
      const redirect = patch.redirect ? { ...patch.redirect } : current.redirect;
      validateRedirectSettings(redirect);
      const updated = await vault.update((data) => {
        const app = data.apps.find((candidate) => candidate.id === id);
        if (!app) throw new WorkbenchError('NOT_FOUND', 'That app no longer exists. It may have been deleted.', { appId: id });
        if (patch.name !== undefined) app.name = patch.name;
        if (patch.clientId !== undefined) app.clientId = patch.clientId;
        // An empty secret in an edit means "keep the saved one": the form never holds it.
        if (patch.clientSecret !== undefined && patch.clientSecret.length > 0) app.clientSecret = patch.clientSecret;
        if (patch.scopes !== undefined) app.scopes = uniqueScopes(patch.scopes);
        app.redirect = redirect;
        if (patch.clientAuth !== undefined) app.clientAuth = patch.clientAuth;
        if (patch.pkce !== undefined) app.pkce = patch.pkce;
        app.updatedAt = now();
        return structuredClone(app);
      });
      changed();
      return toAppView(updated);
    },

    async 'apps.delete'({ id }) {
      findApp(vault, id);
      const removedInstalls = await vault.update((data) => {
        data.apps = data.apps.filter((app) => app.id !== id);
        const before = data.installs.length;
        data.installs = data.installs.filter((install) => install.appId !== id);
        return before - data.installs.length;
      });
      changed();
      if (removedInstalls > 0) events.emit('installs.changed', { installId: null });
      return null;
    },

    async 'apps.openTestInstall'({ appId, accountId }) {
      const url = await openTestInstall(findApp(vault, appId), accountId);
      return { url };
    },

    async 'apps.relayPage'({ id }) {
      const app = findApp(vault, id);
      return relayPageFor(app.name, app.redirect);
    },
  };
}
