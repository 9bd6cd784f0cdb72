// Reading a record PUT's body field by field, and naming fields the way the sender wrote them. Parsing each field
// on its own keeps the well-formed ones, so that they can still be checked against the workspace and every
// problem of a request is named in one answer.
import { z } from 'zod';
import type { FieldIssue } from '../../shared/result';
import { fieldIssues, formatPath } from './field-issues';

type Shape = Record<string, z.ZodType>;
export type ParsedFields<S extends Shape> = { [K in keyof S]?: z.output<S[K]> };

/**
 * A parser of bodies shaped like `shape` (unknown fields refused): every issue, with wire paths, and the value of
 * each field that is well-formed on its own.
 */
export function fieldsParser<S extends Shape>(shape: S): (body: unknown) => { values: ParsedFields<S>; issues: FieldIssue[] } {
  const schema = z.strictObject(shape);
  return (body) => {
    const whole = schema.safeParse(body, { reportInput: true });
    if (whole.success) return { values: whole.data as ParsedFields<S>, issues: [] };
    const values: ParsedFields<S> = {};
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
      for (const key of Object.keys(shape) as (keyof S & string)[]) {
        const one = shape[key]!.safeParse((body as Record<string, unknown>)[key]);
        if (one.success) values[key] = one.data as z.output<S[typeof key]>;
      }
    }
    return { values, issues: fieldIssues(whole.error) };
  };
}

/** The record store's field names (camelCase) as the ingest API spells them. */
const WIRE_NAMES: Record<string, string> = {
  firstName: 'first_name',
  lastName: 'last_name',
  optOuts: 'opt_outs',
  caseType: 'case_type',
  caseNumber: 'case_number',
  campaignId: 'campaign_id',
  clientIds: 'client_ids',
  customValues: 'custom_values',
  externalSource: 'external_source',
  externalId: 'external_id',
};

/** `clients.0.externalSource` → `clients[0].external_source`; custom field keys are the sender's own and kept. */
export function wirePath(storePath: string): string {
  const parts = storePath.split('.');
  return formatPath(parts.map((part, i) => (/^\d+$/.test(part) ? Number(part) : parts[i - 1] === 'customValues' ? part : (WIRE_NAMES[part] ?? part))));
}

/** Issues from the record store, renamed to the wire's field names. */
export const wireIssues = (issues: readonly FieldIssue[]): FieldIssue[] => issues.map((issue) => ({ ...issue, path: wirePath(issue.path) }));
