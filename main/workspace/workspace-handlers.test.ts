import { describe, expect, it } from 'vitest';
import { refusal } from '../test-support/api';
import { useCleanup } from '../test-support/use-cleanup';
import type { CaseTypeInput } from '../../shared/domain/workspace';
import { startWorkspaceCore } from './workspace-test-fixture';

const cleanup = useCleanup();
function start() {
  return cleanup.use(startWorkspaceCore());
}

const AUTO: CaseTypeInput = {
  name: 'Auto Accident',
  statuses: ['New Lead', 'Signed'],
  fields: [{ key: 'venue', label: 'Venue', type: 'single_select', options: ['Miami-Dade', 'Broward'] }],
};

describe('caseTypes procedures', () => {
  it('creates a case type with ordered statuses and fields, lists it and announces the change', async () => {
    const { api, changed } = start();
    const created = await api.caseTypes.create(AUTO);
    expect(created.statuses.map((s) => [s.name, s.position])).toEqual([
      ['New Lead', 0],
      ['Signed', 1],
    ]);
    expect(created.fields).toMatchObject([{ key: 'venue', type: 'single_select', options: ['Miami-Dade', 'Broward'] }]);
    expect(await api.caseTypes.list()).toEqual([created]);
    expect(changed.flat()).toContain('case_types');
  });

  it('refuses a duplicate name (any letter case) as CONFLICT naming it, keeping the original', async () => {
    const { api } = start();
    const original = await api.caseTypes.create(AUTO);
    const error = await refusal(api.raw.caseTypes.create({ name: 'auto accident', statuses: ['Other'] }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('auto accident');
    expect(await api.caseTypes.list()).toEqual([original]);
  });

  it('refuses a case type without statuses or with a select field without options, naming the field', async () => {
    const { api } = start();
    const error = await refusal(api.raw.caseTypes.create({ name: 'X', statuses: [], fields: [{ key: 'kind', label: 'Kind', type: 'single_select' }] }));
    expect(error.code).toBe('INVALID_INPUT');
    expect((error.details as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual(['fields.0.options', 'statuses']);
    expect(await api.caseTypes.list()).toEqual([]);
  });
});

describe('campaigns procedures', () => {
  it('creates, lists by name and updates only the fields given, announcing each write', async () => {
    const { api, changed } = start();
    const type = await api.caseTypes.create(AUTO);
    const radio = await api.campaigns.create({ name: 'Radio', caseTypeId: type.id });
    const billboards = await api.campaigns.create({ name: 'billboards' });
    expect(radio).toMatchObject({ name: 'Radio', caseTypeId: type.id, active: true, isDemo: false });
    expect((await api.campaigns.list()).map((c) => c.name)).toEqual(['billboards', 'Radio']);

    changed.length = 0;
    const paused = await api.campaigns.update({ id: radio.id, active: false });
    expect(paused).toEqual({ ...radio, active: false });
    expect(changed).toEqual([['campaigns']]);
    const untied = await api.campaigns.update({ id: radio.id, caseTypeId: null });
    expect(untied).toEqual({ ...radio, active: false, caseTypeId: null });
    expect(await api.campaigns.update({ id: billboards.id })).toEqual(billboards);
  });

  it('refuses a name already used (any letter case), an unknown case type and an unknown id, changing nothing', async () => {
    const { api, rows } = start();
    const radio = await api.campaigns.create({ name: 'Radio' });
    const tv = await api.campaigns.create({ name: 'TV' });
    const before = rows('campaigns');

    const dup = await refusal(api.raw.campaigns.create({ name: 'RADIO' }));
    expect(dup).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('"Radio"') });
    expect(await refusal(api.raw.campaigns.update({ id: tv.id, name: 'radio' }))).toMatchObject({ code: 'CONFLICT' });

    const type = await refusal(api.raw.campaigns.update({ id: radio.id, caseTypeId: 'nope' }));
    expect(type).toMatchObject({ code: 'UNPROCESSABLE', details: { valid: [], issues: [{ path: 'caseTypeId' }] } });
    expect(await refusal(api.raw.campaigns.update({ id: 'nope', active: false }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(api.raw.campaigns.update({ id: radio.id, colour: 'red' }))).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('colour') });
    expect(rows('campaigns')).toEqual(before);
  });
});

describe('agents procedures', () => {
  it('creates and updates agents with their campaign and booking event type', async () => {
    const { api, changed } = start();
    const radio = await api.campaigns.create({ name: 'Radio' });
    const agent = await api.agents.create({ name: 'Intake Ava', campaignId: radio.id });
    expect(agent).toMatchObject({ name: 'Intake Ava', campaignId: radio.id, appointmentBooking: false, eventTypeId: null });
    changed.length = 0;
    const booking = await api.agents.update({ id: agent.id, appointmentBooking: true, eventTypeId: 3685354 });
    expect(booking).toEqual({ ...agent, appointmentBooking: true, eventTypeId: 3685354 });
    expect(changed).toEqual([['agents']]);
    expect(await api.agents.list()).toEqual([booking]);
  });

  it('refuses booking without an event type, an unknown campaign and a bad event type, naming the field', async () => {
    const { api, rows } = start();
    const agent = await api.agents.create({ name: 'Ava' });
    const before = rows('agents');
    const noType = await refusal(api.raw.agents.update({ id: agent.id, appointmentBooking: true }));
    expect(noType).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('Event Type ID'), details: { issues: [{ path: 'eventTypeId' }] } });
    const campaign = await refusal(api.raw.agents.create({ name: 'Bob', campaignId: 'nope' }));
    expect(campaign).toMatchObject({ code: 'UNPROCESSABLE', details: { valid: [], issues: [{ path: 'campaignId' }] } });
    const badType = await refusal(api.raw.agents.create({ name: 'Bob', appointmentBooking: true, eventTypeId: -3 }));
    expect(badType).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'eventTypeId' }] } });
    expect(rows('agents')).toEqual(before);
  });
});

describe('workspace.summary', () => {
  it('counts every kind of record and the demo rows among them', async () => {
    const { api, core } = start();
    expect(await api.workspace.summary()).toEqual({ caseTypes: 0, campaigns: 0, agents: 0, clients: 0, cases: 0, demoRecords: 0 });
    await api.caseTypes.create(AUTO);
    core.workspace.caseTypes.create({ name: 'Demo Type', statuses: ['Open'] }, { isDemo: true });
    await api.campaigns.create({ name: 'Radio' });
    await api.agents.create({ name: 'Ava' });
    const { records } = core.workspace;
    records.upsertClient({ firstName: 'Jane' }, { origin: 'import' });
    records.upsertClient({ firstName: 'Demo' }, { origin: 'demo', isDemo: true });
    records.upsertCase({ name: 'Demo case', caseType: 'Demo Type', status: 'Open' }, { origin: 'demo', isDemo: true });
    expect(await api.workspace.summary()).toEqual({ caseTypes: 2, campaigns: 1, agents: 1, clients: 2, cases: 1, demoRecords: 3 });
  });
});
