// Zod issues as the ingest API reports them: one per offending field, with a JSON-path-like name
// (`events[3].data.duration_seconds`) and a message that says what was expected.
import type { z } from 'zod';
import type { FieldIssue } from '../../shared/result';

export type PathPart = string | number;

/** `events[3].data.duration_seconds` from ['events', 3, 'data', 'duration_seconds']. */
export function formatPath(parts: readonly PathPart[]): string {
  let out = '';
  for (const part of parts) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out || '(body)';
}

function expectation(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input: ')) return `expected ${issue.expected}`;
  if (issue.code === 'invalid_union') return 'expected text, a number, true/false, null or a list of text';
  if (issue.code === 'invalid_value' && issue.message.startsWith('Invalid option')) return `expected one of ${issue.values.map(String).join(', ')}`;
  return issue.message;
}

/** The message for one issue; a missing field (parsed with `reportInput`) says "required" first. */
function messageOf(issue: z.core.$ZodIssue): string {
  const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_value') && 'input' in issue && issue.input === undefined;
  if (missing) return `required (${expectation(issue)})`;
  if (issue.code === 'invalid_type') return issue.message.replace(/^Invalid input: /, '');
  return expectation(issue);
}

/** Flattens zod issues under `prefix`; an unknown field becomes one issue at that field's own path. */
export function fieldIssues(error: z.ZodError, prefix: readonly PathPart[] = []): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const issue of error.issues) {
    const base = [...prefix, ...(issue.path as PathPart[])];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) issues.push({ path: formatPath([...base, key]), message: 'unknown field: remove it (see docs/ingest-api.md)' });
    } else {
      issues.push({ path: formatPath(base), message: messageOf(issue) });
    }
  }
  return issues;
}
