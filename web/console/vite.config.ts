import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The staff console: built into web/console/dist and served by the Express app under /console. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 400,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
