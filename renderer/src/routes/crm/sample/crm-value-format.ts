// CRM values in words: a status (with its substatuses) or a case type named from the stored catalog rather than
// shown as ids and JSON; anything else as the record screens format values.
import type { CrmCatalogView } from '../../../../../shared/domain/crm';
import type { CrmConnectorId } from '../../../../../shared/domain/connectors';
import { useContractQuery } from '../../../api/client';
import { formatAnyValue } from '../../../components/ui/format-value';

interface StatusValue {
  statusId: string | null;
  substatuses?: { typeId: string; statusId: string }[];
}

const isStatusValue = (value: unknown): value is StatusValue => typeof value === 'object' && value !== null && 'statusId' in value;

export interface CrmValueFormat {
  value: (value: unknown) => string;
  status: (statusId: string | null) => string;
  caseType: (caseTypeId: string | null) => string;
  /** A custom field's name ("Accident Date") for its id. */
  fieldName: (fieldId: string) => string;
  /** "Intake Stage: Docs sent". */
  substatus: (substatus: { typeId: string; statusId: string }) => string;
}

export function crmValueFormat(catalog: CrmCatalogView | null): CrmValueFormat {
  const named = (list: readonly { id: string; name: string }[] | undefined, id: string | null) => (id === null ? formatAnyValue(null) : (list?.find((x) => x.id === id)?.name ?? id));
  const status = (id: string | null) => named(catalog?.statuses, id);
  const substatus = (s: { typeId: string; statusId: string }) => {
    const type = catalog?.substatusTypes.find((t) => t.id === s.typeId);
    return `${type?.name ?? s.typeId}: ${named(type?.statuses, s.statusId)}`;
  };
  const value = (v: unknown): string => (isStatusValue(v) ? [status(v.statusId), ...(v.substatuses ?? []).map(substatus)].join(' · ') : formatAnyValue(v));
  return { value, status, substatus, caseType: (id) => named(catalog?.caseTypes, id), fieldName: (id) => named(catalog?.fields, id) };
}

/** The format with the CRM's stored catalog (ids shown as they are until it has loaded, or if it never did). */
export function useCrmValueFormat(crm: CrmConnectorId): CrmValueFormat {
  const catalog = useContractQuery('crm.catalog', { crm }).data?.catalog ?? null;
  return crmValueFormat(catalog);
}
