// Test fixture: a SmartAdvocate simulator on 127.0.0.1 and connectors pointed at it through a guarded agent that
// allows only loopback (as the console's would a firm's allowlisted range). `close()` ends both.
import type { Clock } from '../../kernel';
import { createGuardedAgent } from '../../net';
import type { ConformanceSetup } from '../crm/test-conformance';
import type { CrmConnector, CrmRecordInput } from '../crm/types';
import { createSmartAdvocateConnector, type SmartAdvocateConnectorOptions } from './connector';
import { startSmartAdvocateSimulator, type SmartAdvocateSimulator, type SmartAdvocateSimulatorOptions } from './simulator';

export interface SmartAdvocateTest extends ConformanceSetup {
  sim: SmartAdvocateSimulator;
  /** A connector with the simulator's credentials; options override the defaults. */
  connector(options?: { timeoutMs?: number; clock?: Clock } & Partial<Pick<SmartAdvocateConnectorOptions, 'listingOverlapMs'>>): CrmConnector;
}

export interface SmartAdvocateTestOptions {
  sim?: SmartAdvocateSimulatorOptions;
  /** Extra CA certificates the connector's agent trusts (a self-signed HTTPS simulator). */
  ca?: string;
}

export async function startSmartAdvocateTest(options: SmartAdvocateTestOptions = {}): Promise<SmartAdvocateTest> {
  const sim = await startSmartAdvocateSimulator(options.sim);
  const agent = createGuardedAgent({ allowlist: ['127.0.0.1/32'], connectTimeoutMs: 2_000, ...(options.ca ? { ca: options.ca } : {}) });
  const make = (password: string, extra: { timeoutMs?: number; clock?: Clock; listingOverlapMs?: number } = {}) =>
    createSmartAdvocateConnector({
      credentials: { endpoint: sim.host, username: sim.credentials.username, password },
      baseUrl: sim.url,
      dispatcher: agent,
      timeoutMs: extra.timeoutMs ?? 5_000,
      clock: extra.clock ?? { now: () => new Date() },
      ...(extra.listingOverlapMs === undefined ? {} : { listingOverlapMs: extra.listingOverlapMs }),
    });
  return {
    sim,
    connector: (extra) => make(sim.credentials.password, extra),
    badCredentials: () => make('not-the-password'),
    sampleInput: (n: number): CrmRecordInput => ({
      caseTypeId: sim.ids.caseTypeId,
      statusId: sim.ids.statusId,
      firstName: `Client${n}`,
      lastName: `Sample-${n}`,
      phone: `(646) 555-${String(1000 + n).slice(-4)}`,
      email: `client${n}@kayse-sample.example`,
      summary: `Sample case ${n}`,
    }),
    otherStatusId: sim.ids.otherStatusId,
    signInOperation: 'authenticate',
    async close() {
      await sim.close();
      await agent.close();
    },
  };
}
