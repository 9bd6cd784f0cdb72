// The cells of a LawRuler field sheet (field-sheet.ts has the format): which header names mean which column, field
// types written the many ways firms write them, custom field ids, options lists. Each reader answers the value or
// what is wrong with the cell, in words that say what to write instead.
import type { CrmFieldType } from '../connectors';

export const SHEET_COLUMNS = ['kind', 'id', 'name', 'type', 'options'] as const;
export type SheetColumn = (typeof SHEET_COLUMNS)[number];

/** How each column is called in the documentation and messages. */
export const COLUMN_TITLES: Record<SheetColumn, string> = { kind: 'Kind', id: 'ID', name: 'Name', type: 'Type', options: 'Options' };

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Header names accepted for each column (compared without case, spaces or punctuation). */
const COLUMN_NAMES: Record<SheetColumn, string[]> = {
  kind: ['kind', 'rowkind', 'rowtype', 'record', 'what'],
  id: ['id', 'customfieldid', 'fieldid', 'statusid', 'apiname', 'customfield'],
  name: ['name', 'friendlyname', 'fieldname', 'statusname', 'label', 'displayname'],
  type: ['type', 'fieldtype', 'datatype'],
  options: ['options', 'validoptions', 'values', 'validvalues', 'choices', 'picklistvalues'],
};

/** The column a header cell names, or null. */
export function columnOf(header: string): SheetColumn | null {
  const name = squash(header);
  return SHEET_COLUMNS.find((column) => COLUMN_NAMES[column].includes(name)) ?? null;
}

const TYPE_NAMES: Record<CrmFieldType, string[]> = {
  text: ['text', 'string', 'shorttext', 'longtext', 'textarea', 'textbox', 'memo', 'paragraph', 'freetext'],
  number: ['number', 'numeric', 'integer', 'int', 'decimal', 'currency', 'money', 'amount'],
  date: ['date', 'dateonly', 'datepicker', 'datefield'],
  yes_no: ['yesno', 'yn', 'boolean', 'bool', 'checkbox', 'truefalse'],
  single_select: ['singleselect', 'select', 'dropdown', 'dropdownlist', 'picklist', 'radio', 'radiobutton', 'radiobuttons', 'list', 'choice', 'singlechoice'],
  multi_select: ['multiselect', 'multipleselect', 'multiselectlist', 'multiplechoice', 'multichoice', 'checkboxes', 'checkboxlist', 'multipicklist', 'multi'],
};

export const TYPES_IN_WORDS = 'text, number, date, yes/no, single select or multi select';

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

/** A field type written loosely ("Single Select", "dropdown", "Yes/No", "multi-select") as ours. */
export function readFieldType(cell: string): Read<CrmFieldType> {
  const name = squash(cell);
  if (name === '') return { ok: false, message: `is empty: write the field's type, one of ${TYPES_IN_WORDS}` };
  const type = (Object.keys(TYPE_NAMES) as CrmFieldType[]).find((t) => TYPE_NAMES[t].includes(name));
  return type ? { ok: true, value: type } : { ok: false, message: `"${cell.trim()}" is not a field type: write one of ${TYPES_IN_WORDS}` };
}

/** A row's kind: "field" (or "custom field") / "status". */
export function readKind(cell: string): Read<'field' | 'status'> {
  const name = squash(cell);
  if (['field', 'customfield', 'f'].includes(name)) return { ok: true, value: 'field' };
  if (['status', 'statuses', 's'].includes(name)) return { ok: true, value: 'status' };
  if (name === '') return { ok: false, message: 'is empty: write "field" for a custom field or "status" for a status' };
  return { ok: false, message: `"${cell.trim()}" is not a kind: write "field" for a custom field or "status" for a status` };
}

/** A custom field id as LawRuler posts it: `Custom1234` (also read from "custom 1234", "CUSTOM1234" or "1234"). */
export function readFieldId(cell: string): Read<string> {
  const match = /^(?:custom\s*)?(\d{1,12})$/i.exec(cell.trim());
  if (match) return { ok: true, value: `Custom${match[1]}` };
  if (cell.trim() === '') return { ok: false, message: "is empty: write the custom field's id, such as Custom1234 (shown in LawRuler's form builder)" };
  return { ok: false, message: `"${cell.trim()}" is not a LawRuler custom field id: write it as Custom followed by its number, such as Custom1234` };
}

/** A status id: LawRuler's statuses are numbered. */
export function readStatusId(cell: string): Read<string> {
  const text = cell.trim();
  if (/^\d{1,18}$/.test(text)) return { ok: true, value: text.replace(/^0+(?=\d)/, '') };
  if (text === '') return { ok: false, message: "is empty: write the status's id, the number LawRuler shows for it (e.g. 11)" };
  return { ok: false, message: `"${text}" is not a status id: LawRuler's status ids are numbers (e.g. 11)` };
}

/** A list of valid options separated by `|` or `;` ("ER | Urgent care | None"); duplicates refused. */
export function readOptions(cell: string): Read<string[]> {
  const options = cell
    .split(/[|;]/)
    .map((o) => o.trim())
    .filter((o) => o !== '');
  const seen = new Set<string>();
  for (const option of options) {
    if (option.length > 200) return { ok: false, message: `the option "${option.slice(0, 40)}…" is longer than 200 characters` };
    const key = option.toLowerCase();
    if (seen.has(key)) return { ok: false, message: `"${option}" is listed twice: each option once, separated by | or ;` };
    seen.add(key);
  }
  return { ok: true, value: options };
}

/** The delimiter of the sheet, from its header line (the options' `|` and `;` are never header delimiters there). */
export function headerDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const counts = [',', '\t', ';'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}
