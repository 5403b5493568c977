// The tools of issue [ui-tools] as one slice of the contract: API console, runs across accounts,
// HAR export, token inspector, diagnostics, import/export. See docs/tools.md.
import type { ToolsMethodName } from '../../common/tools/tools-method-names';
import type { ServiceSlice } from '../service';
import { createApiConsoleService } from './api-console/api-console-service';
import type { ToolsDeps } from './deps';
import { createDiagnosticsService } from './diagnostics/diagnostics-service';
import { createHarService } from './har/har-service';
import { createInspectorService } from './inspector/inspector-service';
import { createRunsService } from './runs/runs-service';
import { createTransferService } from './transfer/transfer-service';


export function createToolsService(deps: ToolsDeps): ServiceSlice<ToolsMethodName> {
  // The backend's one recorded HTTP client and key resolver, shared with the OAuth flows.
  const { http, keys } = deps.core;
  return {
    ...createApiConsoleService(deps, http),
    ...createRunsService(deps, http),
    ...createHarService(deps),
    ...createInspectorService(deps, http, keys),
    ...createDiagnosticsService(deps, http, keys),
    ...createTransferService(deps),
  };
}
