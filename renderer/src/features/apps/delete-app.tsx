// Deleting an app asks first and says what happens to its installs.
import { useState } from 'react';
import type { AppView } from '../../../../electron/common/model';
import { workbench } from '../../api/client';
import { navigate } from '../../api/navigation';
import { showToast } from '../../api/toasts';
import { useAction } from '../../api/use-action';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorMessage } from '../../components/error-message';

export function DeleteApp({ app }: { app: AppView }) {
  const [asking, setAsking] = useState(false);
  const remove = useAction(() => workbench().apps.delete({ id: app.id }));
  return (
    <section className="subpanel danger-zone">
      <button type="button" className="button button--danger" disabled={remove.pending} onClick={() => setAsking(true)}>
        {remove.pending ? 'Deleting…' : 'Delete app'}
      </button>
      <ErrorMessage error={remove.error} />
      <ConfirmDialog
        open={asking}
        title={`Delete ${app.name}?`}
        confirmLabel="Delete"
        danger
        onCancel={() => setAsking(false)}
        onConfirm={async () => {
          setAsking(false);
          const done = await remove.run();
          if (done !== null) {
            showToast('info', `Deleted ${app.name}.`);
            navigate({ kind: 'home' });
          }
        }}
      >
        <p>The app, its secret and its installs are removed from the vault. Tokens are not revoked.</p>
      </ConfirmDialog>
    </section>
  );
}
