import { describe, expect, it } from 'vitest';
import { KeychainSecretStore } from './keychain-store';
import { testSecretService } from '../test-support/temp-dir';
import { HOW_TO_FIX_SECRETS } from './secret-store';

// No Secret Service and no file key: operations needing a secret fail with a fix, not silently.
describe('with neither a keychain nor a configured file store', () => {
  it('fails with an error that says how to fix it', async () => {
    const saved = process.env.DBUS_SESSION_BUS_ADDRESS;
    process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/kayse-no-bus';
    try {
      const store = new KeychainSecretStore(testSecretService());
      await expect(store.set('webhooks/app-key', 'value')).rejects.toMatchObject({
        code: 'SECRETS_UNAVAILABLE',
        message: expect.stringContaining(HOW_TO_FIX_SECRETS),
      });
      const status = await store.status();
      expect(status.available).toBe(false);
      expect(status.detail).toContain('KAYSE_SECRETS_KEY_FILE');
    } finally {
      if (saved === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
      else process.env.DBUS_SESSION_BUS_ADDRESS = saved;
    }
  });
});
