// A JSON body the strict parser refused, as the headless host answers it: a typed INVALID_INPUT failure saying
// what is wrong and where (the byte offset of bad UTF-8, the path of a prototype key).
import type { ContractError } from '../../../shared/result';
import { describeIssues } from '../../../shared/result';
import { prototypeKeyReason, type JsonBodyError } from '../../http';

/** The contract error for a refused RPC body; paths are dotted like every other input issue of the contract. */
export function rpcBodyRefusal(error: JsonBodyError): ContractError {
  const { problem } = error;
  switch (problem.kind) {
    case 'empty':
      return { code: 'INVALID_INPUT', message: 'The request could not be read: the body is empty (send null for no input).' };
    case 'encoding':
      return {
        code: 'INVALID_INPUT',
        message: `The request could not be read: ${error.message}`,
        details: { issues: [{ path: '(input)', message: `not UTF-8 at byte offset ${problem.offset} (${problem.bytes})` }], byteOffset: problem.offset },
      };
    case 'syntax':
      return { code: 'INVALID_INPUT', message: `The request could not be read: ${error.message}` };
    case 'prototype': {
      const issues = problem.keys.map(({ path, key }) => ({ path: path.map(String).join('.'), message: prototypeKeyReason(key) }));
      return { code: 'INVALID_INPUT', message: `The input holds keys that would change object prototypes: ${describeIssues(issues)}`, details: { issues } };
    }
  }
}
