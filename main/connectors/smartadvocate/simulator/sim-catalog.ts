// The simulated firm's SmartAdvocate setup: case groups and types, main statuses, secondary status types with
// their statuses, UDFs (types, options, short names, case types), offices. Ids look like SmartAdvocate's.

export type SimUdfType = 'Text' | 'Memo' | 'Number' | 'Currency' | 'Date' | 'YesNo' | 'DropDown' | 'MultiSelect';

export interface SimUdf {
  udfID: number;
  udfName: string;
  shortName: string | null;
  udfType: SimUdfType;
  options: string[] | null;
  caseTypeIDs: number[] | null;
}

export interface SimSecondaryStatusType {
  statusTypeID: number;
  statusTypeName: string;
  statuses: { statusID: number; statusName: string }[];
}

export interface SimCatalog {
  caseGroups: { caseGroupID: number; caseGroupName: string }[];
  caseTypes: { caseTypeID: number; caseTypeName: string; caseGroupID: number }[];
  statuses: { statusID: number; statusName: string }[];
  secondaryStatusTypes: SimSecondaryStatusType[];
  udfs: SimUdf[];
  offices: { officeID: number; officeName: string }[];
}

const PI = [1249, 1250, 1251];
const MASS_TORT = [1301, 1302];

/** A fresh copy (each simulator edits its own: renamed and deleted UDFs). */
export function defaultCatalog(): SimCatalog {
  return {
    caseGroups: [
      { caseGroupID: 1, caseGroupName: 'Personal Injury' },
      { caseGroupID: 2, caseGroupName: 'Mass Tort' },
    ],
    caseTypes: [
      { caseTypeID: 1249, caseTypeName: 'Auto Accident', caseGroupID: 1 },
      { caseTypeID: 1250, caseTypeName: 'Slip and Fall', caseGroupID: 1 },
      { caseTypeID: 1251, caseTypeName: 'Dog Bite', caseGroupID: 1 },
      { caseTypeID: 1301, caseTypeName: 'Camp Lejeune', caseGroupID: 2 },
      { caseTypeID: 1302, caseTypeName: 'Hair Relaxer', caseGroupID: 2 },
    ],
    statuses: [
      { statusID: 801, statusName: 'Intake' },
      { statusID: 802, statusName: 'Signed Up' },
      { statusID: 803, statusName: 'Treating' },
      { statusID: 804, statusName: 'Demand Sent' },
      { statusID: 805, statusName: 'Negotiation' },
      { statusID: 806, statusName: 'Settled' },
      { statusID: 807, statusName: 'Closed' },
      { statusID: 827, statusName: 'UM Arb Filed' },
    ],
    secondaryStatusTypes: [
      {
        statusTypeID: 21,
        statusTypeName: 'Dialer Status',
        statuses: [
          { statusID: 890, statusName: 'Do not dial' },
          { statusID: 891, statusName: 'Call back' },
          { statusID: 892, statusName: 'Dialing' },
        ],
      },
      {
        statusTypeID: 22,
        statusTypeName: 'Intake Stage',
        statuses: [
          { statusID: 900, statusName: 'Docs sent' },
          { statusID: 901, statusName: 'Docs signed' },
          { statusID: 902, statusName: 'Medical records requested' },
        ],
      },
      {
        statusTypeID: 23,
        statusTypeName: 'Referral',
        statuses: [
          { statusID: 910, statusName: 'Referred out' },
          { statusID: 911, statusName: 'Co-counsel' },
        ],
      },
    ],
    udfs: [
      { udfID: 3001, udfName: 'Accident Date', shortName: 'AccDate', udfType: 'Date', options: null, caseTypeIDs: null },
      { udfID: 3002, udfName: 'Injury Type', shortName: 'InjType', udfType: 'DropDown', options: ['Whiplash', 'Fracture', 'Concussion', 'Soft tissue'], caseTypeIDs: PI },
      { udfID: 3003, udfName: 'Medical Bills', shortName: 'MedBills', udfType: 'Currency', options: null, caseTypeIDs: null },
      { udfID: 3004, udfName: 'Police Report Filed', shortName: 'Police', udfType: 'YesNo', options: null, caseTypeIDs: PI },
      { udfID: 3005, udfName: 'Treating Providers', shortName: null, udfType: 'MultiSelect', options: ['Chiropractor', 'Orthopedist', 'Physical therapist', 'Primary care'], caseTypeIDs: null },
      { udfID: 3006, udfName: 'Intake Notes', shortName: 'Intake', udfType: 'Memo', options: null, caseTypeIDs: null },
      { udfID: 3007, udfName: 'Years at Camp Lejeune', shortName: 'CLYears', udfType: 'Text', options: null, caseTypeIDs: [MASS_TORT[0]!] },
      { udfID: 3008, udfName: 'Number of Treatments', shortName: 'Treatments', udfType: 'Number', options: null, caseTypeIDs: null },
    ],
    offices: [
      { officeID: 2, officeName: 'New York' },
      { officeID: 3, officeName: 'Chicago' },
    ],
  };
}

export const appliesTo = (udf: SimUdf, caseTypeID: number) => udf.caseTypeIDs === null || udf.caseTypeIDs.includes(caseTypeID);
