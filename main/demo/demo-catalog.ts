// What the demo workspace holds: three case types (each with its pipeline of statuses and custom fields),
// the campaigns that feed them and the voice agents that work them.
import type { CaseTypeInput } from '../../shared/domain/workspace';

export const PERSONAL_INJURY = 'Personal Injury';
export const MASS_TORT = 'Mass Tort';
export const WORKERS_COMP = "Workers' Compensation";
export type DemoCaseTypeName = typeof PERSONAL_INJURY | typeof MASS_TORT | typeof WORKERS_COMP;

export interface DemoCaseTypeSpec {
  name: DemoCaseTypeName;
  input: CaseTypeInput;
  /** Relative share of cases in each status (same order as the statuses): most cases sit early in the pipeline. */
  statusWeights: number[];
  /** Relative share of all demo cases of this type. */
  share: number;
}

export const DEMO_CASE_TYPES: readonly DemoCaseTypeSpec[] = [
  {
    name: PERSONAL_INJURY,
    share: 5,
    input: {
      name: PERSONAL_INJURY,
      statuses: ['New Lead', 'In Review', 'Active', 'Awaiting Documents', 'In Negotiation', 'Settled', 'Closed'],
      fields: [
        { key: 'accident_date', label: 'Accident date', type: 'date' },
        { key: 'injury_type', label: 'Injury type', type: 'multi_select', options: ['Back', 'Neck', 'Head', 'Fracture', 'Soft tissue'] },
        { key: 'at_fault_insured', label: 'At-fault party insured', type: 'yes_no' },
        { key: 'medical_bills', label: 'Medical bills ($)', type: 'number' },
        { key: 'police_report', label: 'Police report', type: 'text' },
      ],
    },
    statusWeights: [30, 18, 16, 12, 9, 8, 7],
  },
  {
    name: MASS_TORT,
    share: 3,
    input: {
      name: MASS_TORT,
      statuses: ['New Lead', 'Screening', 'Medical Records Requested', 'Qualified', 'Signed', 'Filed', 'Disqualified'],
      fields: [
        { key: 'product', label: 'Product', type: 'single_select', options: ['Roundup', 'Camp Lejeune water', 'Hair relaxer', 'Talc powder', 'Earplugs'] },
        { key: 'exposure_start', label: 'Exposure started', type: 'date' },
        { key: 'diagnosis', label: 'Diagnosis', type: 'text' },
        { key: 'diagnosis_date', label: 'Diagnosis date', type: 'date' },
        { key: 'proof_of_use', label: 'Proof of use', type: 'yes_no' },
      ],
    },
    statusWeights: [28, 22, 16, 12, 10, 6, 6],
  },
  {
    name: WORKERS_COMP,
    share: 2,
    input: {
      name: WORKERS_COMP,
      statuses: ['New Lead', 'Intake Complete', 'Claim Filed', 'Under Review', 'Benefits Approved', 'Appeal Pending', 'Settled', 'Closed'],
      fields: [
        { key: 'employer', label: 'Employer', type: 'text' },
        { key: 'injury_date', label: 'Injury date', type: 'date' },
        { key: 'body_part', label: 'Body part', type: 'single_select', options: ['Back', 'Shoulder', 'Knee', 'Hand/Wrist', 'Head', 'Multiple'] },
        { key: 'weekly_wage', label: 'Average weekly wage ($)', type: 'number' },
        { key: 'reported_to_employer', label: 'Reported to employer', type: 'yes_no' },
      ],
    },
    statusWeights: [26, 20, 16, 12, 10, 6, 6, 4],
  },
];

export interface DemoCampaignSpec {
  name: string;
  caseType: DemoCaseTypeName;
}

export const DEMO_CAMPAIGNS: readonly DemoCampaignSpec[] = [
  { name: 'Auto Accident Intake', caseType: PERSONAL_INJURY },
  { name: 'Truck Accident TV Spot', caseType: PERSONAL_INJURY },
  { name: 'Roundup Exposure Outreach', caseType: MASS_TORT },
  { name: 'Camp Lejeune Claims', caseType: MASS_TORT },
  { name: 'Workplace Injury Hotline', caseType: WORKERS_COMP },
];

export interface DemoAgentSpec {
  name: string;
  /** The campaign it works, by name; null for an agent that takes overflow from every campaign. */
  campaign: string | null;
  /** The Cal.com event type it books consultations into, for booking agents. */
  eventTypeId: number | null;
}

export const DEMO_AGENTS: readonly DemoAgentSpec[] = [
  { name: 'Ava - Auto Accident Intake', campaign: 'Auto Accident Intake', eventTypeId: 3685354 },
  { name: 'Marcus - Truck Accident Intake', campaign: 'Truck Accident TV Spot', eventTypeId: null },
  { name: 'Sofia - Roundup Screener', campaign: 'Roundup Exposure Outreach', eventTypeId: 3685401 },
  { name: 'Daniel - Camp Lejeune Follow-up', campaign: 'Camp Lejeune Claims', eventTypeId: null },
  { name: "Grace - Workers' Comp Intake", campaign: 'Workplace Injury Hotline', eventTypeId: 3685422 },
  { name: 'Leo - After-hours Overflow', campaign: null, eventTypeId: null },
];

/** The firm's number that warm transfers ring (fictional). */
export const DEMO_TRANSFER_NUMBER = '+13055550199';
/** The number demo agents call from and are called on (fictional). */
export const DEMO_AGENT_NUMBER = '+13055550100';
/** The external source of every demo case and client, as in PUT /v1/cases/demo/<id>. */
export const DEMO_SOURCE = 'demo';
