// The JSON tree's logic: node paths, which nodes a search matches (by key or by value) and which must open to show
// them, and the short preview a collapsed node shows.

/** The root's path; children are `$.data`, `$.data.transcript[0]`, … */
export const ROOT_PATH = '$';

export type JsonContainer = Record<string, unknown> | unknown[];

export const isContainer = (value: unknown): value is JsonContainer => typeof value === 'object' && value !== null;

/** The path of `key` under `parent`. */
export const childPath = (parent: string, key: string | number): string =>
  typeof key === 'number' ? `${parent}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;

/** A container's entries in display order: array items by index, object keys as they were written. */
export const entriesOf = (value: JsonContainer): [string | number, unknown][] =>
  Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value);

/** A primitive as JSON shows it: strings quoted, the rest as written. */
export const primitiveText = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : String(value));

/** What a collapsed node shows: `{ 3 keys }`, `[ 12 items ]`. */
export function preview(value: JsonContainer): string {
  const n = Array.isArray(value) ? value.length : Object.keys(value).length;
  return Array.isArray(value) ? `[ ${n} ${n === 1 ? 'item' : 'items'} ]` : `{ ${n} ${n === 1 ? 'key' : 'keys'} }`;
}

export interface JsonSearch {
  /** Nodes whose key or (primitive) value contains the query, case-insensitively. */
  matched: ReadonlySet<string>;
  /** Containers that must be open for every match to show: the ancestors of the matches. */
  open: ReadonlySet<string>;
}

/** The matches of `query` in `value` (nothing for an empty query). */
export function searchJson(value: unknown, query: string): JsonSearch {
  const matched = new Set<string>();
  const open = new Set<string>();
  const needle = query.trim().toLowerCase();
  if (needle === '') return { matched, open };
  const visit = (node: unknown, path: string, key: string | number | null, ancestors: string[]) => {
    const keyHit = key !== null && String(key).toLowerCase().includes(needle);
    const valueHit = !isContainer(node) && primitiveText(node).toLowerCase().includes(needle);
    if (keyHit || valueHit) {
      matched.add(path);
      for (const a of ancestors) open.add(a);
    }
    if (isContainer(node)) for (const [k, child] of entriesOf(node)) visit(child, childPath(path, k), k, [...ancestors, path]);
  };
  visit(value, ROOT_PATH, null, []);
  return { matched, open };
}

/** Every container's path, for "Expand all". */
export function containerPaths(value: unknown, path = ROOT_PATH, into: string[] = []): string[] {
  if (!isContainer(value)) return into;
  into.push(path);
  for (const [k, child] of entriesOf(value)) containerPaths(child, childPath(path, k), into);
  return into;
}

/** `text` split around case-insensitive occurrences of `query`, odd parts being the matches. */
export function splitMatches(text: string, query: string): string[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [text];
  const parts: string[] = [];
  const lower = text.toLowerCase();
  let at = 0;
  for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, at)) {
    parts.push(text.slice(at, i), text.slice(i, i + needle.length));
    at = i + needle.length;
  }
  parts.push(text.slice(at));
  return parts;
}
