import { z } from 'zod';
import type { InstallDetail, InstallsGrid, InstallSummary } from '../model';
import { TOKEN_KINDS } from '../lists';
import { id, method, noInput } from './declare';

const tokenKind = z.enum(TOKEN_KINDS);

export const installsMethods = {
  'installs.list': method(noInput).returns<InstallSummary[]>(),
  /** The grid's first paint in one small answer (see InstallsGrid); the lists above follow it. */
  'installs.grid': method(noInput).returns<InstallsGrid>(),
  'installs.get': method(z.strictObject({ id })).returns<InstallDetail>(),
  /** The one place a full token crosses to the renderer: the user asked to see it. */
  'installs.reveal': method(z.strictObject({ id, token: tokenKind })).returns<{ token: string }>(),
  'installs.copy': method(z.strictObject({ id, token: tokenKind })).returns<null>(),
  'installs.refresh': method(z.strictObject({ id })).returns<InstallDetail>(),
  'installs.revoke': method(z.strictObject({ id })).returns<InstallDetail>(),
  'installs.forget': method(z.strictObject({ id })).returns<null>(),
};
