import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The offline shell (public/sw.js): only from a built app, never under Vite's dev server.
// Not inside an embedded panel: another centre's screen has no use for the offline shell.
if (import.meta.env.PROD && 'serviceWorker' in navigator && !location.pathname.startsWith('/embed/')) {
  window.addEventListener('load', () => {
    void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
