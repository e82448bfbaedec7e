import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves console/dist at `/` with an SPA fallback (server/src/common/static-console.ts).
const here = decodeURIComponent(new URL('.', import.meta.url).pathname);

// The rule engine (rules/) and the route library (workflows/) are imported from source; their two Node
// built-ins get browser stand-ins (see src/shims), mapped the same way in tsconfig.json.
export default defineConfig({
  root: here,
  resolve: {
    alias: {
      'node:crypto': `${here}src/shims/node-crypto.ts`,
      'node:util': `${here}src/shims/node-util.ts`,
    },
  },
  base: '/',
  plugins: [react()],
  // antd's core alone is ~650 kB minified (215 kB gzipped); pages and bpmn-js are split off by route.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 800 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' }, fs: { allow: ['..'] } },
});
