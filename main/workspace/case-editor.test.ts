import { describe, expect, it } from 'vitest';
import { refusal } from '../test-support/api';
import { useCleanup } from '../test-support/use-cleanup';
import { startWorkspaceCore } from './workspace-test-fixture';

const cleanup = useCleanup();

async function startWithCase() {
  const w = cleanup.use(startWorkspaceCore());
  const type = await w.api.caseTypes.create({
    name: 'Auto Accident',
    statuses: ['New Lead', 'Signed', 'Closed'],
    fields: [
      { key: 'policy_limit', label: 'Policy limit', type: 'number' },
      { key: 'venue', label: 'Venue', type: 'single_select', options: ['Miami-Dade', 'Broward'] },
    ],
  });
  const created = w.core.workspace.records.upsertCase(
    { name: 'Doe v. Geico', caseType: 'Auto Accident', status: 'New Lead', externalSource: 'lawruler', externalId: 'LR-1', customValues: { venue: 'Broward' } },
    { origin: 'lawruler' },
  ).case;
  w.changed.length = 0;
  return { ...w, type, created };
}

describe('cases.setStatus', () => {
  it('moves a case by status name or id, as a console change, and announces it', async () => {
    const { api, created, type, changed } = await startWithCase();
    const signed = await api.cases.setStatus({ id: created.id, status: 'signed', expectedVersion: 1 });
    expect(signed).toMatchObject({ status: 'Signed', version: 2 });
    const closed = await api.cases.setStatus({ id: created.id, status: type.statuses[2]!.id, expectedVersion: 2 });
    expect(closed).toMatchObject({ status: 'Closed', version: 3 });
    const { history } = await api.cases.get({ id: created.id });
    expect(history[0]).toMatchObject({ origin: 'console', version: 3, changes: { status: { old: 'Signed', new: 'Closed' } } });
    expect(changed).toEqual([
      ['cases', 'clients', 'record_changes'],
      ['cases', 'clients', 'record_changes'],
    ]);
  });

  it('refuses a change made on a stale version with CONFLICT saying to reload, changing nothing', async () => {
    const { api, created, rows } = await startWithCase();
    await api.cases.setStatus({ id: created.id, status: 'Signed', expectedVersion: 1 });
    const before = { cases: rows('cases'), changes: rows('record_changes') };
    const stale = await refusal(api.raw.cases.setStatus({ id: created.id, status: 'Closed', expectedVersion: 1 }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toMatch(/Reload/);
    expect(stale.details).toEqual({ currentVersion: 2, expectedVersion: 1 });
    expect(rows('cases')).toEqual(before.cases);
    expect(rows('record_changes')).toEqual(before.changes);
  });

  it('refuses an unknown status listing the valid ones, and an unknown case as NOT_FOUND', async () => {
    const { api, created } = await startWithCase();
    expect(await refusal(api.raw.cases.setStatus({ id: created.id, status: 'Won', expectedVersion: 1 }))).toMatchObject({
      code: 'UNPROCESSABLE',
      details: { valid: ['New Lead', 'Signed', 'Closed'] },
    });
    expect(await refusal(api.raw.cases.setStatus({ id: 'nope', status: 'Signed', expectedVersion: 1 }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(api.raw.cases.setStatus({ id: created.id, status: 'Signed' }))).toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [{ path: 'expectedVersion' }] },
    });
  });
});

describe('cases.update', () => {
  it('renames and changes custom values, keeping values not mentioned, as one console change', async () => {
    const { api, created } = await startWithCase();
    const updated = await api.cases.update({ id: created.id, expectedVersion: 1, name: 'Doe v. Geico Insurance', customValues: { policy_limit: '50000' } });
    expect(updated).toMatchObject({
      id: created.id,
      name: 'Doe v. Geico Insurance',
      version: 2,
      status: 'New Lead',
      externalId: 'LR-1',
      customValues: { policy_limit: 50000, venue: 'Broward' },
    });
    const cleared = await api.cases.update({ id: created.id, expectedVersion: 2, customValues: { venue: null } });
    expect(cleared.customValues).toEqual({ policy_limit: 50000 });
    const { history } = await api.cases.get({ id: created.id });
    expect(history.map((h) => [h.version, h.origin, Object.keys(h.changes)])).toEqual([
      [3, 'console', ['customValues']],
      [2, 'console', ['name', 'customValues']],
      [1, 'lawruler', expect.arrayContaining(['name', 'status'])],
    ]);
  });

  it('changes nothing when nothing differs', async () => {
    const { api, created, rows } = await startWithCase();
    const before = rows('record_changes');
    expect(await api.cases.update({ id: created.id, expectedVersion: 1, name: 'Doe v. Geico' })).toEqual(created);
    expect(rows('record_changes')).toEqual(before);
  });

  it('refuses a bad value naming the field, a stale version, and an empty name, losing nothing stored', async () => {
    const { api, created, rows } = await startWithCase();
    const before = { cases: rows('cases'), changes: rows('record_changes') };
    const bad = await refusal(api.raw.cases.update({ id: created.id, expectedVersion: 1, customValues: { policy_limit: 'lots', venue: 'Orange' } }));
    expect(bad.code).toBe('UNPROCESSABLE');
    expect((bad.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['customValues.policy_limit', 'customValues.venue']);
    expect(await refusal(api.raw.cases.update({ id: created.id, expectedVersion: 5, name: 'X' }))).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Reload/) });
    expect(await refusal(api.raw.cases.update({ id: created.id, expectedVersion: 1, name: '  ' }))).toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [{ path: 'name' }] },
    });
    expect(rows('cases')).toEqual(before.cases);
    expect(rows('record_changes')).toEqual(before.changes);
  });
});
