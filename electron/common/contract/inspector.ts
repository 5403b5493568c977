import { z } from 'zod';
import type { TokenInspection } from '../tools/tool-results';
import { method } from './declare';

export const inspectorMethods = {
  'inspector.inspect': method(z.strictObject({ token: z.string().max(100_000) })).returns<TokenInspection>(),
};
