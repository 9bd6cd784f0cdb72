// The shapes of LawRuler's answers (zod), as the connector expects them with `ReturnJSON=True`. Only a little of this
// is public (external-apis.md: GetStatus answers Status, SubStatus, StatusTime; failures are envelopes); the rest
// is ASSUMED (README.md lists each) and kept here so that a capture from a real portal corrects one file.
// Schemas strip keys they don't name: a real portal answers many more fields than the console uses.
import { z } from 'zod';
import { CRM_FIELD_TYPES, type CrmFieldType } from '../crm/types';

/** LawRuler's ids are integers; JSON may carry them as numbers or digit strings. Ours are strings. */
export const wireId = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/, 'expected a number')]).transform(String);

/** Date-times must name their zone: a cursor read in an unknown zone would skip or repeat edits. ASSUMED: ISO 8601. */
const ZONED_ISO = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
export const wireDateTime = z
  .string()
  .refine((s) => ZONED_ISO.test(s) && !Number.isNaN(Date.parse(s.replace(' ', 'T'))), 'expected an ISO date-time with a time zone')
  .transform((s) => new Date(s.replace(' ', 'T')).toISOString());

/** Absent and null both mean "no value" for optional text; anything but a string is a changed API. */
const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v === undefined || v === null || v === '' ? null : v));

/** A custom field's value as LawRuler answers it: text of the form builder, or a number, flag or list. */
export const wireCustomValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);
export type WireCustomValue = z.infer<typeof wireCustomValue>;

/**
 * A lead, as GetStatus (with ReturnJSON=True) and the Advanced API's listings answer it. Public: Status, SubStatus,
 * StatusTime. ASSUMED: the ids, contact fields, Tags, dates and `CustomFields` keyed by field id (`Custom1234`).
 */
export const wireLead = z.object({
  LeadID: wireId,
  CaseTypeID: wireId,
  CaseType: optionalText,
  StatusID: wireId,
  Status: z.string().min(1),
  SubStatus: optionalText,
  FirstName: optionalText,
  LastName: optionalText,
  CellPhone: optionalText,
  Email1: optionalText,
  /** Comma-separated (public create field); the console's idempotency marker is one of them. */
  Tags: optionalText,
  CaseNumber: optionalText,
  CreatedDate: wireDateTime,
  ModifiedDate: wireDateTime,
  CustomFields: z
    .record(z.string(), wireCustomValue)
    .nullish()
    .transform((v) => v ?? {}),
});
export type WireLead = z.infer<typeof wireLead>;

/** ASSUMED: a create answers the new lead's id. */
export const createAnswer = z.object({ LeadID: wireId });
/** ASSUMED: an update (fields or a Conversation note) answers the lead's id. */
export const updateAnswer = z.object({ LeadID: wireId });

/** ASSUMED (Advanced API): an OAuth-style token answer. */
export const tokenAnswer = z.object({
  access_token: z.string().min(1),
  token_type: z.string().regex(/^bearer$/i, 'expected "Bearer"'),
  expires_in: z.number().int().positive(),
});

export const caseTypesAnswer = z.object({
  CaseTypes: z.array(z.object({ CaseTypeID: wireId, Name: z.string().min(1) })),
});

/** The form builder's type names (ASSUMED spellings, matched loosely) → ours. */
const FIELD_TYPES: Record<string, CrmFieldType> = {
  text: 'text',
  textbox: 'text',
  textarea: 'text',
  string: 'text',
  number: 'number',
  numeric: 'number',
  integer: 'number',
  decimal: 'number',
  currency: 'number',
  date: 'date',
  yesno: 'yes_no',
  boolean: 'yes_no',
  checkbox: 'yes_no',
  dropdown: 'single_select',
  select: 'single_select',
  singleselect: 'single_select',
  radio: 'single_select',
  multiselect: 'multi_select',
  checkboxlist: 'multi_select',
};
/** An unknown type fails the catalog with its path: a silent "text" could write nonsense into a new kind of field. */
const wireFieldType = z
  .string()
  .transform((s) => FIELD_TYPES[s.toLowerCase().replace(/[^a-z]/g, '')] ?? s)
  .pipe(z.enum(CRM_FIELD_TYPES));

export const fieldsAnswer = z.object({
  Fields: z.array(
    z.object({
      FieldID: z.string().regex(/^Custom\d+$/i, 'expected a custom field id such as Custom1234'),
      Name: z.string().min(1),
      Type: wireFieldType,
      Options: z
        .array(z.string())
        .nullish()
        .transform((v) => v ?? []),
    }),
  ),
});

/** Public: statuses are one list of id + name. */
export const statusesAnswer = z.object({
  Statuses: z.array(z.object({ StatusID: wireId, Name: z.string().min(1) })),
});

/** ASSUMED: leads modified after a (time, id) position, oldest first, and whether more follow. */
export const modifiedLeadsAnswer = z.object({ Leads: z.array(wireLead), HasMore: z.boolean() });

/** ASSUMED: leads matching a tag, email, phone or case number. */
export const searchLeadsAnswer = z.object({ Leads: z.array(wireLead) });
