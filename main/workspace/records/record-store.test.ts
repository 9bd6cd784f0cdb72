import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { AppError } from '../../../shared/result';
import { startWorkspaceCore } from '../workspace-test-fixture';

const cleanup = useCleanup();

function start() {
  const w = cleanup.use(startWorkspaceCore());
  const { caseTypes, records } = w.core.workspace;
  caseTypes.create({
    name: 'Auto Accident',
    statuses: ['New Lead', 'Signed', 'Closed'],
    fields: [
      { key: 'policy_limit', label: 'Policy limit', type: 'number' },
      { key: 'injured', label: 'Injured', type: 'yes_no' },
      { key: 'venue', label: 'Venue', type: 'single_select', options: ['Miami-Dade', 'Broward'] },
    ],
  });
  caseTypes.create({ name: 'Medical Malpractice', statuses: ['Review', 'Closed'] });
  const changes = () =>
    w.core.database.sqlite.prepare('SELECT entity, entity_id AS entityId, version, kind, changes, origin FROM record_changes ORDER BY seq').all() as {
      entity: string;
      entityId: string;
      version: number;
      kind: string;
      changes: string;
      origin: string;
    }[];
  return { ...w, records, caseTypes, changes };
}

/** Runs `work` and returns the AppError it throws. */
function thrown(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

const jane = { externalSource: 'lawruler', externalId: 'C-1', firstName: 'Jane', lastName: 'Doe', phones: ['+1 305 555 0100'] };

describe('record store: clients', () => {
  it('creates, updates and leaves unchanged by external reference, with a change row per change', () => {
    const { records, changes, clock } = start();
    const created = records.upsertClient(jane, { origin: 'import' });
    expect(created.outcome).toBe('created');
    expect(created.client).toMatchObject({ firstName: 'Jane', lastName: 'Doe', version: 1, externalId: 'C-1' });

    expect(records.upsertClient(jane, { origin: 'import' }).outcome).toBe('unchanged');
    clock.advance(1_000);
    const updated = records.upsertClient({ ...jane, emails: ['jane@example.com'] }, { origin: 'lawruler' });
    expect(updated).toMatchObject({ outcome: 'updated', client: { id: created.client.id, version: 2, emails: ['jane@example.com'] } });
    expect(updated.client.updatedAt > created.client.updatedAt).toBe(true);

    const rows = changes();
    expect(rows.map((r) => [r.kind, r.version, r.origin])).toEqual([
      ['created', 1, 'import'],
      ['updated', 2, 'lawruler'],
    ]);
    expect(JSON.parse(rows[1]!.changes)).toEqual({ emails: { old: [], new: ['jane@example.com'] } });
    expect(JSON.parse(rows[0]!.changes).firstName).toEqual({ old: null, new: 'Jane' });
  });

  it('refuses an invalid client naming the field, storing nothing', () => {
    const { records, rows } = start();
    const error = thrown(() => records.upsertClient({ firstName: ' ', emails: ['not-an-email'] }, { origin: 'ingest' }));
    expect(error.code).toBe('INVALID_INPUT');
    expect((error.details as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual(['emails.0', 'firstName']);
    expect(rows('clients')).toEqual([]);
    expect(rows('record_changes')).toEqual([]);
  });

  it('updates a client without an external reference by its id; refuses an unknown id or a bad value, keeping what was stored', () => {
    const { records, changes } = start();
    const made = records.upsertClient({ firstName: 'Lou', lastName: 'Reed' }, { origin: 'console' }).client;
    const updated = records.updateClient(made.id, { firstName: 'Louis', lastName: 'Reed', emails: ['lou@example.com'] }, { origin: 'smartadvocate' });
    expect(updated).toMatchObject({ outcome: 'updated', client: { id: made.id, firstName: 'Louis', version: 2, externalSource: null } });
    expect(records.updateClient(made.id, { firstName: 'Louis', lastName: 'Reed', emails: ['lou@example.com'] }, { origin: 'smartadvocate' }).outcome).toBe('unchanged');
    expect(changes().map((r) => [r.kind, r.version, r.origin])).toEqual([
      ['created', 1, 'console'],
      ['updated', 2, 'smartadvocate'],
    ]);

    expect(thrown(() => records.updateClient('nope', { firstName: 'X' }, { origin: 'console' }))).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/nope/) });
    const refused = thrown(() => records.updateClient(made.id, { firstName: 'Louis', emails: ['lou at example'] }, { origin: 'smartadvocate' }));
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toMatch(/emails/);
    expect(records.getClient(made.id)).toMatchObject({ firstName: 'Louis', emails: ['lou@example.com'], version: 2 });
    expect(changes()).toHaveLength(2);
  });
});

describe('record store: cases', () => {
  it('creates a case with the next case number, then reports unchanged and updated with old → new', () => {
    const { records, changes } = start();
    const first = records.upsertCase({ name: 'Doe v. Geico', caseType: 'auto accident', status: 'new lead' }, { origin: 'ingest' });
    expect(first.outcome).toBe('created');
    expect(first.case).toMatchObject({ caseNumber: 'K-000001', caseType: 'Auto Accident', status: 'New Lead', version: 1 });
    const second = records.upsertCase({ name: 'Roe v. Allstate', caseType: 'Auto Accident', status: 'New Lead' }, { origin: 'ingest' });
    expect(second.case.caseNumber).toBe('K-000002');

    const same = records.upsertCase({ caseNumber: 'K-000001', name: 'Doe v. Geico', caseType: 'Auto Accident', status: 'New Lead' }, { origin: 'import' });
    expect(same).toMatchObject({ outcome: 'unchanged', case: { version: 1 } });
    const moved = records.upsertCase({ caseNumber: 'K-000001', name: 'Doe v. Geico', caseType: 'Auto Accident', status: 'Signed' }, { origin: 'import' });
    expect(moved).toMatchObject({ outcome: 'updated', case: { version: 2, status: 'Signed' } });

    const rows = changes().filter((r) => r.entityId === first.case.id);
    expect(rows.map((r) => [r.kind, r.version, r.origin])).toEqual([
      ['created', 1, 'ingest'],
      ['updated', 2, 'import'],
    ]);
    expect(JSON.parse(rows[1]!.changes)).toEqual({ status: { old: 'New Lead', new: 'Signed' } });
  });

  it('numbers a new case past numbers that imported cases already hold', () => {
    const { records } = start();
    records.upsertCase({ caseNumber: 'K-000002', name: 'Imported', caseType: 'Auto Accident', status: 'New Lead' }, { origin: 'import' });
    records.upsertCase({ caseNumber: 'K-000003', name: 'Imported too', caseType: 'Auto Accident', status: 'New Lead' }, { origin: 'import' });
    const fresh = records.upsertCase({ name: 'New from a call', caseType: 'Auto Accident', status: 'New Lead' }, { origin: 'ingest' });
    expect(fresh).toMatchObject({ outcome: 'created', case: { caseNumber: 'K-000004' } });
  });

  it('matches by external reference before case number', () => {
    const { records } = start();
    const ref = { externalSource: 'smartadvocate', externalId: 'SA-77' };
    const a = records.upsertCase({ ...ref, name: 'A', caseType: 'Auto Accident', status: 'New Lead' }, { origin: 'smartadvocate' });
    const b = records.upsertCase({ ...ref, name: 'A renamed', caseType: 'Auto Accident', status: 'New Lead' }, { origin: 'smartadvocate' });
    expect(b).toMatchObject({ outcome: 'updated', case: { id: a.case.id, name: 'A renamed', externalId: 'SA-77' } });
  });

  it('refuses an unknown case type or status as UNPROCESSABLE listing the valid values, storing nothing', () => {
    const { records, rows } = start();
    const type = thrown(() => records.upsertCase({ name: 'X', caseType: 'Dog Bite', status: 'New Lead' }, { origin: 'ingest' }));
    expect(type.code).toBe('UNPROCESSABLE');
    expect(type.message).toContain('Dog Bite');
    expect(type.details).toMatchObject({ valid: ['Auto Accident', 'Medical Malpractice'], issues: [{ path: 'caseType' }] });

    const status = thrown(() => records.upsertCase({ name: 'X', caseType: 'Medical Malpractice', status: 'Signed' }, { origin: 'ingest' }));
    expect(status.code).toBe('UNPROCESSABLE');
    expect(status.details).toMatchObject({ valid: ['Review', 'Closed'], issues: [{ path: 'status' }] });
    expect(rows('cases')).toEqual([]);
    expect(rows('record_changes')).toEqual([]);
  });

  it('normalises custom values and refuses bad ones with the field named, keeping what was stored', () => {
    const { records, clock } = start();
    const created = records.upsertCase(
      { caseNumber: 'K-9', name: 'Doe', caseType: 'Auto Accident', status: 'New Lead', customValues: { policy_limit: ' 25000 ', injured: 'yes', venue: 'broward' } },
      { origin: 'import' },
    );
    expect(created.case.customValues).toEqual({ injured: true, policy_limit: 25000, venue: 'Broward' });

    clock.advance(1_000);
    const bad = thrown(() =>
      records.upsertCase({ caseNumber: 'K-9', name: 'Doe', caseType: 'Auto Accident', status: 'Signed', customValues: { policy_limit: 'a lot', colour: 'red' } }, { origin: 'import' }),
    );
    expect(bad.code).toBe('UNPROCESSABLE');
    expect((bad.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['customValues.policy_limit', 'customValues.colour']);
    expect(records.getCase(created.case.id)).toEqual(created.case);

    // A value given replaces its key, null clears one, keys not mentioned are kept.
    const edited = records.upsertCase(
      { caseNumber: 'K-9', name: 'Doe', caseType: 'Auto Accident', status: 'New Lead', customValues: { policy_limit: 50000, venue: null } },
      { origin: 'console' },
    );
    expect(edited.case.customValues).toEqual({ injured: true, policy_limit: 50000 });
    expect(records.history('case', created.case.id).changes[0]!.changes).toEqual({
      customValues: { old: { injured: true, policy_limit: 25000, venue: 'Broward' }, new: { injured: true, policy_limit: 50000 } },
    });
  });

  it('links clients by id or external reference, primary first, and refuses unknown ones', () => {
    const w = start();
    const { records, rows } = w;
    const a = records.upsertClient(jane, { origin: 'import' }).client;
    const b = records.upsertClient({ firstName: 'John', lastName: 'Doe' }, { origin: 'import' }).client;
    const linked = records.upsertCase(
      { name: 'Doe', caseType: 'Auto Accident', status: 'New Lead', clientIds: [b.id], clients: [{ externalSource: 'lawruler', externalId: 'C-1' }] },
      { origin: 'import' },
    );
    expect(linked.case.clientIds).toEqual([b.id, a.id]);
    const links = w.core.database.sqlite.prepare('SELECT client_id, is_primary FROM case_clients WHERE case_id = ? ORDER BY is_primary DESC').all(linked.case.id);
    expect(links).toEqual([
      { client_id: b.id, is_primary: 1 },
      { client_id: a.id, is_primary: 0 },
    ]);

    const unknown = thrown(() =>
      records.upsertCase({ name: 'Other', caseType: 'Auto Accident', status: 'New Lead', clients: [{ externalSource: 'lawruler', externalId: 'nope' }] }, { origin: 'import' }),
    );
    expect(unknown).toMatchObject({ code: 'UNPROCESSABLE', message: expect.stringContaining('lawruler/nope') });
    expect(rows('cases')).toHaveLength(1);
  });

  it('refuses a status change against a stale version, changing nothing', () => {
    const { records, rows } = start();
    const c = records.upsertCase({ name: 'Doe', caseType: 'Auto Accident', status: 'New Lead' }, { origin: 'ingest' }).case;
    records.setCaseStatus(c.id, 'Signed', { origin: 'console' }, 1);
    const before = rows('cases');
    const stale = thrown(() => records.setCaseStatus(c.id, 'Closed', { origin: 'console' }, 1));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toMatch(/reload/i);
    expect(rows('cases')).toEqual(before);
    expect(records.history('case', c.id).changes.map((h) => h.version)).toEqual([2, 1]);
  });
});

describe('record store: transactions', () => {
  it('a failing write in a batch leaves neither the record nor its change row, and announces nothing', () => {
    const { records, rows, changed } = start();
    expect(() =>
      records.batch(() => {
        records.upsertClient(jane, { origin: 'import' });
        records.upsertCase({ name: 'Doe', caseType: 'Auto Accident', status: 'New Lead' }, { origin: 'import' });
        records.upsertCase({ name: 'Bad', caseType: 'Auto Accident', status: 'Nope' }, { origin: 'import' });
      }),
    ).toThrow(/Unknown status/);
    expect(rows('clients')).toEqual([]);
    expect(rows('cases')).toEqual([]);
    expect(rows('record_changes')).toEqual([]);
    expect(changed).toEqual([]);
  });

  it('a committed batch writes every record with its change row and announces the tables once', () => {
    const { records, rows, changed } = start();
    records.batch(() => {
      records.upsertClient(jane, { origin: 'import' });
      records.upsertCase({ name: 'Doe', caseType: 'Auto Accident', status: 'New Lead' }, { origin: 'import' });
    });
    expect(rows('clients')).toHaveLength(1);
    expect(rows('cases')).toHaveLength(1);
    expect(rows('record_changes')).toHaveLength(2);
    expect(changed).toEqual([['cases', 'clients', 'record_changes']]);
  });

  it('a dry run reports what would happen and changes nothing', () => {
    const { records, rows, changed } = start();
    records.upsertClient(jane, { origin: 'import' });
    changed.length = 0;
    const before = { clients: rows('clients'), changes: rows('record_changes') };
    const outcomes = records.dryRun(() => [
      records.upsertClient({ ...jane, lastName: 'Smith' }, { origin: 'import' }).outcome,
      records.upsertClient({ firstName: 'New', lastName: 'Person' }, { origin: 'import' }).outcome,
      records.upsertCase({ name: 'Doe', caseType: 'Auto Accident', status: 'New Lead' }, { origin: 'import' }).outcome,
    ]);
    expect(outcomes).toEqual(['updated', 'created', 'created']);
    expect(rows('clients')).toEqual(before.clients);
    expect(rows('record_changes')).toEqual(before.changes);
    expect(rows('cases')).toEqual([]);
    expect(changed).toEqual([]);
  });
});
