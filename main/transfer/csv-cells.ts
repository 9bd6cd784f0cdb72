// Cell text to and from CSV. Exports defuse spreadsheet formulas (a caller-supplied name such as
// "=HYPERLINK(...)" must not run when a paralegal opens the file): such cells get a leading apostrophe, which
// imports remove again, so an exported file imports back unchanged.
import Papa from 'papaparse';

/** Cells a spreadsheet would treat as a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** Removes the apostrophe an export put in front of a formula-looking cell. */
export const unescapeCell = (cell: string): string => (cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell);

/** CSV text of rows (no trailing newline); formula-looking cells are defused. */
export function csvLines(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  return Papa.unparse(rows as string[][], { header: false, newline: '\r\n', escapeFormulae: FORMULA_START });
}
