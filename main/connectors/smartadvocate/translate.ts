// SmartAdvocate's case ↔ our CrmRecord: the primary plaintiff's contact is the record's first / last name, phone
// and email; UDFs are fields by id (their values read by the UDF's type: dates stay date-only texts, never
// passed through Date, so no timezone can shift them); secondary statuses are substatuses, their type found from
// the status (the answer names the type, not its id).
import type { CrmFieldType, CrmRecord, CrmValue } from '../crm/types';
import { saError } from './read-answer';
import type { SubstatusIndex } from './reference-data';
import type { WireCaseRecord, WireUdfDefinition, WireUdfValue } from './wire-assumed';
import { realDay } from './wire-public';

export interface TranslationRefs {
  udfs: Map<number, WireUdfDefinition>;
  substatuses: SubstatusIndex;
}

const FIELD_TYPES: Record<WireUdfDefinition['udfType'], CrmFieldType> = {
  Text: 'text',
  Memo: 'text',
  Number: 'number',
  Currency: 'number',
  Date: 'date',
  YesNo: 'yes_no',
  DropDown: 'single_select',
  MultiSelect: 'multi_select',
};

export const fieldTypeOf = (udf: WireUdfDefinition): CrmFieldType => FIELD_TYPES[udf.udfType];

/** True when `wire` names a UDF or a secondary status that `refs` doesn't know (the refs may be stale). */
export function lacksRefs(wire: WireCaseRecord, refs: TranslationRefs): boolean {
  // Plain loops: this runs for every case of every listed page.
  for (const value of wire.udfs) if (!refs.udfs.has(value.udfID)) return true;
  const { typeOfStatus, typeByName } = refs.substatuses;
  for (const status of wire.secondStatuses) if (!typeOfStatus.has(status.statusID) && !typeByName.has(status.statusTypeName.toLowerCase())) return true;
  return false;
}

/**
 * The case as a CrmRecord. `where` prefixes the path of a bad_response ("items.3"). A UDF value of a UDF the
 * catalog doesn't list is left out (nothing can be mapped to it); a secondary status whose type is unknown even
 * after reloading the types is a bad answer, not a substatus to drop.
 */
export function toCrmRecord(wire: WireCaseRecord, refs: TranslationRefs, where: string, operation: string): CrmRecord {
  // Runs for every case of every listed page: plain loops, and paths built only for an error.
  const fields: Record<string, CrmValue> = {};
  for (let i = 0; i < wire.udfs.length; i += 1) {
    const entry = wire.udfs[i]!;
    const udf = refs.udfs.get(entry.udfID);
    if (udf) fields[String(entry.udfID)] = fromWireValue(udf, entry.value, where, i, operation);
  }
  const substatuses: CrmRecord['substatuses'] = [];
  for (let i = 0; i < wire.secondStatuses.length; i += 1) {
    const status = wire.secondStatuses[i]!;
    const typeId = refs.substatuses.typeOfStatus.get(status.statusID) ?? refs.substatuses.typeByName.get(status.statusTypeName.toLowerCase());
    if (typeId === undefined) throw badValue(`${where}.secondStatuses.${i}.statusTypeName`, operation, `no secondary status type "${status.statusTypeName}"`);
    substatuses.push({ typeId: String(typeId), statusId: String(status.statusID) });
  }
  const person = personOf(wire);
  return {
    id: String(wire.caseID),
    caseNumber: wire.caseNumber,
    caseTypeId: String(wire.caseTypeID),
    statusId: wire.caseStatusID === null ? null : String(wire.caseStatusID),
    substatuses,
    firstName: person.firstName,
    lastName: person.lastName,
    phone: person.phone,
    email: person.email,
    fields,
    marker: wire.externalReference,
    createdAt: wire.createdDate,
    modifiedAt: wire.modifiedDate,
  };
}

/** The primary plaintiff's contact; without one, the documented "Last, First" of the primary plaintiff. */
function personOf(wire: WireCaseRecord): Pick<CrmRecord, 'firstName' | 'lastName' | 'phone' | 'email'> {
  const contact = wire.primaryContact;
  if (contact) return contact;
  const plaintiff = wire.plaintiffs.find((p) => p.primary) ?? wire.plaintiffs[0];
  if (!plaintiff) return { firstName: null, lastName: null, phone: null, email: null };
  const comma = plaintiff.name.indexOf(',');
  if (comma < 0) return { firstName: null, lastName: plaintiff.name.trim() || null, phone: null, email: null };
  return { firstName: plaintiff.name.slice(comma + 1).trim() || null, lastName: plaintiff.name.slice(0, comma).trim() || null, phone: null, email: null };
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const YES = new Set(['yes', 'true', '1', 'y']);
const NO = new Set(['no', 'false', '0', 'n']);

function fromWireValue(udf: WireUdfDefinition, value: WireUdfValue, where: string, index: number, operation: string): CrmValue {
  if (value === null) return null;
  const type = fieldTypeOf(udf);
  if (value === '' && type !== 'text') return null;
  const read = readWireValue(type, value);
  if (read === undefined) throw badValue(`${where}.udfs.${index}.value`, operation, `${JSON.stringify(value).slice(0, 40)} is not a ${type} value (UDF "${udf.udfName}")`);
  return read;
}

/** A UDF's value read by its type; undefined when it doesn't fit. Runs for every value of every listed case. */
function readWireValue(type: CrmFieldType, value: Exclude<WireUdfValue, null>): CrmValue | undefined {
  switch (type) {
    case 'text':
      return Array.isArray(value) ? undefined : String(value);
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      return Number.isFinite(n) ? n : undefined;
    }
    case 'date':
      // "2026-11-26" or .NET's "2026-11-26T00:00:00": the calendar date as written, whatever the zone.
      if (typeof value !== 'string' || !isCalendarDate(value.slice(0, 10)) || (value.length > 10 && value[10] !== 'T')) return undefined;
      return value.slice(0, 10);
    case 'yes_no':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && YES.has(value.toLowerCase())) return true;
      if (typeof value === 'string' && NO.has(value.toLowerCase())) return false;
      if (value === 1 || value === 0) return value === 1;
      return undefined;
    case 'single_select':
      return typeof value === 'string' ? value : undefined;
    case 'multi_select':
      return Array.isArray(value) ? value : undefined;
  }
}

/** A value of ours as the UDF takes it; `rejected` (naming the UDF) when it doesn't fit the UDF's type or options. */
export function toWireValue(udf: WireUdfDefinition, value: CrmValue, operation: string): WireUdfValue {
  if (value === null) return null;
  const type = fieldTypeOf(udf);
  const refuse = (why: string) =>
    saError({ kind: 'rejected', operation, field: udf.udfName, crmMessage: why }, `SmartAdvocate's UDF "${udf.udfName}" can't take ${JSON.stringify(value).slice(0, 60)}: ${why}.`);
  switch (type) {
    case 'text':
      if (Array.isArray(value)) throw refuse('it holds one text, not a list');
      return String(value);
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (!Number.isFinite(n)) throw refuse('it holds a number');
      return n;
    }
    case 'date':
      if (typeof value !== 'string' || !isCalendarDate(value)) throw refuse('it holds a date-only value, YYYY-MM-DD');
      return value;
    case 'yes_no':
      if (typeof value !== 'boolean') throw refuse('it holds yes or no');
      return value;
    case 'single_select': {
      if (typeof value !== 'string') throw refuse('it holds one of its options');
      const option = matchOption(udf, value);
      if (option === undefined) throw refuse(`it is not one of ${optionList(udf)}`);
      return option;
    }
    case 'multi_select': {
      if (!Array.isArray(value)) throw refuse('it holds a list of its options');
      return value.map((v) => {
        const option = matchOption(udf, v);
        if (option === undefined) throw refuse(`"${v}" is not one of ${optionList(udf)}`);
        return option;
      });
    }
  }
}

/** The option as SmartAdvocate spells it (options are matched value by value, ignoring case). */
const matchOption = (udf: WireUdfDefinition, value: string) => (udf.options ?? []).find((o) => o.toLowerCase() === value.trim().toLowerCase());
const optionList = (udf: WireUdfDefinition) => (udf.options ?? []).map((o) => `"${o}"`).join(', ') || '(no options)';

/** `YYYY-MM-DD` naming a real day (no 2025-02-29). */
export function isCalendarDate(text: string): boolean {
  const match = DATE_ONLY.exec(text);
  return match !== null && realDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Our plain text as SmartAdvocate's HTML `noteText`: markup characters escaped, line breaks kept as <br>. */
export function plainTextToHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!).replace(/\r\n|\r|\n/g, '<br>');
}

function badValue(path: string, operation: string, issue: string) {
  return saError(
    { kind: 'bad_response', operation, path },
    `SmartAdvocate answered ${operation} with a value the console can't read (at ${path}: ${issue}).`,
  );
}
