// Apps, accounts and installs named the way a person would: by label/name, id, subdomain or client
// id. Unknown or ambiguous names are errors that list the candidates.
import type { AccountView, AppView, InstallSummary } from '../common/model';

// Only the fields a name can match: the views the contract answers fit, and so do the stored
// records the lean `token` reads (lean-token.ts).
type NamedApp = Pick<AppView, 'id' | 'name' | 'clientId'>;
type NamedAccount = Pick<AccountView, 'id' | 'label' | 'subdomain' | 'builtInSandbox'>;
type NamedInstall = Pick<InstallSummary, 'id' | 'appId' | 'accountId' | 'obtainedAt'>;
import { CliError } from './cli-error';
import { EXIT } from './exit-codes';

function pick<T>(kind: string, flag: string, name: string, items: T[], keys: (item: T) => string[], describe: (item: T) => string): T {
  const wanted = name.trim().toLowerCase();
  const exact = items.filter((item) => keys(item).some((key) => key.toLowerCase() === wanted));
  if (exact.length === 1) return exact[0]!;
  const list = (candidates: T[]) => candidates.map((item) => `  ${describe(item)}`).join('\n');
  if (exact.length > 1) {
    throw new CliError('INVALID_ARGUMENT', `"${name}" names ${exact.length} ${kind}s; use the id instead (${flag} <id>):\n${list(exact)}`, EXIT.USAGE);
  }
  const known = items.length ? `Known ${kind}s:\n${list(items)}` : `There are no ${kind}s in this vault.`;
  throw new CliError('NOT_FOUND', `No ${kind} called "${name}". ${known}`, EXIT.NOT_FOUND);
}

export function findApp<A extends NamedApp>(apps: A[], name: string): A {
  return pick('app', '--app', name, apps, (app) => [app.id, app.name, app.clientId], (app) => `${app.id}  ${app.name}  (client id ${app.clientId})`);
}

export function findAccount<A extends NamedAccount>(accounts: A[], name: string): A {
  return pick(
    'account',
    '--account',
    name,
    accounts,
    (account) => [account.id, account.label, account.subdomain],
    (account) => `${account.id}  ${account.label}  (subdomain ${account.subdomain}${account.builtInSandbox ? ', built-in sandbox' : ''})`,
  );
}

interface WithUser {
  user?: { sub: string; name: string | null; email: string | null } | null;
}

/** The install of app × account; with several users' installs, `user` picks one (default: the newest). */
export function findInstall<I extends NamedInstall>(installs: I[], app: Pick<NamedApp, 'id' | 'name'>, account: Pick<NamedAccount, 'id' | 'label' | 'subdomain'>, user?: string): I {
  const matching = installs
    .filter((install) => install.appId === app.id && install.accountId === account.id)
    .sort((a, b) => b.obtainedAt.localeCompare(a.obtainedAt));
  if (matching.length === 0) {
    throw new CliError('NOT_FOUND', `"${app.name}" is not installed on "${account.label}" yet: run  gorgias-workbench connect --app "${app.name}" --account "${account.subdomain}"`, EXIT.NOT_FOUND);
  }
  if (user === undefined) return matching[0]!;
  const userKeys = (install: I) => {
    const who = (install as I & WithUser).user;
    return [install.id, ...(who ? [who.sub, who.name ?? '', who.email ?? ''] : [])].filter(Boolean);
  };
  return pick('install', '--user', user, matching, userKeys, (install) => {
    const who = (install as I & WithUser).user;
    return `${install.id}  ${who ? `${who.name ?? who.sub}${who.email ? ` <${who.email}>` : ''}` : 'unknown user'}  obtained ${install.obtainedAt}`;
  });
}
