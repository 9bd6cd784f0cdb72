import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testSecretService } from '../test-support/temp-dir';
import { HOW_TO_FIX_SECRETS } from './secret-store';

// No Secret Service and no file key: operations needing a secret fail with a fix, not silently.
// The keychain is tried in a child process started without a reachable session bus, as on a server. The status
// after a failed write must stay "unavailable": left to itself the binding falls back to the kernel keyring
// (memory, lost at reboot) and would report a keychain that forgets.
const probe = `
  import { KeychainSecretStore } from ${JSON.stringify(fileURLToPath(new URL('./keychain-store.ts', import.meta.url)))};
  const store = new KeychainSecretStore(process.argv[1]);
  const set = await store.set('webhooks/app-key', 'value').then(() => ({ ok: true }), (e) => ({ ok: false, code: e.code, message: e.message }));
  console.log(JSON.stringify({ set, status: await store.status() }));
`;

describe('with neither a keychain nor a configured file store', () => {
  it('fails with an error that says how to fix it', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe, testSecretService()], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/kayse-no-bus' },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(child.status, child.stderr).toBe(0);
    const { set, status } = JSON.parse(child.stdout.trim().split('\n').at(-1)!);
    expect(set).toMatchObject({ ok: false, code: 'SECRETS_UNAVAILABLE', message: expect.stringContaining(HOW_TO_FIX_SECRETS) });
    expect(status.available).toBe(false);
    expect(status.detail).toContain('KAYSE_SECRETS_KEY_FILE');
  });
});
