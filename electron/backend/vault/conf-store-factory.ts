// The default store factory for Node (tests, headless scripts): conf itself. The app passes
// electron-store instead, which wraps conf and takes the same options.
import Conf from 'conf';
import type { StoreFactory } from '../ports';

export const confStoreFactory: StoreFactory = (options) => new Conf<Record<string, unknown>>({ ...options, projectName: 'gorgias-oauth-workbench' });
