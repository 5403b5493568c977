import { createRoot } from 'react-dom/client';

// Placeholder until the first screen lands.
createRoot(document.getElementById('root')!).render(<p>Gorgias OAuth Workbench</p>);
