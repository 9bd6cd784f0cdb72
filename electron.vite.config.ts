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

/**
 * Library chunks of the renderer, by package. A group also takes the packages its modules import, so the ones
 * others build on come first (higher priority): React before Mantine, both before the charts.
 */
const RENDERER_LIBRARY_CHUNKS = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/, priority: 5 },
  { name: 'mantine', test: /node_modules[\\/](@mantine[\\/](core|hooks)|@floating-ui|react-remove-scroll[^\\/]*|react-textarea-autosize|use-sidecar|use-callback-ref|react-style-singleton|get-nonce|tslib|clsx|type-fest)[\\/]/, priority: 4 },
  { name: 'mantine-extras', test: /node_modules[\\/](@mantine[\\/](dates|notifications|dropzone|store)|dayjs|react-dropzone|file-selector|attr-accept|react-transition-group)[\\/]/, priority: 4 },
  { name: 'small-libraries', test: /node_modules[\\/](use-sync-external-store|eventemitter3|tiny-invariant|immer|es-toolkit)[\\/]/, priority: 4 },
  { name: 'chart-parts', test: /node_modules[\\/](d3-[^\\/]+|victory-vendor|decimal\.js-light|internmap|@reduxjs|redux|react-redux|reselect)[\\/]/, priority: 3 },
  { name: 'charts', test: /node_modules[\\/](recharts|@mantine[\\/]charts)[\\/]/, priority: 2 },
  { name: 'libraries', test: /node_modules[\\/]/, priority: 1 },
];

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
      rollupOptions: {
        input: { index: resolve('renderer/index.html') },
        // Screens are split by route (renderer/src/lazy-page.tsx); the libraries go into chunks of their own so
        // that no chunk grows past Vite's 500 kB warning as screens gain features (checked by
        // scripts/renderer-chunks.test.ts), and a screen's chunk changes without the libraries' changing.
        output: { codeSplitting: { groups: RENDERER_LIBRARY_CHUNKS } },
      },
    },
  },
});
