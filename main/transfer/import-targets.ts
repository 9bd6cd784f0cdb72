// The fields a CSV column can be mapped to, per import kind; for cases this includes every custom field of
// every case type, as `custom.<key>`.
import type { ImportKind, ImportTarget } from '../../shared/contract/transfer';
import type { CaseType, CustomFieldType } from '../../shared/domain/workspace';

export const CUSTOM_PREFIX = 'custom.';

const FORMAT_HINT: Record<CustomFieldType, string> = {
  text: 'text',
  number: 'a number',
  date: 'a date as YYYY-MM-DD',
  yes_no: 'yes or no',
  single_select: 'one of its options',
  multi_select: 'options separated by ;',
};

const target = (field: string, label: string, hint: string, extra: Partial<Pick<ImportTarget, 'required' | 'multiple'>> = {}): ImportTarget => ({
  field,
  label,
  required: extra.required ?? false,
  multiple: extra.multiple ?? false,
  hint,
});

const SOURCE_HINT =
  'Which system the external IDs come from (e.g. lawruler). Rows where it is not mapped or empty use the source chosen in the wizard (default "csv").';

function clientTargets(): ImportTarget[] {
  return [
    target(
      'externalId',
      'External ID',
      "The client's id in the system the file comes from. Required: a re-import finds each client by external source + external ID and updates it instead of creating a duplicate.",
      { required: true },
    ),
    target('externalSource', 'External source', SOURCE_HINT),
    target('firstName', 'First name', 'Required on every row.', { required: true }),
    target('lastName', 'Last name', 'May be empty.'),
    target('phone', 'Phone', 'One or several columns; a cell may hold several numbers separated by ;.', { multiple: true }),
    target('email', 'Email', 'One or several columns; a cell may hold several addresses separated by ;.', { multiple: true }),
    target('optOuts', 'Opt-outs', 'Channels the client opted out of: call, sms, email, separated by ;.'),
  ];
}

function caseTargets(types: readonly CaseType[]): ImportTarget[] {
  const names = types.map((t) => t.name).join(', ') || '(none yet: create a case type first)';
  const custom = new Map<string, { label: string; typeNames: string[]; format: string }>();
  for (const type of types) {
    for (const field of type.fields) {
      const entry = custom.get(field.key) ?? { label: field.label, typeNames: [], format: FORMAT_HINT[field.type] };
      entry.typeNames.push(type.name);
      custom.set(field.key, entry);
    }
  }
  return [
    target(
      'externalId',
      'External ID',
      "The case's id in the system the file comes from. Map External ID or Case number: a re-import finds each case by them and updates it instead of creating a duplicate.",
    ),
    target('externalSource', 'External source', SOURCE_HINT),
    target('caseNumber', 'Case number', 'Kept as given for new cases (a number is generated when empty); used to find the case when there is no external ID.'),
    target('name', 'Case name', 'Required on every row.', { required: true }),
    target('caseType', 'Case type', `By name. Case types: ${names}.`, { required: true }),
    target('status', 'Status', "By name, one of the statuses of the row's case type.", { required: true }),
    target('campaign', 'Campaign', 'By name (or id). An empty cell leaves the case without a campaign.'),
    target(
      'clientExternalId',
      'Client external IDs',
      "External IDs of the case's clients (imported before, same external source), separated by ;. The first is the primary client.",
    ),
    ...[...custom].map(([key, f]) =>
      target(`${CUSTOM_PREFIX}${key}`, f.label, `Custom field of ${f.typeNames.join(', ')}: ${f.format}. An empty cell clears the value.`),
    ),
  ];
}

/** The mappable fields for an import of `kind`. */
export function importTargets(kind: ImportKind, types: readonly CaseType[]): ImportTarget[] {
  return kind === 'clients' ? clientTargets() : caseTargets(types);
}
