// Entry point. Styles are imported as files (Vite emits them), because the CSP forbids inline styles.
// boot.ts comes first: it starts the first questions to the backend before the rest runs.
import './boot';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/features.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
