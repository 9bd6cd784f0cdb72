// Small Markdown and number formatting helpers for the generated parts of docs/webhooks.md.

/** A fenced code block; the fence grows if the content itself contains one. */
export function codeBlock(language: string, content: string): string {
  const fence = content.includes('```') ? '````' : '```';
  return `${fence}${language}\n${content.replace(/\n$/, '')}\n${fence}`;
}

/** A collapsed block (GitHub renders <details>) holding Markdown. */
export function details(summary: string, markdown: string): string {
  return `<details>\n<summary>${summary}</summary>\n\n${markdown}\n\n</details>`;
}

/** Inline code. */
export const code = (text: string): string => `\`${text}\``;

/** A Markdown table; `|` inside a cell is escaped. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** A duration as people write it: "30 s", "2 min 24 s", "4 h 48 min", "22 h 42 min 30 s". */
export function duration(ms: number): string {
  if (ms === 0) return '0 s';
  const rounded = Math.round(ms / SECOND) * SECOND;
  const parts: string[] = [];
  const h = Math.floor(rounded / HOUR);
  const min = Math.floor((rounded % HOUR) / MINUTE);
  const s = Math.round((rounded % MINUTE) / SECOND);
  if (h > 0) parts.push(`${h} h`);
  if (min > 0) parts.push(`${min} min`);
  if (s > 0) parts.push(`${s} s`);
  return parts.join(' ');
}

/** Pretty-prints a JSON text keeping its key order (2-space indent). */
export const prettyJson = (json: string): string => JSON.stringify(JSON.parse(json), null, 2);
