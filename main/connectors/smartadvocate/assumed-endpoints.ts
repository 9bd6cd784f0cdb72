// Every ASSUMED SmartAdvocate endpoint, in one file (README.md, "ASSUMED"): no public reference gives these
// paths or bodies, so a capture from a real account corrects them here. Each answer is read with its schema from
// wire-assumed.ts. Paths and property names follow the documented ones (`/case/...`, `…ID`, camelCase answers,
// PascalCase CreateCase fields, the documents/byDatePaged request shape).
import type { z } from 'zod';
import { readAnswer, readNoContent } from './read-answer';
import type { ApiRequest, Session } from './session';
import {
  caseGroupsSchema,
  casePageSchema,
  caseRecordSchema,
  caseTypesSchema,
  contactSchema,
  createCaseAnswerSchema,
  secondaryStatusTypesSchema,
  statusesSchema,
  udfDefinitionsSchema,
  type WireUdfValue,
} from './wire-assumed';
import type { JsonPatchOperation } from './wire-public';

/** What CreateCase is sent (documented: firstName, lastName, phone, email, summary, CaseTypeID, OfficeID, …). */
export interface CreateCaseBody {
  firstName: string;
  lastName: string;
  phone?: string;
  email?: string;
  summary?: string;
  CaseTypeID: number;
  /** ASSUMED: where the idempotency marker is kept; answered back as `externalReference`. */
  ExternalReference: string;
}

export interface CasePageRequest {
  /** Inclusive bounds on the modified time, UTC ISO. */
  fromIso: string;
  toIso: string;
  /** 0-based. */
  currentPage: number;
  pageSize: number;
  /** ASSUMED syntax: `property == "value"`, e.g. `externalReference == "m-1"`. */
  filterExpression?: string;
  /** Modified time (then case id) ascending for listings, descending for look-ups. */
  newestFirst?: boolean;
}

export type AssumedEndpoints = ReturnType<typeof assumedEndpoints>;

export function assumedEndpoints(session: Session) {
  const read = async <S extends z.ZodType>(req: ApiRequest, schema: S, field?: string): Promise<z.output<S>> =>
    readAnswer(await session.send(req), schema, { operation: req.operation, ...(field ? { field } : {}) });
  const write = async (req: Omit<ApiRequest, 'write'>, field: string): Promise<void> =>
    readNoContent(await session.send({ ...req, write: true }), { operation: req.operation, field });

  return {
    caseGroups: () => read({ operation: 'load case groups', method: 'GET', path: '/case/CaseGroup' }, caseGroupsSchema),
    caseTypes: (caseGroupID: number) =>
      read({ operation: `load the case types of case group ${caseGroupID}`, method: 'GET', path: `/case/CaseType?caseGroupID=${caseGroupID}` }, caseTypesSchema),
    statuses: () => read({ operation: 'load case statuses', method: 'GET', path: '/case/Status' }, statusesSchema),
    secondaryStatusTypes: () => read({ operation: 'load secondary status types', method: 'GET', path: '/case/SecondaryStatusType' }, secondaryStatusTypesSchema),
    udfDefinitions: () => read({ operation: 'load UDFs', method: 'GET', path: '/case/UDF' }, udfDefinitionsSchema),

    caseById: (caseID: number) => read({ operation: `read case ${caseID}`, method: 'GET', path: `/case/${caseID}` }, caseRecordSchema),

    casePage: (req: CasePageRequest) => {
      const direction = req.newestFirst ? 'desc' : 'asc';
      return read(
        {
          operation: req.filterExpression ? 'look up cases' : 'list changed cases',
          method: 'POST',
          path: '/case/cases/byDatePaged',
          body: {
            modifiedFromDateTime: req.fromIso,
            modifiedToDateTime: req.toIso,
            pageRequest: {
              currentPage: req.currentPage,
              pageSize: req.pageSize,
              ...(req.filterExpression ? { filterExpression: req.filterExpression } : {}),
              sorts: [
                { propertyPath: 'modifiedDate', sortDirection: direction },
                { propertyPath: 'caseID', sortDirection: direction },
              ],
            },
          },
        },
        casePageSchema,
      );
    },

    createCase: async (body: CreateCaseBody) =>
      readAnswer(
        await session.send({ operation: 'create a case', method: 'POST', path: '/case/CreateCase', body, write: true }),
        createCaseAnswerSchema,
        { operation: 'create a case' },
      ),

    setStatus: (caseID: number, statusID: number) =>
      write({ operation: `set the status of case ${caseID}`, method: 'PUT', path: `/case/${caseID}/status`, body: { statusID } }, 'Status'),

    /** Sets the case's status of one secondary status type, replacing the one it held (at most one per type). */
    setSecondaryStatus: (caseID: number, statusTypeID: number, statusID: number) =>
      write(
        { operation: `set a secondary status of case ${caseID}`, method: 'PUT', path: `/case/${caseID}/secondaryStatus`, body: { statusTypeID, statusID } },
        `Secondary status type ${statusTypeID}`,
      ),

    setUdfValues: (caseID: number, values: { udfID: number; value: WireUdfValue }[]) =>
      write({ operation: `update the UDFs of case ${caseID}`, method: 'PUT', path: `/case/${caseID}/udfs`, body: values }, 'UDFs'),

    /** Documented: contacts are updated with JSON Patch; the path and property names are ASSUMED. */
    patchContact: async (contactID: number, operations: JsonPatchOperation[]) => {
      const operation = `update contact ${contactID}`;
      const answer = await session.send({ operation, method: 'PATCH', path: `/contact/${contactID}`, body: operations, contentType: 'application/json-patch+json', write: true });
      if (answer.status === 204) return null;
      return readAnswer(answer, contactSchema, { operation, field: 'Contact' });
    },

    /** Documented: notes are read at `/case/{caseID}/notes`; writing one there is ASSUMED. */
    addNote: (caseID: number, note: { subject: string; noteText: string; noteDate: string }) =>
      write({ operation: `add a note to case ${caseID}`, method: 'POST', path: `/case/${caseID}/notes`, body: { ...note, priority: 'Normal' } }, 'Note'),
  };
}
