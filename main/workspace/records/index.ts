export { createCaseTypeCatalog, type CaseTypeCatalog } from './case-type-catalog';
export { createRecordStore, type RecordStore, type WriteContext } from './record-store';
export { checkCustomValues } from './custom-values';
export { createCaseNumberAllocator, type CaseNumberAllocator } from './case-numbers';
export { toCase, toClient, caseTypeAndStatusNames, type CaseRow, type ClientRow } from './row-mappers';
// The case upsert's plan, shared by the record store and transfer's bulk case writer (same checks and change rows).
export {
  CASE_INSERT_SQL,
  CASE_UPDATE_SQL,
  caseColumnValues,
  caseInsertValues,
  caseUpdateValues,
  caseNumberTaken,
  creationChanges,
  findExistingCase,
  planCaseUpsert,
  resolveCaseRefs,
  type CaseRefInput,
  type CaseRefLookups,
  type ExistingCaseState,
} from './case-upsert-plan';
