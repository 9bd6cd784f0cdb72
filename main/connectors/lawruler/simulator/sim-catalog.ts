// The simulated portal's form builder: case types, the one status list, and custom fields with their wire types
// and options, per case type. Fields can be renamed or deleted between two catalog loads, as a firm's admin does.

export type SimFieldType = 'Text' | 'Number' | 'Date' | 'YesNo' | 'Dropdown' | 'MultiSelect';

export interface SimField {
  id: string;
  name: string;
  type: SimFieldType;
  options: string[];
  caseTypeIds: number[];
}

export interface SimCatalog {
  caseTypes: { id: number; name: string }[];
  statuses: { id: number; name: string }[];
  fields: SimField[];
  caseTypeByName(name: string): { id: number; name: string } | undefined;
  statusByName(name: string): { id: number; name: string } | undefined;
  statusName(id: number): string;
  caseTypeName(id: number): string;
  /** The field `id` if it is on `caseTypeId`'s form. */
  fieldOn(caseTypeId: number, id: string): SimField | undefined;
  renameField(id: string, name: string): void;
  deleteField(id: string): void;
}

/** A fresh catalog: three case types, six statuses, seven custom fields of every type. */
export function createSimCatalog(): SimCatalog {
  const caseTypes = [
    { id: 1, name: 'Motor Vehicle Accident' },
    { id: 2, name: 'Slip and Fall' },
    { id: 3, name: 'Camp Lejeune' },
  ];
  const statuses = [
    { id: 11, name: 'New Lead' },
    { id: 12, name: 'Contacted' },
    { id: 13, name: 'Intake Scheduled' },
    { id: 14, name: 'Signed' },
    { id: 15, name: 'Rejected' },
    { id: 16, name: 'Referred Out' },
  ];
  let fields: SimField[] = [
    { id: 'Custom1001', name: 'Accident Date', type: 'Date', options: [], caseTypeIds: [1, 2] },
    { id: 'Custom1002', name: 'Injury Description', type: 'Text', options: [], caseTypeIds: [1, 2, 3] },
    { id: 'Custom1003', name: 'Police Report Filed', type: 'YesNo', options: [], caseTypeIds: [1] },
    { id: 'Custom1004', name: 'Injury Types', type: 'MultiSelect', options: ['Back', 'Neck', 'Head', 'Broken Bone', 'Other'], caseTypeIds: [1, 2] },
    { id: 'Custom1005', name: 'Medical Treatment', type: 'Dropdown', options: ['None', 'ER', 'Ongoing', 'Surgery'], caseTypeIds: [1, 2, 3] },
    { id: 'Custom1006', name: 'Years at Base', type: 'Number', options: [], caseTypeIds: [3] },
    { id: 'Custom1007', name: 'Referral Source', type: 'Dropdown', options: ['TV', 'Web', 'Referral', 'Billboard'], caseTypeIds: [1, 2, 3] },
  ];
  const byName = <T extends { name: string }>(list: T[], name: string) => list.find((x) => x.name.toLowerCase() === name.trim().toLowerCase());
  return {
    caseTypes,
    statuses,
    get fields() {
      return fields;
    },
    caseTypeByName: (name) => byName(caseTypes, name),
    statusByName: (name) => byName(statuses, name),
    statusName: (id) => statuses.find((s) => s.id === id)?.name ?? '',
    caseTypeName: (id) => caseTypes.find((t) => t.id === id)?.name ?? '',
    fieldOn: (caseTypeId, id) => fields.find((f) => f.id.toLowerCase() === id.toLowerCase() && f.caseTypeIds.includes(caseTypeId)),
    renameField(id, name) {
      fields = fields.map((f) => (f.id === id ? { ...f, name } : f));
    },
    deleteField(id) {
      fields = fields.filter((f) => f.id !== id);
    },
  };
}
