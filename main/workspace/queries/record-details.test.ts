import { describe, expect, it } from 'vitest';
import { refusal } from '../../test-support/api';
import { useCleanup } from '../../test-support/use-cleanup';
import { startWorkspaceCore } from '../workspace-test-fixture';

const cleanup = useCleanup();

async function startWithCase() {
  const w = cleanup.use(startWorkspaceCore());
  const type = await w.api.caseTypes.create({
    name: 'Auto Accident',
    statuses: ['New Lead', 'Signed'],
    fields: [{ key: 'policy_limit', label: 'Policy limit', type: 'number' }],
  });
  const radio = await w.api.campaigns.create({ name: 'Radio' });
  const { records } = w.core.workspace;
  const jane = records.upsertClient({ firstName: 'Jane', lastName: 'Doe', externalSource: 'lawruler', externalId: 'C-1' }, { origin: 'ingest' }).client;
  const john = records.upsertClient({ firstName: 'John', lastName: 'Doe' }, { origin: 'ingest' }).client;
  w.clock.advance(1_000);
  const created = records.upsertCase(
    { name: 'Doe v. Geico', caseType: 'Auto Accident', status: 'New Lead', campaignId: radio.id, clientIds: [jane.id, john.id], customValues: { policy_limit: 1000 } },
    { origin: 'ingest' },
  ).case;
  const other = records.upsertCase({ name: 'Roe v. Doe', caseType: 'Auto Accident', status: 'New Lead', clientIds: [john.id] }, { origin: 'import' }).case;
  return { ...w, type, radio, jane, john, created, other };
}

describe('cases.get', () => {
  it('shows the newest 200 changes of a long history and says how many there are', async () => {
    const { api, created, core } = await startWithCase();
    const { records } = core.workspace;
    for (let i = 0; i < 205; i += 1) records.setCaseStatus(created.id, i % 2 === 0 ? 'Signed' : 'New Lead', { origin: 'console' });
    const detail = await api.cases.get({ id: created.id });
    expect(detail.history).toHaveLength(200);
    expect(detail.historyTotal).toBe(206);
    expect(detail.history[0]!.version).toBe(206);
  });

  it('returns the case with its clients (primary first), case type, campaign and history newest first', async () => {
    const { api, clock, created, type, radio, jane, john } = await startWithCase();
    clock.advance(1_000);
    await api.cases.setStatus({ id: created.id, status: 'Signed', expectedVersion: 1 });
    const detail = await api.cases.get({ id: created.id });
    expect(detail.case).toMatchObject({ id: created.id, status: 'Signed', version: 2, customValues: { policy_limit: 1000 } });
    expect(detail.caseType).toEqual(type);
    expect(detail.campaign).toEqual(radio);
    expect(detail.clients.map((c) => c.id)).toEqual([jane.id, john.id]);
    expect(detail.history.map((h) => [h.version, h.kind, h.origin])).toEqual([
      [2, 'updated', 'console'],
      [1, 'created', 'ingest'],
    ]);
    expect(detail.history[0]!.changes).toEqual({ status: { old: 'New Lead', new: 'Signed' } });
    expect(detail.history[0]!.at).toBe('2025-03-01T09:00:02.000Z');
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const { api } = await startWithCase();
    expect(await refusal(api.raw.cases.get({ id: 'nope' }))).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('nope') });
  });
});

describe('clients.get', () => {
  it('returns the client with their cases (marking where they are primary) and their history', async () => {
    const { api, core, clock, jane, john, created, other } = await startWithCase();
    const detail = await api.clients.get({ id: john.id });
    expect(detail.client).toEqual(john);
    expect(detail.cases).toEqual([
      { id: other.id, caseNumber: other.caseNumber, name: 'Roe v. Doe', caseType: 'Auto Accident', status: 'New Lead', primary: true },
      { id: created.id, caseNumber: created.caseNumber, name: 'Doe v. Geico', caseType: 'Auto Accident', status: 'New Lead', primary: false },
    ]);
    expect(detail.history.map((h) => [h.kind, h.origin])).toEqual([['created', 'ingest']]);

    clock.advance(1_000);
    core.workspace.records.upsertClient({ firstName: 'Jane', lastName: 'Doe-Smith', externalSource: 'lawruler', externalId: 'C-1' }, { origin: 'lawruler' });
    const janeDetail = await api.clients.get({ id: jane.id });
    expect(janeDetail.client).toMatchObject({ lastName: 'Doe-Smith', version: 2 });
    expect(janeDetail.cases.map((c) => [c.caseNumber, c.primary])).toEqual([[created.caseNumber, true]]);
    expect(janeDetail.history.map((h) => [h.version, h.origin, h.changes])).toEqual([
      [2, 'lawruler', { lastName: { old: 'Doe', new: 'Doe-Smith' } }],
      [1, 'ingest', expect.objectContaining({ firstName: { old: null, new: 'Jane' } })],
    ]);
    expect(await api.clients.get({ id: 'nope' }).catch((e: Error) => e.message)).toMatch(/NOT_FOUND/);
  });
});
