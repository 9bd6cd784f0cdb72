// LawRuler field sheets read row by row: loose type names and headers, both option separators, other delimiters,
// and every problem reported with the file's row and the header's column.
import { describe, expect, it } from 'vitest';
import { parseFieldSheet } from './field-sheet';

const sheet = (...rows: string[]) => rows.join('\n');

describe('parseFieldSheet', () => {
  it('reads fields and statuses, matching types and header names loosely', () => {
    const parsed = parseFieldSheet(
      sheet(
        'Row Type,Custom Field ID,Friendly Name,Field Type,Valid Options',
        'Field,Custom1001,Accident Date,Date,',
        'field,custom 1002,Injury Description,Long Text,',
        'FIELD,1003,Police Report Filed,Yes/No,',
        'field,Custom1004,Injury Types,Multi-Select,Back; Neck ;Head',
        'field,Custom1005,Medical Treatment,Single Select,None|ER|Ongoing',
        'field,Custom1006,Years at Base,numeric,',
        '',
        'status,011,New Lead,,',
        'Status,12,Contacted,,',
      ),
      '1',
    );
    expect(parsed.issues).toEqual([]);
    expect(parsed.fields.map((f) => [f.id, f.type, f.options])).toEqual([
      ['Custom1001', 'date', []],
      ['Custom1002', 'text', []],
      ['Custom1003', 'yes_no', []],
      ['Custom1004', 'multi_select', ['Back', 'Neck', 'Head']],
      ['Custom1005', 'single_select', ['None', 'ER', 'Ongoing']],
      ['Custom1006', 'number', []],
    ]);
    expect(parsed.fields[0]).toEqual({ id: 'Custom1001', name: 'Accident Date', shortName: null, type: 'date', options: [], caseTypeIds: ['1'] });
    expect(parsed.statuses).toEqual([
      { id: '11', name: 'New Lead', caseTypeId: '1' },
      { id: '12', name: 'Contacted', caseTypeId: '1' },
    ]);
  });

  it('reads a semicolon- or tab-delimited sheet, quoted options and a byte order mark', () => {
    const semicolons = parseFieldSheet('\uFEFFKind;ID;Name;Type;Options\nfield;Custom7;Treatment;dropdown;"ER;None"\n', '2');
    expect(semicolons.issues).toEqual([]);
    expect(semicolons.fields[0]?.options).toEqual(['ER', 'None']);
    const tabs = parseFieldSheet('Kind\tID\tName\tType\tOptions\nfield\tCustom8\tSource\tselect\tTV|Web\n', '2');
    expect(tabs.fields[0]).toMatchObject({ id: 'Custom8', type: 'single_select', options: ['TV', 'Web'] });
  });

  it('reports each bad cell with its row and column, in words that say what to write', () => {
    const parsed = parseFieldSheet(
      sheet(
        'Kind,ID,Friendly name,Type,Options',
        'field,Custom1,Name,,',
        'column,Custom2,Name,text,',
        'field,Custom3,,text,',
        'field,Custom4,Choice,single select,',
        'field,Custom5,Note,text,a|b',
        'field,Custom6,Pick,multi select,a|A',
        'status,x1,Open,,',
        'status,5,Closed,text,',
        'field,Custom1,Again,text,',
        'field,Custom9,Too,many,values,here',
      ),
      '3',
    );
    expect(parsed.issues.map((i) => [i.row, i.column])).toEqual([
      [2, 'Type'],
      [3, 'Kind'],
      [4, 'Friendly name'],
      [5, 'Options'],
      [6, 'Options'],
      [7, 'Options'],
      [8, 'ID'],
      [9, 'Type'],
      [11, null],
    ]);
    const message = (row: number) => parsed.issues.find((i) => i.row === row)!.message;
    expect(message(2)).toMatch(/^Type is empty: write the field's type, one of text, number, date, yes\/no, single select or multi select/);
    expect(message(3)).toMatch(/"column" is not a kind: write "field"/);
    expect(message(5)).toMatch(/single select lists its valid options, separated by \| or ;/);
    expect(message(6)).toMatch(/only single and multi select fields have options/);
    expect(message(7)).toMatch(/"A" is listed twice/);
    expect(message(8)).toMatch(/status ids are numbers/);
    expect(message(11)).toMatch(/6 values but the header has 5 columns/);
    // Row 10 repeats Custom1, whose own row was refused: a duplicate is only reported against a good row.
    expect(parsed.issues.some((i) => i.row === 10)).toBe(false);
  });

  it('reports a repeated id against the row that has it first', () => {
    const parsed = parseFieldSheet(sheet('Kind,ID,Name,Type', 'field,Custom1,A,text', 'status,4,Open,', 'field,Custom1,B,date', 'status,4,Closed,'), '1');
    expect(parsed.issues).toEqual([
      { row: 4, column: 'ID', message: 'ID Custom1 is already on row 2: each custom field once' },
      { row: 5, column: 'ID', message: 'ID "4" is already the id of the status on row 3: each status once' },
    ]);
  });

  it('counts rows as the file has them, multi-line quoted cells included', () => {
    const parsed = parseFieldSheet(sheet('Kind,ID,Name,Type,Options', 'field,Custom1,"Two', 'lines",text,', 'field,Custom2,Bad,colour,'), '1');
    expect(parsed.issues.map((i) => i.row)).toEqual([4]);
  });

  it('refuses a sheet without the columns it needs, or without rows', () => {
    expect(parseFieldSheet('ID,Name\nCustom1,A', '1').issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^The header has no Kind column: a field sheet has the columns Kind, ID, Name, Type and Options/),
      expect.stringMatching(/^The header has no Type column/),
    ]);
    expect(parseFieldSheet('Kind,ID,Name,Type,Colour\n', '1').issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^Unknown column "Colour"/),
    ]);
    expect(parseFieldSheet('Kind,ID,Name,Type\n\n', '1').issues).toEqual([{ row: 2, column: null, message: 'The sheet has a header but no field or status rows under it.' }]);
    expect(parseFieldSheet('  \n', '1').issues[0]).toMatchObject({ row: 1, message: expect.stringMatching(/The sheet is empty/) });
  });
});
