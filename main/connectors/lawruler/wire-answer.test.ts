// Reading LawRuler's answers: every way a 200 says "failed", the statuses of external-apis.md, XML or HTML where
// JSON was asked for, and a shape that changed (bad_response naming the path).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CrmHttpAnswer } from '../crm/crm-http';
import { CrmError } from '../crm/errors';
import { failureIn, readAnswer } from './wire-answer';
import { caseTypesAnswer, fieldsAnswer, wireLead } from './wire-schemas';

const answer = (status: number, body: unknown): CrmHttpAnswer => ({ status, headers: {}, text: typeof body === 'string' ? body : JSON.stringify(body) });
const read = (a: CrmHttpAnswer, schema: z.ZodType<unknown> = z.object({ LeadID: z.number() }), signIn = false) => {
  try {
    readAnswer(a, schema, { operation: 'read lead 7', signIn });
  } catch (error) {
    expect(error).toBeInstanceOf(CrmError);
    return error as CrmError;
  }
  throw new Error('expected a CrmError');
};

const LEAD = {
  LeadID: 7,
  CaseTypeID: 1,
  StatusID: 15,
  Status: 'Failed',
  FirstName: 'Ana',
  CreatedDate: '2026-11-01T10:00:00Z',
  ModifiedDate: '2026-11-26T20:00:00.000+00:00',
};

describe('LawRuler answers: failures in a 200', () => {
  it.each([
    [{ success: false }],
    [{ Success: 'false' }],
    [{ ok: false }],
    [{ status: 'error', message: 'boom' }],
    [{ status: 'Failed' }],
    [{ error: 'Something went wrong' }],
    [{ Error: { message: 'nested' } }],
    [{ errors: ['one', 'two'] }],
    [{ success: true, errors: [{ field: 'Email1', message: 'bad' }] }],
  ])('%j is a failure', (body) => {
    expect(failureIn(body)).not.toBeNull();
    expect(read(answer(200, body)).kind).toBe('rejected');
  });

  it.each([[{ success: true, LeadID: 1 }], [{ error: '', LeadID: 1 }], [{ errors: [], LeadID: 1 }], [{ error: null, LeadID: 1 }], [LEAD]])('%j is not a failure', (body) => {
    expect(failureIn(body)).toBeNull();
  });

  it("does not take a lead's own status named \"Failed\" for a failed call", () => {
    expect(readAnswer(answer(200, LEAD), wireLead, { operation: 'read lead 7' })).toMatchObject({ LeadID: '7', Status: 'Failed', StatusID: '15' });
  });

  it('maps the failure by what it says: a missing lead, a refused key, a refused value with its field', () => {
    expect(read(answer(200, { success: false, error: 'Lead 99 not found.' })).kind).toBe('not_found');
    expect(read(answer(200, { success: false, error: 'Invalid API Key.' })).kind).toBe('auth');
    const refused = read(answer(200, { success: false, error: "Invalid value 'X' for Injury Types.", field: 'Custom1004' }));
    expect(refused.crmDetails).toMatchObject({ kind: 'rejected', field: 'Custom1004', crmMessage: "Invalid value 'X' for Injury Types." });
  });
});

describe('LawRuler answers: HTTP statuses', () => {
  it('401 is a refused key, 403 not permitted, 404 an unknown portal', () => {
    expect(read(answer(401, 'Unauthorized')).kind).toBe('auth');
    const forbidden = read(answer(403, { error: 'Forbidden' }));
    expect(forbidden.kind).toBe('auth');
    expect(forbidden.message).toMatch(/not permitted/);
    const unknown = read(answer(404, '<html>The resource cannot be found.</html>'));
    expect(unknown.kind).toBe('not_found');
    expect(unknown.message).toMatch(/portal not found \(check Client Root\)/);
  });

  it('a 400 from the sign-in is refused credentials; elsewhere a refused value', () => {
    expect(read(answer(400, { error: 'invalid_grant' }), z.object({}), true).kind).toBe('auth');
    expect(read(answer(400, { success: false, error: 'limit must be 1 to 500', field: 'limit' })).crmDetails).toMatchObject({ kind: 'rejected', field: 'limit' });
  });
});

describe('LawRuler answers: shapes', () => {
  it('XML or an HTML page where JSON was asked for is `bad_response` at the body', () => {
    const xml = read(answer(200, '<?xml version="1.0"?><Response><Success>true</Success></Response>'));
    expect(xml.crmDetails).toMatchObject({ kind: 'bad_response', path: '(body)' });
    expect(xml.message).toMatch(/XML or an HTML page/);
  });

  it('names the path of a renamed or mistyped property', () => {
    expect(read(answer(200, { success: true, CaseTypeList: [] }), caseTypesAnswer).crmDetails.path).toBe('CaseTypes');
    expect(read(answer(200, { CaseTypes: [{ CaseTypeID: 'one', Name: 'MVA' }] }), caseTypesAnswer).crmDetails.path).toBe('CaseTypes.0.CaseTypeID');
    expect(read(answer(200, { ...LEAD, ModifiedDate: '2026-11-26 20:00:00' }), wireLead).crmDetails.path).toBe('ModifiedDate');
  });

  it('refuses a field type it does not know instead of calling it text', () => {
    const body = { Fields: [{ FieldID: 'Custom1', Name: 'Signature', Type: 'Signature', Options: null }] };
    expect(read(answer(200, body), fieldsAnswer).crmDetails.path).toBe('Fields.0.Type');
    const known = readAnswer(answer(200, { Fields: [{ FieldID: 'Custom1', Name: 'Kind', Type: 'Multi-Select', Options: ['A'] }] }), fieldsAnswer, { operation: 'x' });
    expect(known.Fields[0]!.Type).toBe('multi_select');
  });
});
