// StoreFactory over electron-store (ESM, wraps conf). electron-store names the file `name` where conf
// says `configName`; everything else passes through, including clearInvalidConfig: false, so a file
// it cannot decrypt is never wiped.
import ElectronStore from 'electron-store';
import type { StoreFactory } from '../../backend/ports';

export const electronStoreFactory: StoreFactory = ({ configName, ...options }) =>
  new ElectronStore<Record<string, unknown>>({ ...options, name: configName });
