import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles.css';
import { App } from './app';
import { applyTheme, readThemePreference, resolveTheme, systemPrefersDark } from './theme';
import { resolveLinkChoice } from './trpc-link';

// Before the first render, so the first frame already has the right theme.
applyTheme(resolveTheme(readThemePreference(), systemPrefersDark()));
// Once per page load: reads (and removes from the address bar) the browser shell's token.
const choice = resolveLinkChoice(window);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App choice={choice} />
  </StrictMode>,
);
