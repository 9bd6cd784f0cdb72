// Turns what a user typed into a search box into SQL LIKE patterns (always bound as parameters, never spliced).

/** `%term%` with LIKE's wildcards escaped by `\`, for `LIKE ? ESCAPE '\'`; undefined for a blank search. */
export function containsPattern(search: string | undefined): string | undefined {
  const term = search?.trim();
  if (!term) return undefined;
  return `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * `%digits%` when the search looks like a phone number (three or more digits and only phone punctuation), so
 * "(555) 010-0199" finds "+1 555 010 0199"; undefined otherwise.
 */
export function phoneDigitsPattern(search: string | undefined): string | undefined {
  const term = search?.trim() ?? '';
  if (!/^[\d\s()+.-]+$/.test(term)) return undefined;
  const digits = term.replace(/\D/g, '');
  return digits.length >= 3 ? `%${digits}%` : undefined;
}

/** SQL that strips the usual phone punctuation from a column, to compare against phoneDigitsPattern. */
export const digitsOnly = (column: string): string =>
  `replace(replace(replace(replace(replace(replace(${column}, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', '')`;
