// A CSV file as a header and rows of cells (papaparse, delimiter guessed), each row knowing the file line it
// starts on so that rejects point at the line a user sees in their editor.
import Papa from 'papaparse';
import { AppError } from '../../shared/result';
import { unescapeCell } from './csv-cells';

export interface CsvRow {
  /** 1-based line of the file where the row starts (the header is line 1). */
  line: number;
  cells: string[];
  /** Problems with the row's shape (too many values, a broken quote); such a row is rejected. */
  problems: string[];
}

export interface CsvTable {
  /** Header names, trimmed and made unique ("Phone", "Phone (2)"). */
  columns: string[];
  rows: CsvRow[];
}

const isBlank = (cells: string[]) => cells.length === 0 || (cells.length === 1 && cells[0]!.trim() === '');

const countNewlines = (cells: string[]) => {
  let n = 0;
  for (const cell of cells) {
    if (!cell.includes('\n')) continue;
    for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) n += 1;
  }
  return n;
};

/** Unique column names: blanks become "Column N", repeats get " (2)", " (3)"… */
export function uniqueColumns(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const base = raw.trim() || `Column ${i + 1}`;
    const n = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

// Papaparse guesses the delimiter (, ; tab |) reliably only when blank lines are skipped; the real parse keeps
// them so that line numbers stay right.
function parseRaw(text: string, preview?: number): Papa.ParseResult<string[]> {
  const { delimiter } = Papa.parse<string[]>(text, { header: false, skipEmptyLines: 'greedy', preview: 10 }).meta;
  return Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, preview, delimiter });
}

function noHeader(): AppError {
  return new AppError('INVALID_INPUT', 'The file has no header row: its first line must name the columns.', {
    issues: [{ path: 'csv', message: 'no header row' }],
  });
}

/** Just the header row, for checking a mapping before the whole file is read. */
export function readCsvHeader(text: string): string[] {
  const parsed = parseRaw(text, 5);
  const header = parsed.data.find((cells) => !isBlank(cells));
  if (!header) throw noHeader();
  return uniqueColumns(header);
}

/** The whole file: header and every non-blank row (short rows padded with empty cells). */
export function readCsvTable(text: string): CsvTable {
  const parsed = parseRaw(text);
  const problemsByIndex = new Map<number, string[]>();
  for (const error of parsed.errors) {
    if (error.row === undefined || error.type === 'Delimiter') continue;
    const list = problemsByIndex.get(error.row) ?? [];
    list.push(`The row could not be read: ${error.message}. Check its quotes.`);
    problemsByIndex.set(error.row, list);
  }
  let line = 1;
  let columns: string[] | undefined;
  const rows: CsvRow[] = [];
  parsed.data.forEach((cells, index) => {
    const start = line;
    line += 1 + countNewlines(cells);
    if (isBlank(cells)) return;
    if (!columns) {
      columns = uniqueColumns(cells);
      return;
    }
    const problems = problemsByIndex.get(index) ?? [];
    const extra = cells.slice(columns.length).filter((c) => c.trim() !== '');
    if (extra.length > 0) {
      problems.push(`The row has ${cells.length} values but the header has ${columns.length} columns: quote values that contain the delimiter.`);
    }
    const padded = cells.length >= columns.length ? cells.slice(0, columns.length) : [...cells, ...Array<string>(columns.length - cells.length).fill('')];
    rows.push({ line: start, cells: padded.map(unescapeCell), problems });
  });
  if (!columns) throw noHeader();
  return { columns, rows };
}
