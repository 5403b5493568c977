import { z } from 'zod';
import type { FlowView, InstallConfirmation } from '../model';
import { id, method, noInput } from './declare';

export const flowsMethods = {
  /**
   * `mode: 'paste'` runs this one flow in paste mode whatever the app's redirect mode (the app is not
   * changed): the redirect URL is the one registered for the app's own mode, and the address the
   * browser lands on is pasted back (flows.paste) instead of being caught by a loopback listener.
   */
  'flows.start': method(z.strictObject({ appId: id, accountId: id, mode: z.enum(['paste']).optional() })).returns<FlowView>(),
  'flows.cancel': method(z.strictObject({ flowId: id })).returns<FlowView>(),
  'flows.paste': method(z.strictObject({ flowId: id, url: z.string().min(1).max(20_000) })).returns<FlowView>(),
  'flows.list': method(noInput).returns<FlowView[]>(),
  /** Serve `GET /oauth/install?account={sub}` for an app, to stand in as its App URL; the URL to register while on, null when off. */
  'flows.installEntry': method(z.strictObject({ appId: id, enabled: z.boolean() })).returns<{ url: string | null }>(),
  /** New accounts asked for through an App URL, waiting for the user's yes or no. */
  'flows.installConfirmations': method(noInput).returns<InstallConfirmation[]>(),
  /** Answers one; resolves the confirmations still waiting. */
  'flows.confirmInstall': method(z.strictObject({ id, accept: z.boolean() })).returns<InstallConfirmation[]>(),
};
