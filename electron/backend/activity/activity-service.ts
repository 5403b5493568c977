import type { EventBus } from '../events';
import type { ServiceSlice } from '../service';
import type { Vault } from '../vault/vault-types';

export function createActivityService(vault: Vault, events: EventBus): ServiceSlice<'activity.list' | 'activity.clear'> {
  return {
    async 'activity.list'(filter) {
      return vault.activity.list(filter);
    },
    async 'activity.clear'() {
      await vault.activity.clear();
      events.emit('activity.appended', { count: 0 });
      return null;
    },
  };
}
