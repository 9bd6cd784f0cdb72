import { createCore, type Core, type CoreOptions } from '../core';
import { makeTempDir, randomKeyBase64, testSecretService } from './temp-dir';

/**
 * A real core on a fresh data dir. Secrets go to the real keychain under a throw-away service name, or to the
 * encrypted-file store when `fileSecrets` is set.
 */
export function startTestCore(options: Partial<CoreOptions> & { fileSecrets?: boolean } = {}): Core & { cleanup(): Promise<void> } {
  const temp = options.dataDir ? undefined : makeTempDir();
  const dataDir = options.dataDir ?? temp!.dir;
  const env = options.fileSecrets ? { KAYSE_SECRETS_KEY: randomKeyBase64() } : {};
  const core = createCore({ secretService: testSecretService(), env, ...options, dataDir });
  return Object.assign(core, {
    async cleanup() {
      await core.close();
      temp?.remove();
    },
  });
}
