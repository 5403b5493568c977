// Connect = flows.start, then the flow view follows its progress. Used by the first-run card, the
// grid, the account view and the install view's Reconnect.
import { workbench } from '../../api/client';
import { rememberFlow } from '../../api/flows';
import { navigate } from '../../api/navigation';
import { showToast } from '../../api/toasts';
import { hintFor } from '../../api/error-hints';

export async function startConnect(appId: string, accountId: string): Promise<boolean> {
  const result = await workbench().flows.start({ appId, accountId });
  if (!result.ok) {
    const hint = hintFor(result.error.code);
    showToast('error', hint ? `${result.error.message} ${hint}` : result.error.message);
    return false;
  }
  rememberFlow(result.value);
  navigate({ kind: 'flow', id: result.value.id });
  return true;
}
