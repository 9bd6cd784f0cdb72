export { createCaseTypeCatalog, type CaseTypeCatalog } from './case-type-catalog';
export { createRecordStore, type RecordStore, type WriteContext } from './record-store';
export { checkCustomValues } from './custom-values';
export { newId } from '../../kernel/ids';
export { createCaseNumberAllocator, type CaseNumberAllocator } from './case-numbers';
export type { CaseRefInput } from './case-upsert-plan';
