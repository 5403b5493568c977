import { z } from 'zod';
import type { DiagnosticsResult } from '../tools/tools-contract';
import { id, method } from './declare';

export const diagnosticsMethods = {
  'diagnostics.run': method(z.strictObject({ installId: id })).returns<DiagnosticsResult>(),
  'diagnostics.report': method(z.strictObject({ installId: id, copy: z.boolean().optional() })).returns<{ markdown: string; copied: boolean }>(),
};
