// Tests use the backend's own Node store factory (conf), the same code headless use runs.
export { confStoreFactory } from '../../electron/backend/vault/conf-store-factory';
