// Files the main bundle finds beside itself at run time (new URL(…, import.meta.url)): the drizzle-kit
// migrations (main/db/migrations-folder.ts) and the attempt log's worker script (main/webhooks/store/attempt-log.ts),
// plain JavaScript that runs as is. Copied by the build beside out/main and by the benchmarks beside their bundles.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export const RUNTIME_FILES = [
  { from: 'main/db/migrations', to: 'migrations' },
  { from: 'main/webhooks/store/attempt-log.worker.mjs', to: 'attempt-log.worker.mjs' },
] as const;

export function copyRuntimeFiles(outDir: string): void {
  for (const { from, to } of RUNTIME_FILES) cpSync(join(root, from), join(outDir, to), { recursive: true });
}
