import { describe, expect, it } from 'vitest';
import { readCsvHeader, readCsvTable } from './csv-table';

describe('readCsvTable', () => {
  it('numbers rows by the file line they start on, across quoted line breaks and blank lines', () => {
    const table = readCsvTable('\ufeffName,Notes\r\nAnn,"two\r\nlines"\r\n\r\nBob,x\r\n');
    expect(table.columns).toEqual(['Name', 'Notes']);
    expect(table.rows.map((r) => [r.line, r.cells])).toEqual([
      [2, ['Ann', 'two\r\nlines']],
      [5, ['Bob', 'x']],
    ]);
  });

  it('guesses semicolon and tab delimiters, and names blank and repeated headers', () => {
    expect(readCsvTable('a;b\n1;2\n').rows[0]!.cells).toEqual(['1', '2']);
    expect(readCsvTable('a\tb\n1\t2\n').rows[0]!.cells).toEqual(['1', '2']);
    expect(readCsvHeader('Phone,,phone,Phone\n1,2,3,4\n')).toEqual(['Phone', 'Column 2', 'phone (2)', 'Phone (3)']);
  });

  it('flags rows with more values than columns, pads short ones, and refuses a file without a header', () => {
    const table = readCsvTable('a,b\n1,2,3\n4\n');
    expect(table.rows[0]!.problems).toEqual([expect.stringContaining('has 3 values but the header has 2 columns')]);
    expect(table.rows[1]).toMatchObject({ cells: ['4', ''], problems: [] });
    expect(() => readCsvTable('\n\n')).toThrow(/no header row/);
  });
});
