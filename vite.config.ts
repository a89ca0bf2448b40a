import { fileURLToPath } from 'node:url';
import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/**
 * `/api` goes to the Fastify server, except the SPA's own modules under src/web/api
 * (`/api/client.ts` …), which the dev server must serve itself.
 */
const apiProxy: ProxyOptions = {
  target: 'http://127.0.0.1:3000',
  changeOrigin: false,
  bypass: (req) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    return /\.(tsx?|jsx?|css)$/.test(path) ? req.url : undefined;
  },
};

/** The SPA lives in src/web and is served by the Fastify server from dist/web. */
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    // What every page needs (antd; react, the router, react-query) in two vendor chunks that stay
    // cached between releases. Everything else from node_modules (ECharts and zrender above all)
    // is left to the pages that import it, which are loaded lazily (src/web/routes.tsx): a unit
    // officer's first load carries no chart or IOC code (scripts/first-load.mjs measures it).
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'vendor-antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack|dayjs)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': apiProxy },
  },
  preview: {
    host: '127.0.0.1',
    proxy: { '/api': apiProxy },
  },
});
