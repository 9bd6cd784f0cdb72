// ASSUMED answers: no public reference describes them (README.md lists each). They follow the documented ones'
// style (camelCase, `…ID` numbers), so a capture from a real account corrects them here and nowhere else.
import { z } from 'zod';
import { caseInfoSchema } from './wire-public';

const id = z.number().int();

/** The primary plaintiff's contact, carried on a case record (documented: only its id and "Last, First"). */
export const primaryContactSchema = z.object({
  contactID: id,
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type WirePrimaryContact = z.output<typeof primaryContactSchema>;

/** A UDF's value: text, a number, yes/no, a multi-select's texts, or none. */
export type WireUdfValue = string | number | boolean | string[] | null;
const isUdfValue = (value: unknown): value is WireUdfValue =>
  value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
/** One check rather than a union of five schemas, which paid for four failed tries on most values of a listed page. */
export const wireUdfValueSchema = z.custom<WireUdfValue>(isUdfValue, { message: 'a UDF value is a text, a number, true / false, a list of texts or null' });

/** A case with what a sync needs: CaseInfo plus the marker, the primary contact and the UDF values. */
export const caseRecordSchema = caseInfoSchema.extend({
  /** Where this console keeps its idempotency marker (CreateCase's `ExternalReference`). */
  externalReference: z.string().nullable(),
  primaryContact: primaryContactSchema.nullable(),
  udfs: z.array(z.object({ udfID: id, value: wireUdfValueSchema })),
});
export type WireCaseRecord = z.output<typeof caseRecordSchema>;

/** A page of `POST /case/cases/byDatePaged` (shaped like the documented documents/byDatePaged request). */
export const casePageSchema = z.object({
  items: z.array(caseRecordSchema),
  totalCount: z.number().int().nonnegative(),
  currentPage: z.number().int().nonnegative(),
  pageSize: z.number().int().positive(),
});
export type WireCasePage = z.output<typeof casePageSchema>;

/** `POST /case/CreateCase` → the new case. */
export const createCaseAnswerSchema = z.object({ caseID: id, caseNumber: z.string() });

export const caseGroupsSchema = z.array(z.object({ caseGroupID: id, caseGroupName: z.string() }));
export const caseTypesSchema = z.array(z.object({ caseTypeID: id, caseTypeName: z.string(), caseGroupID: id }));

/** Main case statuses: one list for every case type. */
export const statusesSchema = z.array(z.object({ statusID: id, statusName: z.string() }));

export const secondaryStatusTypesSchema = z.array(
  z.object({
    statusTypeID: id,
    statusTypeName: z.string(),
    statuses: z.array(z.object({ statusID: id, statusName: z.string() })),
  }),
);
export type WireSecondaryStatusType = z.output<typeof secondaryStatusTypesSchema>[number];

/** UDF types as SmartAdvocate's UDF setup names them. */
export const UDF_TYPES = ['Text', 'Memo', 'Number', 'Currency', 'Date', 'YesNo', 'DropDown', 'MultiSelect'] as const;

export const udfDefinitionsSchema = z.array(
  z.object({
    udfID: id,
    udfName: z.string(),
    shortName: z.string().nullable(),
    udfType: z.enum(UDF_TYPES),
    /** Values of a DropDown / MultiSelect; null for other types. */
    options: z.array(z.string()).nullable(),
    /** Case types the UDF is on; null: every case type. */
    caseTypeIDs: z.array(id).nullable(),
  }),
);
export type WireUdfDefinition = z.output<typeof udfDefinitionsSchema>[number];

/** The contact after a JSON Patch. */
export const contactSchema = primaryContactSchema;
