// Finds Electron's executable without loading the electron package: since Electron 45 its index.js starts a
// download from GitHub when the binary is missing, which must not happen on `npm start` or in a test run.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The Electron executable the electron package would run, or undefined when its binary is not installed. */
export function electronBinaryPath() {
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  // The same lookup as the package's index.js: path.txt (written by its installer) names the file under dist/.
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  let executable;
  try {
    executable = readFileSync(join(packageDir, 'path.txt'), 'utf8');
  } catch {
    if (!override) return undefined;
    executable = 'electron';
  }
  const path = join(override || join(packageDir, 'dist'), executable);
  return existsSync(path) ? path : undefined;
}
