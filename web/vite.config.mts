import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

// The UI lives in web/ and is served by the API from web/dist (api/app.module.ts).
// It imports the model layer (../model: the same lint rules as the server), hence fs.allow.
export default defineConfig({
  root: webRoot,
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // bpmn-js, form-js and echarts are large by nature; split them, but do not warn about it.
    chunkSizeWarningLimit: 4000,
  },
  server: {
    host: '127.0.0.1',
    fs: { allow: [repoRoot] },
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
