// Reading SmartAdvocate's answers: the documented CaseInfo example as published, date-times without a zone read as
// UTC, date-only UDF values never shifted, malformed answers named by path, a 200 carrying a failure.
import { describe, expect, it } from 'vitest';
import { CrmError } from '../crm/errors';
import { readAnswer } from './read-answer';
import { toCrmRecord, type TranslationRefs } from './translate';
import { caseRecordSchema } from './wire-assumed';
import { caseInfoListSchema, toUtcIso } from './wire-public';

/** The GetCaseInfo example of SmartAdvocate's public documentation. */
const DOCUMENTED_CASE_INFO = [
  {
    caseID: 516718,
    caseNumber: '9000002',
    caseTypeID: 1249,
    caseType: 'ATS-Guatemala',
    caseStatusID: 827,
    caseStatus: 'UM Arb Filed',
    caseStatusFrom: '2021-02-17T21:14:00Z',
    officeID: 2,
    officeName: 'New York',
    plaintiffs: [{ id: 620837, name: 'Tim, Berton', role: '(P)-Point of Contact', contactID: 1695568, primary: true, primaryContact: true }],
    secondStatuses: [{ statusID: 890, fromDate: '2021-04-30T16:37:00Z', statusTypeName: 'Dialer Status', statusName: 'Do not dial' }],
    createdDate: '2019-01-03T16:06:34.663Z',
    modifiedDate: '2021-08-03T20:22:58.41Z',
  },
];

const answer = (body: unknown, status = 200) => ({ status, headers: {}, text: typeof body === 'string' ? body : JSON.stringify(body) });
const failure = (fn: () => unknown): CrmError => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CrmError);
    return error as CrmError;
  }
  return expect.fail('expected a CrmError');
};

const refs: TranslationRefs = {
  udfs: new Map([
    [3001, { udfID: 3001, udfName: 'Accident Date', shortName: 'AccDate', udfType: 'Date', options: null, caseTypeIDs: null }],
    [3004, { udfID: 3004, udfName: 'Police Report Filed', shortName: null, udfType: 'YesNo', options: null, caseTypeIDs: null }],
  ]),
  substatuses: { typeOfStatus: new Map([[890, 21]]), typeByName: new Map([['dialer status', 21]]), types: [] },
};

describe('SmartAdvocate wire', () => {
  it('reads the documented CaseInfo example', () => {
    const [info] = readAnswer(answer(DOCUMENTED_CASE_INFO), caseInfoListSchema, { operation: 'look up a case' });
    expect(info).toMatchObject({ caseID: 516718, modifiedDate: '2021-08-03T20:22:58.410Z', caseStatusFrom: '2021-02-17T21:14:00.000Z' });
  });

  it('reads a date-time without a zone as UTC, and cuts .NET fractions', () => {
    expect(toUtcIso('2021-08-03T20:22:58.41')).toBe('2021-08-03T20:22:58.410Z');
    expect(toUtcIso('2021-08-03T20:22:58.4123456Z')).toBe('2021-08-03T20:22:58.412Z');
    expect(toUtcIso('2021-08-03T16:22:58-04:00')).toBe('2021-08-03T20:22:58.000Z');
    expect(toUtcIso('08/03/2021')).toBeNull();
  });

  it('reads the usual UTC form by hand exactly as through a Date: real days only, fractions cut to milliseconds', () => {
    /** The reading through a Date, for days that exist (Date.parse rolls February 30 over to March). */
    const throughDate = (text: string) => {
      const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
      const day = new Date(Date.UTC(y, m - 1, d));
      if (day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return null;
      const ms = Date.parse(text.replace(/(\.\d{3})\d+Z$/, '$1Z'));
      return Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(text) ? null : new Date(ms).toISOString();
    };
    const two = (n: number) => String(n).padStart(2, '0');
    const differ: string[] = [];
    for (const year of ['0001', '1900', '2000', '2023', '2024', '2100', '9999']) {
      for (let month = 0; month <= 13; month += 1) {
        for (const day of [0, 1, 28, 29, 30, 31, 32]) {
          for (const time of ['00:00:00', '23:59:59', '24:00:00', '12:60:00', '12:00:60']) {
            for (const fraction of ['', '.4', '.41', '.413', '.4139', '.4139999', '.']) {
              const text = `${year}-${two(month)}-${two(day)}T${time}${fraction}Z`;
              // Hour 24 is the next day's midnight to Date.parse; both readings agree on what comes out.
              if (toUtcIso(text) !== throughDate(text)) differ.push(`${text}: ${toUtcIso(text)} vs ${throughDate(text)}`);
            }
          }
        }
      }
    }
    expect(differ).toEqual([]);
    expect(toUtcIso('2024-02-29T10:00:00.5Z')).toBe('2024-02-29T10:00:00.500Z');
    expect(toUtcIso('2023-02-29T10:00:00Z')).toBeNull();
    expect(toUtcIso('2023-02-30T10:00:00-05:00')).toBeNull();
  });

  it('turns a case into our record: contact from the plaintiff name, date UDFs as written, secondary statuses by type', () => {
    const wire = caseRecordSchema.parse({
      ...DOCUMENTED_CASE_INFO[0],
      externalReference: 'kayse-1',
      primaryContact: null,
      udfs: [
        { udfID: 3001, value: '2026-03-01T00:00:00' },
        { udfID: 3004, value: 'Yes' },
        { udfID: 9999, value: 'a UDF the catalog does not list' },
      ],
    });
    const record = toCrmRecord(wire, refs, '(root)', 'read case');
    expect(record).toMatchObject({
      id: '516718',
      firstName: 'Berton',
      lastName: 'Tim',
      statusId: '827',
      substatuses: [{ typeId: '21', statusId: '890' }],
      fields: { '3001': '2026-03-01', '3004': true },
      marker: 'kayse-1',
    });
    expect(Object.keys(record.fields)).not.toContain('9999');
  });

  it('names the path of a malformed answer, deep or at the top', () => {
    const broken = [{ ...DOCUMENTED_CASE_INFO[0], plaintiffs: [{ ...DOCUMENTED_CASE_INFO[0]!.plaintiffs[0], contactID: 'x' }] }];
    expect(failure(() => readAnswer(answer(broken), caseInfoListSchema, { operation: 'look up a case' })).crmDetails).toMatchObject({ kind: 'bad_response', path: '0.plaintiffs.0.contactID' });
    expect(failure(() => readAnswer(answer('<html>Gateway</html>'), caseInfoListSchema, { operation: 'x' })).crmDetails).toMatchObject({ kind: 'bad_response', path: '(body)' });
    const badDate = [{ ...DOCUMENTED_CASE_INFO[0], modifiedDate: 'yesterday' }];
    expect(failure(() => readAnswer(answer(badDate), caseInfoListSchema, { operation: 'x' })).crmDetails.path).toBe('0.modifiedDate');
    const badUdf = caseRecordSchema.parse({ ...DOCUMENTED_CASE_INFO[0], externalReference: null, primaryContact: null, udfs: [{ udfID: 3001, value: 'soon' }] });
    expect(failure(() => toCrmRecord(badUdf, refs, 'items.4', 'list')).crmDetails.path).toBe('items.4.udfs.0.value');
  });

  it('treats a 200 carrying the failure envelope as a failure, and a validation problem as `rejected` naming the field', () => {
    expect(failure(() => readAnswer(answer({ success: false, message: 'No default office' }), caseInfoListSchema, { operation: 'x' })).crmDetails).toMatchObject({
      kind: 'rejected',
      crmMessage: 'No default office',
    });
    const problem = { title: 'One or more validation errors occurred.', status: 400, errors: { statusID: ['Status 5 does not exist.'] } };
    expect(failure(() => readAnswer(answer(problem, 400), caseInfoListSchema, { operation: 'x' })).crmDetails).toMatchObject({
      kind: 'rejected',
      field: 'statusID',
      crmMessage: 'Status 5 does not exist.',
    });
    expect(failure(() => readAnswer(answer({ message: 'nope' }, 403), caseInfoListSchema, { operation: 'x' })).crmDetails).toMatchObject({ kind: 'rejected', status: 403 });
    expect(failure(() => readAnswer(answer('', 404), caseInfoListSchema, { operation: 'x' })).kind).toBe('not_found');
  });
});
