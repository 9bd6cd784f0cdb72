import { createCore, type Core, type CoreOptions } from '../core';
import { testApi, type TestApi } from './api';
import { makeTempDir, randomKeyBase64, testSecretService } from './temp-dir';

/** A core for one test: `api` is the typed contract over its dispatcher, `cleanup()` closes it and removes its temp dir. */
export type TestCore = Core & { api: TestApi; cleanup(): Promise<void> };

/**
 * A real core on a fresh data dir. Secrets go to the real keychain under a throw-away service name, or to the
 * encrypted-file store when `fileSecrets` is set.
 */
export function startTestCore(options: Partial<CoreOptions> & { fileSecrets?: boolean } = {}): TestCore {
  const temp = options.dataDir ? undefined : makeTempDir();
  const dataDir = options.dataDir ?? temp!.dir;
  const env = options.fileSecrets ? { KAYSE_SECRETS_KEY: randomKeyBase64() } : {};
  const core = createCore({ secretService: testSecretService(), env, ...options, dataDir });
  return Object.assign(core, {
    api: testApi(core),
    async cleanup() {
      await core.close();
      temp?.remove();
    },
  });
}
