import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** A fresh folder per test, removed afterwards. */
export function makeTempDir(prefix = 'kayse-test-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A keychain service name no real install uses, so tests never read or clobber real credentials. */
export const testSecretService = () => `kayse-test-${randomBytes(6).toString('hex')}`;

/** An App Key made at run time (16 random hex characters after a test prefix), never a committed credential. */
export const testAppKey = () => `test_app_key_${randomBytes(8).toString('hex')}`;

/** An encrypted-file key generated at run time (never a committed secret). */
export const randomKeyBase64 = () => randomBytes(32).toString('base64');

/** True where a Secret Service session bus is set up (npm test runs inside one). */
export const hasSessionBus = () => !!process.env.DBUS_SESSION_BUS_ADDRESS;
