import { z } from 'zod';
import type { DiagnosticsResult } from '../tools/tool-results';
import { id, method } from './declare';

export const diagnosticsMethods = {
  /** Read-only unless `refresh` is true: then it also tries a real refresh (which renews the token). */
  'diagnostics.run': method(z.strictObject({ installId: id, refresh: z.boolean().optional() })).returns<DiagnosticsResult>(),
  'diagnostics.report': method(z.strictObject({ installId: id, copy: z.boolean().optional() })).returns<{ markdown: string; copied: boolean }>(),
};
