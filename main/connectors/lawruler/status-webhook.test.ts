// Reading LawRuler's status-change webhook: every required field present (keys as LawRuler's editor may spell
// them), or the list of those missing, for the inbound endpoint's 400.
import { describe, expect, it } from 'vitest';
import { LAWRULER_STATUS_WEBHOOK_FIELDS, readStatusWebhook } from './status-webhook';

const FULL = {
  'Lead ID': '1042',
  'Case Type ID': '1',
  'Case Type': 'Motor Vehicle Accident',
  'Status ID': '14',
  Status: 'Signed',
  'Full Name': 'Ana Garcia',
  'Created Date': '2026-11-20T15:00:00.000Z',
  'Primary Contact ID': '501042',
  'First Name': 'Ana',
  'Last Name': 'Garcia',
};

describe('readStatusWebhook', () => {
  it('reads every field', () => {
    expect(readStatusWebhook(FULL)).toEqual({
      ok: true,
      value: {
        leadId: '1042',
        caseTypeId: '1',
        caseType: 'Motor Vehicle Accident',
        statusId: '14',
        status: 'Signed',
        fullName: 'Ana Garcia',
        createdDate: '2026-11-20T15:00:00.000Z',
        primaryContactId: '501042',
        firstName: 'Ana',
        lastName: 'Garcia',
      },
    });
  });

  it('matches keys ignoring case, spaces and punctuation, and takes numbers (JSON)', () => {
    const renamed = { LeadID: 1042, case_type_id: 1, CaseType: 'MVA', StatusId: 14, status: 'Signed', FULLNAME: 'A G', createdDate: 'x', 'primary-contact-id': 5, firstname: 'A', LastName: 'G' };
    expect(readStatusWebhook(renamed)).toMatchObject({ ok: true, value: { leadId: '1042', caseTypeId: '1', statusId: '14', primaryContactId: '5' } });
  });

  it('names every required field that is missing or empty', () => {
    const partial: Record<string, unknown> = { ...FULL, Status: '  ', 'Case Type ID': undefined, 'Last Name': null };
    delete partial['Full Name'];
    expect(readStatusWebhook(partial)).toEqual({ ok: false, missing: ['Case Type ID', 'Status', 'Full Name', 'Last Name'] });
    expect(readStatusWebhook({})).toEqual({ ok: false, missing: [...LAWRULER_STATUS_WEBHOOK_FIELDS] });
  });
});
