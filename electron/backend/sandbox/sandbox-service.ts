// The contract's `sandbox.*` methods over the controller. Quirks are persisted by the caller
// (`onQuirksChanged`, the vault's settings) so they survive restarts.
import type { SandboxQuirks } from '../../common/model';
import type { DomainService } from '../service';
import type { SandboxController } from './sandbox-controller';

export function createSandboxService(
  controller: SandboxController,
  onQuirksChanged: (quirks: SandboxQuirks) => Promise<void>,
): DomainService<'sandbox'> {
  return {
    'sandbox.status': async () => controller.status(),
    'sandbox.setQuirks': async (patch) => {
      const clean: Partial<SandboxQuirks> = {};
      if (patch.expiresIn !== undefined) clean.expiresIn = patch.expiresIn;
      if (patch.numericSub !== undefined) clean.numericSub = patch.numericSub;
      if (patch.issuerWithoutIdp !== undefined) clean.issuerWithoutIdp = patch.issuerWithoutIdp;
      if (patch.rotateRefreshTokens !== undefined) clean.rotateRefreshTokens = patch.rotateRefreshTokens;
      const status = controller.setQuirks(clean);
      await onQuirksChanged(status.quirks);
      return status;
    },
  };
}
