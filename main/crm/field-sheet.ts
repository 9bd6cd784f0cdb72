// LawRuler's field sheet: LawRuler publishes no field listing (the Advanced API's is ASSUMED), so a firm can give
// the console its real custom fields and statuses as a CSV, one sheet per case type (the case type is chosen on
// import; importing it again replaces that case type's sheet).
//
// The format: a header row, then one row per custom field or status. Columns (any order; header names compared
// without case or spaces, the alternatives in field-sheet-cells.ts also accepted):
//   Kind     "field" or "status"
//   ID       field: the custom field id, Custom1234 (as LawRuler posts it; "1234" is read as Custom1234)
//            status: the status id, a number (e.g. 11)
//   Name     the friendly name shown in LawRuler (required)
//   Type     field: text, number, date, yes/no, single select or multi select (also "dropdown", "checkbox",
//            "multi-select", …); status: empty
//   Options  single and multi select: the valid options, separated by | or ; (e.g. "ER|Urgent care|None");
//            other types and statuses: empty. The column may be left out when no field is a select.
// Delimiter: comma, tab or semicolon (read from the header). Example:
//   Kind,ID,Name,Type,Options
//   field,Custom1001,Accident Date,date,
//   field,Custom1005,Medical Treatment,single select,None|ER|Ongoing|Surgery
//   status,11,New Lead,,
//
// Like the import wizard, every row is checked and every problem reported with its row (the file's line, the
// header is row 1) and column; one bad row refuses the whole sheet, so a half-read sheet never looks complete.
import Papa from 'papaparse';
import type { CrmCatalogView } from '../../shared/domain/crm';
import {
  COLUMN_TITLES,
  columnOf,
  headerDelimiter,
  readFieldId,
  readFieldType,
  readKind,
  readOptions,
  readStatusId,
  type SheetColumn,
} from './field-sheet-cells';

export interface SheetIssue {
  /** The line of the file (the header is 1). */
  row: number;
  /** The column as named in the file's header; null for the whole row. */
  column: string | null;
  message: string;
}

export interface ParsedSheet {
  fields: CrmCatalogView['fields'];
  statuses: CrmCatalogView['statuses'];
  issues: SheetIssue[];
}

const MAX_ROWS = 5_000;
const REQUIRED: SheetColumn[] = ['kind', 'id', 'name', 'type'];
const FORMAT = 'Kind, ID, Name, Type and Options (field rows: Custom1234, name, type, options separated by | or ;  status rows: status id, name)';

const blank = (cells: string[]) => cells.every((c) => c.trim() === '');
const newlines = (cells: string[]) => cells.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);

/** Reads and checks a field sheet of case type `caseTypeId`; `issues` empty means every row was good. */
export function parseFieldSheet(csv: string, caseTypeId: string): ParsedSheet {
  const text = csv.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: headerDelimiter(text) });
  const rowProblems = new Map<number, string>();
  for (const error of parsed.errors) if (error.row !== undefined && !rowProblems.has(error.row)) rowProblems.set(error.row, error.message);

  const issues: SheetIssue[] = [];
  const fields: ParsedSheet['fields'] = [];
  const statuses: ParsedSheet['statuses'] = [];
  const fieldRows = new Map<string, number>();
  const statusRows = new Map<string, number>();
  let header: { columns: (SheetColumn | null)[]; titles: string[] } | null = null;
  let line = 1;
  let rows = 0;

  for (const [index, cells] of parsed.data.entries()) {
    const row = line;
    line += 1 + newlines(cells);
    if (blank(cells)) continue;
    if (header === null) {
      header = { columns: cells.map(columnOf), titles: cells.map((c) => c.trim()) };
      const missing = REQUIRED.filter((c) => !header!.columns.includes(c));
      for (const column of missing) {
        issues.push({ row, column: null, message: `The header has no ${COLUMN_TITLES[column]} column: a field sheet has the columns ${FORMAT}.` });
      }
      const unknown = header.titles.filter((t, i) => header!.columns[i] === null && t !== '');
      if (unknown.length > 0) issues.push({ row, column: null, message: `Unknown column ${unknown.map((t) => `"${t}"`).join(', ')}: the columns are ${FORMAT}.` });
      if (missing.length > 0) return { fields: [], statuses: [], issues };
      continue;
    }
    rows += 1;
    if (rows > MAX_ROWS) {
      issues.push({ row, column: null, message: `A field sheet has at most ${MAX_ROWS.toLocaleString('en-US')} rows: split it by case type.` });
      break;
    }
    const problem = rowProblems.get(index);
    if (problem !== undefined) {
      issues.push({ row, column: null, message: `The row could not be read (${problem}): check its quotes.` });
      continue;
    }
    if (cells.length > header.columns.length && !blank(cells.slice(header.columns.length))) {
      issues.push({ row, column: null, message: `The row has ${cells.length} values but the header has ${header.columns.length} columns: quote a value that contains the delimiter.` });
      continue;
    }
    const cell = (column: SheetColumn) => {
      const i = header!.columns.indexOf(column);
      return i < 0 ? '' : (cells[i] ?? '');
    };
    const title = (column: SheetColumn) => header!.titles[header!.columns.indexOf(column)] ?? COLUMN_TITLES[column];
    const issue = (column: SheetColumn, message: string) => issues.push({ row, column: title(column), message: `${title(column)} ${message}` });

    const kind = readKind(cell('kind'));
    if (!kind.ok) {
      issue('kind', kind.message);
      continue;
    }
    const name = cell('name').trim();
    if (name === '') issue('name', `is empty: write the ${kind.value === 'field' ? "field's friendly name" : "status's name"} as LawRuler shows it`);
    else if (name.length > 200) issue('name', 'is longer than 200 characters');

    if (kind.value === 'status') {
      const id = readStatusId(cell('id'));
      if (!id.ok) issue('id', id.message);
      if (cell('type').trim() !== '') issue('type', `must be empty on a status row (found "${cell('type').trim()}"): only custom fields have a type`);
      if (cell('options').trim() !== '') issue('options', 'must be empty on a status row: only select fields have options');
      if (!id.ok || name === '') continue;
      const earlier = statusRows.get(id.value);
      if (earlier !== undefined) issue('id', `"${id.value}" is already the id of the status on row ${earlier}: each status once`);
      else {
        statusRows.set(id.value, row);
        statuses.push({ id: id.value, name, caseTypeId });
      }
      continue;
    }

    const id = readFieldId(cell('id'));
    if (!id.ok) issue('id', id.message);
    const type = readFieldType(cell('type'));
    if (!type.ok) issue('type', type.message);
    const options = readOptions(cell('options'));
    if (!options.ok) issue('options', options.message);
    if (type.ok && options.ok) {
      const select = type.value === 'single_select' || type.value === 'multi_select';
      if (select && options.value.length === 0) issue('options', `is empty: a ${type.value === 'single_select' ? 'single' : 'multi'} select lists its valid options, separated by | or ;`);
      if (!select && options.value.length > 0) issue('options', `must be empty for a ${cell('type').trim()} field: only single and multi select fields have options`);
    }
    if (!id.ok || !type.ok || !options.ok || name === '') continue;
    const earlier = fieldRows.get(id.value);
    if (earlier !== undefined) {
      issue('id', `${id.value} is already on row ${earlier}: each custom field once`);
      continue;
    }
    fieldRows.set(id.value, row);
    fields.push({ id: id.value, name, shortName: null, type: type.value, options: options.value, caseTypeIds: [caseTypeId] });
  }

  if (header === null) issues.push({ row: 1, column: null, message: `The sheet is empty: it needs a header row with the columns ${FORMAT}, then a row per field or status.` });
  else if (issues.length === 0 && fields.length === 0 && statuses.length === 0) {
    issues.push({ row: 2, column: null, message: 'The sheet has a header but no field or status rows under it.' });
  }
  return { fields, statuses, issues };
}
