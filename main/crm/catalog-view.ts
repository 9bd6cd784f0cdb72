// The catalog the mapping screens use: the CRM's last good catalog merged with LawRuler's field sheets, when it
// loaded, and the last failure beside it. A sheet adds its case type, its fields (caseTypeIds: that case type) and
// its statuses; where the CRM's own listing already has a field, the CRM's entry stays and gains the case type.
// What to do about a failed load is decided here, from the kind of failure and the part that failed.
import { CONNECTOR_NAMES, type CrmConnectorId } from '../../shared/domain/connectors';
import type { CrmCatalogState, CrmCatalogView } from '../../shared/domain/crm';
import type { CrmError } from '../connectors';
import type { CatalogFailure, CatalogStore, FieldSheet } from './catalog-store';

export function mergeCatalog(base: CrmCatalogView | null, sheets: readonly FieldSheet[]): CrmCatalogView | null {
  if (base === null && sheets.length === 0) return null;
  const out: CrmCatalogView = {
    caseTypes: [...(base?.caseTypes ?? [])],
    fields: (base?.fields ?? []).map((f) => ({ ...f, caseTypeIds: f.caseTypeIds === null ? null : [...f.caseTypeIds] })),
    statuses: [...(base?.statuses ?? [])],
    substatusTypes: [...(base?.substatusTypes ?? [])],
  };
  for (const sheet of sheets) {
    if (!out.caseTypes.some((t) => t.id === sheet.caseTypeId)) out.caseTypes.push({ id: sheet.caseTypeId, name: sheet.caseTypeName });
    for (const field of sheet.fields) {
      const known = out.fields.find((f) => f.id === field.id);
      if (!known) out.fields.push({ ...field, caseTypeIds: [sheet.caseTypeId] });
      else if (known.caseTypeIds !== null && !known.caseTypeIds.includes(sheet.caseTypeId)) known.caseTypeIds.push(sheet.caseTypeId);
    }
    for (const status of sheet.statuses) {
      const known = out.statuses.some((s) => s.id === status.id && (s.caseTypeId === null || s.caseTypeId === sheet.caseTypeId));
      if (!known) out.statuses.push({ ...status, caseTypeId: sheet.caseTypeId });
    }
  }
  return out;
}

/** The catalog state of `crm` as the contract answers it. */
export function catalogState(store: CatalogStore, crm: CrmConnectorId): CrmCatalogState {
  const loaded = store.catalog(crm);
  const sheets = store.sheets(crm);
  return {
    crm,
    catalog: mergeCatalog(loaded?.catalog ?? null, sheets),
    loadedAt: loaded?.loadedAt ?? null,
    failure: store.failure(crm),
    fieldSheets: sheets.map((s) => ({ caseTypeId: s.caseTypeId, caseTypeName: s.caseTypeName, importedAt: s.importedAt, fields: s.fields.length, statuses: s.statuses.length })),
  };
}

/** A failed load as it is stored: which part, its kind, the CRM's answer and what to do. */
export function catalogFailure(crm: CrmConnectorId, error: CrmError, at: string): CatalogFailure {
  const { part = 'catalog', kind, crmMessage, status, retryAfterMs } = error.crmDetails;
  const name = CONNECTOR_NAMES[crm];
  const sheetHint = crm === 'lawruler' ? " Meanwhile you can import LawRuler's field sheet for each case type (CSV) on this tab." : '';
  const keep = `The last catalog that loaded is kept and used until a load succeeds.${sheetHint}`;
  let fix: string;
  switch (kind) {
    case 'auth':
      fix = `${name} refused the saved credentials: check them on the Configuration tab, Connect again, then Refresh. ${keep}`;
      break;
    case 'rate_limited':
      fix = `${name} is limiting requests: Refresh again in ${Math.ceil((retryAfterMs ?? 60_000) / 1000)} s. ${keep}`;
      break;
    case 'rejected':
      fix =
        status === 403
          ? `The integration user may not read the ${part}: ask a ${name} administrator to grant it, then Refresh. ${keep}`
          : `${name} refused to list the ${part}: check the integration user's permissions in ${name}, then Refresh. ${keep}`;
      break;
    case 'not_found':
      fix = `${name} has no listing of the ${part} at this address: check the address on the Configuration tab. ${keep}`;
      break;
    case 'bad_response':
      fix = `${name} answered the ${part} in a shape the console doesn't know: check the address (and API base URL), then report it with the console's log. ${keep}`;
      break;
    default:
      fix = `${name} could not be reached or failed while listing the ${part}: Refresh again later; if it persists, check that ${name} is up and reachable from this computer. ${keep}`;
  }
  return { at, part, kind, message: error.message, crmAnswer: crmMessage ?? null, fix };
}
