// Fails the run at once, with the fix, when the build the tests drive is missing.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REQUIRED = ['out/main/headless.js', 'out/renderer/index.html'];

export default function globalSetup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const missing = REQUIRED.filter((file) => !existsSync(join(root, file)));
  if (missing.length > 0) {
    throw new Error(`e2e tests drive the built app, but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing: run npm run build first.`);
  }
}
