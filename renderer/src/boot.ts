// Imported first by main.tsx: ES modules run in import order, so this asks for the vault's status
// and the grid's first answer before react-dom's code (the bundle's largest part) has even run; they
// cross the bridge while the page gets ready.
import { startVaultEarly } from './features/vault/use-vault';

startVaultEarly();
