// "Delete …" with a confirmation that says what goes with it; on success a toast and back home.
import { useState, type ReactNode } from 'react';
import type { Result } from '../../../electron/common/errors';
import { navigate } from '../stores/navigation';
import { showToast } from '../stores/toasts';
import { useAction } from '../hooks/use-action';
import { ConfirmDialog } from './confirm-dialog';
import { ErrorMessage } from './error-message';

export interface DeleteZoneProps {
  /** The button's words, e.g. "Delete app". */
  label: string;
  /** The thing's name, for the dialog title and the toast. */
  name: string;
  remove: () => Promise<Result<null>>;
  /** What else goes with it. */
  children: ReactNode;
}

export function DeleteZone({ label, name, remove, children }: DeleteZoneProps) {
  const [asking, setAsking] = useState(false);
  const action = useAction(remove);
  return (
    <section className="subpanel danger-zone">
      <button type="button" className="button button--danger" disabled={action.pending} onClick={() => setAsking(true)}>
        {action.pending ? 'Deleting…' : label}
      </button>
      <ErrorMessage error={action.error} />
      <ConfirmDialog
        open={asking}
        title={`Delete ${name}?`}
        confirmLabel="Delete"
        danger
        onCancel={() => setAsking(false)}
        onConfirm={async () => {
          setAsking(false);
          const done = await action.run();
          if (done !== null) {
            showToast('info', `Deleted ${name}.`);
            navigate({ kind: 'home' });
          }
        }}
      >
        {children}
      </ConfirmDialog>
    </section>
  );
}
