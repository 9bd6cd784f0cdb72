// Test fixture for the sync foundation: a real core with both CRM simulators connected through the contract (real
// keychain, real SQLite, the catalogs the connectors load from the simulators), and Kayse case types made through
// the contract the way an admin makes them.
import type { CaseType } from '../../shared/domain/workspace';
import { startCrmTest, type CrmTest } from '../crm/test-crm';

export { runKeychain } from '../crm/test-crm';

export interface SyncTest extends CrmTest {
  /** An auto-accident case type with a custom field of every type. */
  auto: CaseType;
}

/** Custom fields named so that some pair with each simulator's fields by name or UDF short name. */
export const AUTO_CASE_TYPE = {
  name: 'Auto Accident',
  statuses: ['New', 'Contacted', 'Docs Out', 'Signed', 'Closed'],
  fields: [
    { key: 'accident_date', label: 'Accident Date', type: 'date' as const },
    { key: 'injury_type', label: 'Injury Type', type: 'single_select' as const, options: ['Whiplash', 'Fracture', 'Burn'] },
    { key: 'injury_types', label: 'Injury Types', type: 'multi_select' as const, options: ['Back', 'Neck', 'Knee'] },
    { key: 'police_report_filed', label: 'Police Report Filed', type: 'yes_no' as const },
    { key: 'med_bills', label: 'Medical expenses', type: 'number' as const },
    { key: 'notes', label: 'Intake summary', type: 'text' as const },
    { key: 'treatments', label: 'Number of Treatments', type: 'text' as const },
    { key: 'pain_level', label: 'Pain level', type: 'single_select' as const, options: ['Low', 'High'] },
  ],
};

/** Both CRMs connected to their simulators and the Auto Accident case type created. */
export async function startSyncTest(options: Parameters<typeof startCrmTest>[0] = {}): Promise<SyncTest> {
  const t = await startCrmTest(options);
  try {
    const lr = await t.core.api.crm.connect(t.lawRulerInput());
    const sa = await t.core.api.crm.connect(t.smartAdvocateInput());
    if (!lr.ok || !sa.ok) throw new Error('the simulators refused to connect');
    const auto = await t.core.api.caseTypes.create(AUTO_CASE_TYPE);
    return Object.assign(t, { auto });
  } catch (error) {
    await t.cleanup();
    throw error;
  }
}

/** `custom.<case type id>.<key>` of the Auto Accident case type. */
export const custom = (t: { auto: CaseType }, key: string) => `custom.${t.auto.id}.${key}`;

/** A status id of the Auto Accident case type by name. */
export function statusId(t: { auto: CaseType }, name: string): string {
  const status = t.auto.statuses.find((s) => s.name === name);
  if (!status) throw new Error(`no status ${name}`);
  return status.id;
}
