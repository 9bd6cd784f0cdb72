// SmartAdvocate's catalog in our words: case types (Case Group › Case Type), UDFs as fields (short names kept for
// the mapping picker), main statuses (one list for every case type), secondary status types with their statuses.
// Parts load one after another so the part that failed is the one named (`part`), with the CRM's answer.
import type { CrmCatalog } from '../crm/types';
import { CrmError } from '../crm/errors';
import type { AssumedEndpoints } from './assumed-endpoints';
import type { ReferenceData } from './reference-data';
import { fieldTypeOf } from './translate';

export type CatalogPart = 'case types' | 'fields' | 'statuses' | 'substatus types';

export async function loadCatalog(api: AssumedEndpoints, refs: ReferenceData): Promise<CrmCatalog> {
  const caseTypes = await part('case types', async () => {
    const groups = await api.caseGroups();
    const types = [];
    for (const group of groups) {
      for (const type of await api.caseTypes(group.caseGroupID)) types.push({ id: String(type.caseTypeID), name: `${group.caseGroupName} › ${type.caseTypeName}` });
    }
    return types;
  });
  const udfs = await part('fields', () => api.udfDefinitions());
  const statuses = await part('statuses', () => api.statuses());
  const secondary = await part('substatus types', () => api.secondaryStatusTypes());
  refs.replace(udfs, secondary);
  return {
    caseTypes,
    fields: udfs.map((udf) => ({
      id: String(udf.udfID),
      name: udf.udfName,
      shortName: udf.shortName?.trim() ? udf.shortName.trim() : null,
      type: fieldTypeOf(udf),
      options: udf.options ?? [],
      caseTypeIds: udf.caseTypeIDs === null ? null : udf.caseTypeIDs.map(String),
    })),
    statuses: statuses.map((s) => ({ id: String(s.statusID), name: s.statusName, caseTypeId: null })),
    substatusTypes: secondary.map((t) => ({
      id: String(t.statusTypeID),
      name: t.statusTypeName,
      statuses: t.statuses.map((s) => ({ id: String(s.statusID), name: s.statusName })),
    })),
  };
}

/** Runs one part's loads; a failure says which part it was, keeping its kind and the CRM's answer. */
async function part<T>(name: CatalogPart, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!(error instanceof CrmError)) throw error;
    throw new CrmError({ ...error.crmDetails, part: name }, `Could not load SmartAdvocate's ${name}: ${error.message}`, error);
  }
}
