import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves console/dist at `/` with an SPA fallback (server/src/common/static-console.ts).
export default defineConfig({
  root: decodeURIComponent(new URL('.', import.meta.url).pathname),
  base: '/',
  plugins: [react()],
  // antd's core alone is ~650 kB minified (215 kB gzipped); pages and bpmn-js are split off by route.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 800 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
