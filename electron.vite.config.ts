import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

/**
 * Three builds: main (Node, ESM, native deps stay external), preload (CommonJS and fully
 * bundled, because a sandboxed preload can neither load ESM nor require node_modules) and
 * the React renderer (also served by the browser shell from out/renderer).
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/index.ts'),
          // The spreadsheet reader's worker thread, emitted as out/main/import-read-worker.js and
          // found beside the main bundle at run time (src-main/core/import/read/worker-url.ts).
          'import-read-worker': resolve(__dirname, 'src-main/core/import/read/read-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [react(), tailwindcss()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-renderer/index.html') },
        // The renderer loads from disk (Electron or the local browser shell), so chunks save no
        // download time; they are split so that the 500 kB warning keeps watching our own code
        // (screens + shared, ~125 kB) instead of firing on every build because of libraries:
        // React (~210 kB) in one chunk, the rest of node_modules (zod for the shared schemas,
        // TanStack, tRPC, lucide; ~200 kB) in another. Library chunks also keep their hashes
        // across builds that only change app code.
        output: {
          codeSplitting: {
            groups: [
              { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
              { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
            ],
          },
        },
      },
    },
  },
});
