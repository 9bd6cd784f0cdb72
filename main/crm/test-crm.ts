// Test fixture: a real core (real SQLite, the real keychain under a throw-away service name) and both CRM
// simulators on 127.0.0.1, with the inputs that connect to them as firm IT would type them on the Configuration tab.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { lawRulerConnectInputSchema, smartAdvocateConnectInputSchema } from '../../shared/domain/crm';
import type { CoreOptions } from '../core';
import { startLawRulerSimulator, type LawRulerSimulator } from '../connectors/lawruler/simulator/lawruler-simulator';
import { startSmartAdvocateSimulator, type SmartAdvocateSimulator } from '../connectors/smartadvocate/simulator';
import { hasSessionBus, makeTempDir, testSecretService } from '../test-support/temp-dir';
import { startTestCore, type TestCore } from '../test-support/test-core';

export type LawRulerInput = z.input<typeof lawRulerConnectInputSchema>;
export type SmartAdvocateInput = z.input<typeof smartAdvocateConnectInputSchema>;

/** These tests use the real Secret Service (scripts/with-keyring.sh); CI must never skip them silently. */
export const runKeychain = hasSessionBus();
if (!runKeychain && process.env.CI) throw new Error('CI must run the CRM tests inside scripts/with-keyring.sh');

/** Credentials made at run time, unique to one test, so a scan can look for each of them. */
export function randomCredentials() {
  const token = (prefix: string) => `${prefix}-${randomBytes(12).toString('hex')}`;
  return {
    lawruler: { username: 'api@smithlaw.example', password: token('lrpw'), clientRoot: 'smithlaw', clientSecret: token('lrcs'), key: token('LRKEY') },
    smartadvocate: { username: 'kayse-sync', password: token('sapw') },
  };
}

export interface CrmTest {
  core: TestCore;
  lawruler: LawRulerSimulator;
  smartadvocate: SmartAdvocateSimulator;
  credentials: ReturnType<typeof randomCredentials>;
  dataDir: string;
  secretService: string;
  lawRulerInput(overrides?: Partial<LawRulerInput>): LawRulerInput;
  smartAdvocateInput(overrides?: Partial<SmartAdvocateInput>): SmartAdvocateInput;
  /** Stops the core and starts another on the same data dir and keychain service (a console restart). */
  restart(): Promise<TestCore>;
  cleanup(): Promise<void>;
}

export async function startCrmTest(options: { core?: Partial<CoreOptions> } = {}): Promise<CrmTest> {
  const credentials = randomCredentials();
  const lawruler = await startLawRulerSimulator({ credentials: credentials.lawruler, records: 3 });
  const smartadvocate = await startSmartAdvocateSimulator({ ...credentials.smartadvocate, records: 3 });
  const temp = makeTempDir();
  const secretService = testSecretService();
  const coreOptions = { dataDir: temp.dir, secretService, crm: { timeoutMs: 5_000, connectTimeoutMs: 2_000 }, ...options.core };
  let core = startTestCore(coreOptions);
  const test: CrmTest = {
    get core() {
      return core;
    },
    lawruler,
    smartadvocate,
    credentials,
    dataDir: temp.dir,
    secretService,
    lawRulerInput: (overrides = {}) => ({ crm: 'lawruler', ...credentials.lawruler, apiBaseUrl: lawruler.url, ...overrides }),
    smartAdvocateInput: (overrides = {}) => ({ crm: 'smartadvocate', endpointUrl: smartadvocate.host, ...credentials.smartadvocate, apiBaseUrl: smartadvocate.url, ...overrides }),
    async restart() {
      await core.close();
      core = startTestCore(coreOptions);
      return core;
    },
    async cleanup() {
      // Whatever a test left in the keychain goes with it.
      for (const account of ['crm.lawruler.password', 'crm.lawruler.clientSecret', 'crm.lawruler.key', 'crm.smartadvocate.password']) {
        await core.secrets.delete(account).catch(() => undefined);
      }
      await core.close().catch(() => undefined);
      await lawruler.close();
      await smartadvocate.close();
      temp.remove();
    },
  };
  return test;
}
