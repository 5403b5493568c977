// The tools of issue [ui-tools] as one slice of the contract: API console, runs across accounts,
// HAR export, token inspector, diagnostics, import/export. See docs/tools.md.
import type { MethodsOf } from '../../common/contract';
import type { ServiceSlice } from '../service';
import { createApiConsoleService } from './api-console/api-console-service';
import type { ResponseStore } from './api-console/response-store';
import type { ToolsDeps } from './deps';
import { createDiagnosticsService } from './diagnostics/diagnostics-service';
import { createHarService } from './har/har-service';
import { createInspectorService } from './inspector/inspector-service';
import { createRunsService } from './runs/runs-service';
import { createInstallExportService } from './transfer/install-export-service';
import { createTransferService } from './transfer/transfer-service';

/** The tools' domains, and the HAR export of the activity domain. */
export type ToolsMethod = MethodsOf<'api' | 'runs' | 'inspector' | 'diagnostics' | 'transfer'> | 'activity.exportHar';

/** `responses`: one store of answers (a run's results open in the console's viewer by their responseId), owned by the backend, which closes it. */
export function createToolsService(deps: ToolsDeps, responses: ResponseStore): ServiceSlice<ToolsMethod> {
  // The backend's one recorded HTTP client and key resolver, shared with the OAuth flows.
  const { http, keys } = deps.core;
  return {
    ...createApiConsoleService(deps, http, responses),
    ...createRunsService(deps, http, responses),
    ...createHarService(deps),
    ...createInspectorService(deps, http, keys),
    ...createDiagnosticsService(deps, http, keys),
    ...createTransferService(deps),
    ...createInstallExportService(deps),
  };
}
