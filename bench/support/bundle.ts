// Bundles a benchmark child process the way the console ships (one ES module, npm packages external, the files
// it finds beside itself copied there), so that it runs in plain Node: its RSS is then the console's own, not
// that of the TypeScript loader the sources otherwise run under (~70 MB of compiler and caches).
import { mkdirSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { copyRuntimeFiles } from '../../scripts/runtime-files';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Writes out/bench/<name>.mjs (inside the repo, so its packages resolve from node_modules) and returns its path. */
export async function bundleForNode(entry: URL): Promise<string> {
  const outDir = `${root}out/bench`;
  mkdirSync(outDir, { recursive: true });
  const outfile = `${outDir}/${basename(fileURLToPath(entry)).replace(/\.ts$/, '.mjs')}`;
  await build({ entryPoints: [fileURLToPath(entry)], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
  copyRuntimeFiles(outDir);
  return outfile;
}
