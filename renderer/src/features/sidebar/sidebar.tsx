// The left column: accounts (production in the warning colour) and apps, each with its Add button,
// and the vault's protection at the bottom.
import { useCatalog } from '../../stores/catalog';
import { navigate, useView } from '../../stores/navigation';
import { AccountName } from '../../components/account-name';
import { VaultBadge } from '../vault/vault-badge';
import type { VaultStatus } from '../../../../electron/common/model';
import { navItemClass, SIDEBAR_LABEL, TOOLS } from './sidebar-items';


export function Sidebar({ vault }: { vault: VaultStatus }) {
  const catalog = useCatalog();
  // Names from the first answer until the full lists are in (they paint the same).
  const apps = catalog.apps ?? catalog.first?.apps;
  const accounts = catalog.accounts ?? catalog.first?.accounts;
  const view = useView();
  const isCurrent = (kind: string, id: string) => 'id' in view && view.kind === kind && view.id === id;

  return (
    <nav className="sidebar" aria-label={SIDEBAR_LABEL}>
      <button type="button" className={navItemClass(view.kind === 'home')} onClick={() => navigate({ kind: 'home' })} aria-current={view.kind === 'home' ? 'page' : undefined}>
        Installs
      </button>

      <div className="sidebar__section">
        <h2 className="sidebar__title">Accounts</h2>
        <ul className="sidebar__list" aria-label="Accounts">
          {(accounts ?? []).map((account) => (
            <li key={account.id}>
              <button
                type="button"
                className={navItemClass(isCurrent('account', account.id))}
                aria-current={isCurrent('account', account.id) ? 'page' : undefined}
                onClick={() => navigate({ kind: 'account', id: account.id })}
              >
                <AccountName account={account} />
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className="button button--small" onClick={() => navigate({ kind: 'account-new' })}>Add account</button>
      </div>

      <div className="sidebar__section">
        <h2 className="sidebar__title">Apps</h2>
        <ul className="sidebar__list" aria-label="Apps">
          {(apps ?? []).map((app) => (
            <li key={app.id}>
              <button
                type="button"
                className={navItemClass(isCurrent('app', app.id))}
                aria-current={isCurrent('app', app.id) ? 'page' : undefined}
                onClick={() => navigate({ kind: 'app', id: app.id })}
              >
                {app.name}
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className="button button--small" onClick={() => navigate({ kind: 'app-new' })}>Add app</button>
      </div>

      <div className="sidebar__section">
        <h2 className="sidebar__title">Tools</h2>
        <ul className="sidebar__list" aria-label="Tools">
          {TOOLS.map(([kind, label]) => (
            <li key={kind}>
              <button type="button" className={navItemClass(view.kind === kind)} aria-current={view.kind === kind ? 'page' : undefined} onClick={() => navigate({ kind })}>
                {label}
              </button>
            </li>
          ))}
        </ul>
      </div>

      <div className="sidebar__footer">
        <VaultBadge vault={vault} />
      </div>
    </nav>
  );
}
