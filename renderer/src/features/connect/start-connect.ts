// Connect = flows.start, then the flow view follows its progress. Used by the first-run card, the
// grid, the account view and the install view's Reconnect.
import { workbench } from '../../workbench/client';
import { rememberFlow } from '../../stores/flows';
import { navigate } from '../../stores/navigation';
import { showToast } from '../../stores/toasts';
import { hintFor } from '../../text/error-hints';

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
