import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Kayse Integrations Console';

/**
 * The same folder Electron's app.getPath('userData') gives for this product, so the desktop app and the
 * headless host share one database by default.
 */
export function defaultDataDir(env: Record<string, string | undefined> = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}
