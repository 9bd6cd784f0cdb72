import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { copyRuntimeFiles } from './scripts/runtime-files';

/** The files the main bundle finds beside itself at run time (scripts/runtime-files.ts). */
const copyRuntimeFilesPlugin = (): Plugin => ({
  name: 'kayse:copy-runtime-files',
  closeBundle() {
    copyRuntimeFiles(resolve('out/main'));
  },
});

export default defineConfig({
  main: {
    plugins: [copyRuntimeFilesPlugin()],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // Two entries over one core: the Electron host, and the headless host that runs in plain Node.
        input: { index: resolve('main/index.ts'), headless: resolve('main/headless.ts') },
        // Shared chunks sit beside the entries so that `new URL('./migrations', import.meta.url)` resolves alike.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    // Not externalized: a sandboxed preload can't require packages, so zod and the contract are bundled in.
    build: {
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
