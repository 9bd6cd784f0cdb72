// Custom field values between our words (CrmValue: `YYYY-MM-DD` dates, booleans, string arrays) and LawRuler's form
// text. Dates never pass through a Date object, so no timezone can move them a day. Written: ISO dates (which .NET,
// LawRuler's platform, reads the same under every culture), "Yes"/"No", comma-separated multi-selects (ASSUMED,
// like Tags). Read: ISO or US (M/D/YYYY, .NET's en-US default) dates, the time part ignored as written.
import { CrmError } from '../crm/errors';
import type { CrmField, CrmValue } from '../crm/types';
import type { WireCustomValue } from './wire-schemas';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s.*)?$/;

/** `YYYY-MM-DD` when year, month and day make a calendar date, else null (31 Feb is not a date). */
function calendarDate(year: number, month: number, day: number): string | null {
  const at = new Date(Date.UTC(year, month - 1, day));
  if (at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The date a LawRuler date text names, as written (its time and zone, if any, are not applied), or null. */
export function readWireDate(text: string): string | null {
  const iso = ISO_DATE.exec(text.trim());
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const us = US_DATE.exec(text.trim());
  if (us) return calendarDate(Number(us[3]), Number(us[1]), Number(us[2]));
  return null;
}

const YES = new Set(['yes', 'y', 'true', '1', 'on', 'checked']);
const NO = new Set(['no', 'n', 'false', '0', 'off', 'unchecked']);

const refused = (operation: string, field: string, message: string) => new CrmError({ crm: 'lawruler', kind: 'rejected', operation, field }, message);

/** The form text for one field's value; a value that can't be that field's type is `rejected`, naming the field. */
export function toWireValue(field: CrmField, value: CrmValue, operation: string): string {
  if (value === null) return ''; // ASSUMED: an empty value with overridelead=true clears the field
  const wrong = (expected: string) => refused(operation, field.id, `"${field.name}" (${field.id}) is a ${field.type.replace('_', ' ')} field in LawRuler: ${expected}, not ${JSON.stringify(value)}.`);
  switch (field.type) {
    case 'text':
      return Array.isArray(value) ? value.join(', ') : String(value);
    case 'number':
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return value.trim();
      throw wrong('it takes a number');
    case 'date':
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && readWireDate(value) === value) return value;
      throw wrong('it takes a date as YYYY-MM-DD');
    case 'yes_no':
      if (typeof value === 'boolean') return value ? 'Yes' : 'No';
      throw wrong('it takes yes or no');
    case 'single_select':
      if (typeof value === 'string') return value;
      throw wrong('it takes one of its options');
    case 'multi_select': {
      const values = typeof value === 'string' ? [value] : Array.isArray(value) ? value : null;
      if (!values) throw wrong('it takes a list of its options');
      const withComma = values.find((v) => v.includes(','));
      if (withComma !== undefined) throw refused(operation, field.id, `"${withComma}" contains a comma, which LawRuler's multi-select text uses between options; it can't be sent to "${field.name}" (${field.id}).`);
      return values.join(',');
    }
  }
}

const malformed = (operation: string, id: string, message: string) =>
  new CrmError({ crm: 'lawruler', kind: 'bad_response', operation, path: `CustomFields.${id}` }, `LawRuler answered ${operation} with ${message} in ${id}.`);

/** Our value of a field LawRuler answered; a value that doesn't fit the field's type is `bad_response` at its path. */
export function fromWireValue(field: CrmField | undefined, id: string, raw: WireCustomValue, operation: string): CrmValue {
  // A field the catalog doesn't know (new since it loaded) keeps the value as answered.
  if (!field) return raw;
  if (raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0 && field.type !== 'multi_select')) return null;
  const text = Array.isArray(raw) ? raw.join(', ') : String(raw);
  switch (field.type) {
    case 'text':
    case 'single_select':
      return text;
    case 'number': {
      if (typeof raw === 'number') return raw;
      const n = Number(text.replace(/[$,\s]/g, ''));
      if (typeof raw === 'string' && Number.isFinite(n) && text.trim() !== '') return n;
      throw malformed(operation, id, `${JSON.stringify(raw)} where a number was expected`);
    }
    case 'date': {
      const date = typeof raw === 'string' ? readWireDate(raw) : null;
      if (date === null) throw malformed(operation, id, `${JSON.stringify(raw)} where a date was expected`);
      return date;
    }
    case 'yes_no': {
      if (typeof raw === 'boolean') return raw;
      const word = text.trim().toLowerCase();
      if (YES.has(word)) return true;
      if (NO.has(word)) return false;
      throw malformed(operation, id, `${JSON.stringify(raw)} where yes or no was expected`);
    }
    case 'multi_select':
      if (Array.isArray(raw)) return raw;
      return text
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');
  }
}
