// Deleting an app asks first and says what happens to its installs.
import type { AppView } from '../../../../electron/common/model';
import { workbench } from '../../workbench/client';
import { DeleteZone } from '../../components/delete-zone';

export function DeleteApp({ app }: { app: AppView }) {
  return (
    <DeleteZone label="Delete app" name={app.name} remove={() => workbench().apps.delete({ id: app.id })}>
      <p>The app, its secret and its installs are removed from the vault. Tokens are not revoked.</p>
    </DeleteZone>
  );
}
