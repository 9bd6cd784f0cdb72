// A JSON body the strict parser refused, as the ingest API answers it: 400 INVALID_INPUT saying what is wrong
// and where (the byte offset of bad UTF-8, the path of a prototype key), storing nothing.
import type { FieldIssue } from '../../shared/result';
import { describeIssues } from '../../shared/result';
import { prototypeKeyReason, type JsonBodyError } from '../http';
import { formatPath } from './field-issues';

/** The message and details of the ingest API's answer to a refused body. */
export function jsonBodyRefusal(error: JsonBodyError): { message: string; details?: { issues: FieldIssue[]; byteOffset?: number } } {
  const { problem } = error;
  switch (problem.kind) {
    case 'empty':
      return { message: 'The body is empty: send an event, or {"events": [...]}, as JSON.' };
    case 'encoding':
      return {
        message: `${error.message} Nothing was stored.`,
        details: { issues: [{ path: '(body)', message: `not UTF-8 at byte offset ${problem.offset} (${problem.bytes})` }], byteOffset: problem.offset },
      };
    case 'syntax':
      return { message: `${error.message} Nothing was stored.` };
    case 'prototype': {
      const issues = problem.keys.map(({ path, key }) => ({ path: formatPath(path), message: prototypeKeyReason(key) }));
      return { message: `The body holds keys that would change object prototypes; nothing was stored: ${describeIssues(issues)}`, details: { issues } };
    }
  }
}
