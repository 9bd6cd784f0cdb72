// One refusal names every problem of a request, each once, in the names the sender used: shape errors, references
// to records the console doesn't have, and custom values that don't fit their field, together.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { sampleEvent } from './sample-events';
import { errorOf, startIngest, type IngestTest } from './test-ingest';

const cleanup = useCleanup();
async function start() {
  const t = cleanup.use(await startIngest());
  t.core.workspace.caseTypes.create({
    name: 'Personal Injury',
    statuses: ['New Lead', 'Qualified'],
    fields: [{ key: 'accident_date', label: 'Accident date', type: 'date' }],
  });
  return t;
}

const INTERNAL_NAMES = /firstName|lastName|optOuts|caseType|caseNumber|campaignId|clientIds|customValues|externalSource|externalId|[a-z_]\.\d/;

/** The refusal, checked to list each issue once and to say in its message exactly what its issues say. */
async function refusal(res: Response) {
  const error = await errorOf(res);
  const issues = error.details!.issues!;
  expect(new Set(issues.map((i) => i.path)).size).toBe(issues.length);
  for (const issue of issues) expect(error.message).toContain(`${issue.path}: ${issue.message}`);
  expect(error.message).not.toMatch(INTERNAL_NAMES);
  return { ...error, issues };
}
const count = (t: IngestTest, table: string) => t.core.database.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('every problem named in one answer', () => {
  it('a client with a bad first_name, phones, emails and opt_outs: all four, by their wire names', async () => {
    const t = await start();
    const res = await t.put('/v1/clients/kayse/cl-1', { first_name: 7, phones: ['abc'], emails: ['not-an-email'], opt_outs: ['fax'] });
    expect(res.status).toBe(400);
    const { code, issues } = await refusal(res);
    expect(code).toBe('INVALID_INPUT');
    expect(issues.map((i) => i.path)).toEqual(['first_name', 'phones[0]', 'emails[0]', 'opt_outs[0]']);
    expect(issues.find((i) => i.path === 'opt_outs[0]')!.message).toBe('expected one of call, sms, email');
    const blank = await t.put('/v1/clients/kayse/cl-1', { first_name: '  ', opt_outs: ['sms', 'fax'] });
    expect((await refusal(blank)).issues).toEqual([
      { path: 'first_name', message: 'First name is required' },
      { path: 'opt_outs[1]', message: 'expected one of call, sms, email' },
    ]);
    expect(count(t, 'clients')).toBe(0);
  });

  it('a case with a bad status, an unknown client and a bad custom value: all three (422)', async () => {
    const t = await start();
    const res = await t.put('/v1/cases/kayse/case-1', {
      name: 'Doe v. Trucking Co',
      case_type: 'Personal Injury',
      status: 'Settled',
      clients: [{ external_source: 'kayse', external_id: 'nobody' }],
      custom_values: { accident_date: 'last week' },
    });
    expect(res.status).toBe(422);
    const { code, issues, details } = await refusal(res);
    expect(code).toBe('UNPROCESSABLE');
    expect(issues).toEqual([
      { path: 'status', message: 'unknown status "Settled" (valid: New Lead, Qualified)' },
      { path: 'custom_values.accident_date', message: expect.stringContaining('YYYY-MM-DD') },
      { path: 'clients[0]', message: 'unknown client kayse/nobody' },
    ]);
    expect(details).toMatchObject({ valid: ['New Lead', 'Qualified'] });
    expect(count(t, 'cases')).toBe(0);
  });

  it('a case with malformed fields and unknown references: both kinds together (400)', async () => {
    const t = await start();
    const res = await t.put('/v1/cases/kayse/case-1', {
      name: '',
      case_type: 'Space Law',
      status: 'New Lead',
      client_ids: ['cl_missing'],
      campaign_id: 'camp_missing',
      colour: 'red',
    });
    expect(res.status).toBe(400);
    const { issues } = await refusal(res);
    expect(issues.map((i) => i.path)).toEqual(['name', 'colour', 'case_type', 'campaign_id', 'client_ids[0]']);
    expect(issues.find((i) => i.path === 'case_type')!.message).toBe('unknown case type "Space Law" (valid: Personal Injury)');
    expect(count(t, 'cases')).toBe(0);
  });

  it('an event without a type names the type once', async () => {
    const t = await start();
    const res = await t.post({ occurred_at: 'soon', data: {} });
    expect(res.status).toBe(400);
    const { issues } = await refusal(res);
    expect(issues.map((i) => i.path)).toEqual(['type', 'occurred_at']);
  });

  it('an event with a bad field and an unknown case: both, in one 400', async () => {
    const t = await start();
    const call = sampleEvent('call_ended').data as Record<string, unknown>;
    const res = await t.post(
      sampleEvent('call_ended', { case_ref: { external_source: 'kayse', external_id: 'case-404' }, data: { ...call, duration_seconds: 'long' } }),
    );
    expect(res.status).toBe(400);
    const { issues } = await refusal(res);
    expect(issues).toEqual([
      { path: 'data.duration_seconds', message: 'expected number, received string' },
      { path: 'case_ref', message: expect.stringContaining('no case with external_source "kayse" and external_id "case-404"') },
    ]);
    expect(t.countEvents()).toBe(0);
  });

  it('a batch where one event names an unknown client and another has an unknown type: both, 422 with the valid types', async () => {
    const t = await start();
    const res = await t.post({
      events: [sampleEvent('call_started', { client_ref: { external_source: 'kayse', external_id: 'cl-404' } }), sampleEvent('call_started', { type: 'call_teleported' })],
    });
    expect(res.status).toBe(422);
    const { code, issues, details, message } = await refusal(res);
    expect(code).toBe('UNPROCESSABLE');
    expect(issues.map((i) => i.path)).toEqual(['events[0].client_ref', 'events[1].type']);
    expect(details!.valid).toContain('call_started');
    expect(message).toMatch(/^2 of 2 events are invalid/);
    expect(t.countEvents()).toBe(0);
  });
});
