// Bench helper for the sync benchmarks: a real core (file secrets, no keychain needed) with SmartAdvocate's case types
// made in Kayse by the same names, the simulator connected and the person fields mapped both ways.
import { startTestCore, type TestCore } from '../../main/test-support/test-core';

const SA_CASE_TYPES = ['Auto Accident', 'Slip and Fall', 'Dog Bite', 'Camp Lejeune', 'Hair Relaxer'];

/** A core (file secrets, no keychain needed) with SmartAdvocate's case types and the simulator connected. */
export async function connectedCore(sim: { host: string; username: string; password: string }, sync: Record<string, unknown> = {}): Promise<TestCore> {
  const core = startTestCore({ fileSecrets: true, crm: { timeoutMs: 60_000, connectTimeoutMs: 5_000 }, sync });
  for (const name of SA_CASE_TYPES) await core.api.caseTypes.create({ name, statuses: ['New', 'Signed'], fields: [] });
  const connected = await core.api.crm.connect({ crm: 'smartadvocate', endpointUrl: sim.host, username: sim.username, password: sim.password, apiBaseUrl: `${sim.host}/CaseSyncAPI` });
  if (!connected.ok) throw new Error(`the simulator refused to connect: ${JSON.stringify(connected)}`);
  await core.api.sync.saveFieldMappings({
    crm: 'smartadvocate',
    crmCaseTypeId: null,
    mappings: [
      { kayseField: 'client.first_name', crmFieldId: 'standard.first_name', direction: 'both' },
      { kayseField: 'client.last_name', crmFieldId: 'standard.last_name', direction: 'both' },
      { kayseField: 'client.email', crmFieldId: 'standard.email', direction: 'both' },
    ],
  });
  return core;
}

