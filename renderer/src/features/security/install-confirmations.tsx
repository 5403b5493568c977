// A subdomain new to the vault arrived through an app's App URL: the browser waits until the user
// says yes (the account is created and the sign-in continues there) or no (nothing is created). Any
// web page could have opened that URL, so this is never decided without the user.
import { useEffect, useState } from 'react';
import type { InstallConfirmation } from '../../../../electron/common/model';
import { workbench } from '../../workbench/client';
import { useAction } from '../../hooks/use-action';
import { ErrorMessage } from '../../components/error-message';

export function InstallConfirmations() {
  const [pending, setPending] = useState<InstallConfirmation[]>([]);
  const decide = useAction((id: string, accept: boolean) => workbench().flows.confirmInstall({ id, accept }));

  useEffect(() => {
    const api = workbench();
    let live = true;
    void api.flows.installConfirmations().then((result) => {
      if (live && result.ok) setPending(result.value);
    });
    const off = api.on('flow.installConfirmations', setPending);
    return () => {
      live = false;
      off();
    };
  }, []);

  if (pending.length === 0) return null;
  return (
    <>
      {pending.map((item) => (
        <div key={item.id} className="banner banner--warning banner--standing" role="alertdialog" aria-label={`New account ${item.subdomain}`}>
          <strong>Add the account “{item.subdomain}”?</strong> Something opened the App URL of {item.appName} for{' '}
          <code>{item.subdomain}.gorgias.com</code>, an account the workbench does not know. If you did not just click Connect App in
          Gorgias, refuse.{' '}
          <button type="button" className="button button--small" disabled={decide.pending} onClick={() => void decide.run(item.id, true)}>
            Add and sign in
          </button>{' '}
          <button type="button" className="button button--small" disabled={decide.pending} onClick={() => void decide.run(item.id, false)}>
            Refuse
          </button>
        </div>
      ))}
      <ErrorMessage error={decide.error} />
    </>
  );
}
