import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource-variable/noto-sans/wght.css';
import './utrecht.css';
import '@utrecht/design-tokens/dist/theme.css';
import './styles.css';
import { initI18n } from './i18n';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from './api/queries';
import { SessionProvider } from './session/session';
import { App } from './App';

function render(root: HTMLElement) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <App />
        </SessionProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}

const root = document.getElementById('root');
// Rendered once the chosen language's texts are there (Dutch at once), not first in Dutch;
// if English cannot be loaded, in Dutch.
if (root) void initI18n().catch(() => undefined).then(() => render(root));
