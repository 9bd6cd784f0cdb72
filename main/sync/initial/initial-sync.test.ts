// The initial sync on a real core and the real SmartAdvocate simulator: the match preview (counts by key, the
// ambiguous record with its candidates, the selective sync obeyed, nothing written anywhere), the run to its end
// (links, Kayse cases created with the CRM as origin, Kayse-only cases created in the CRM once, progress events, a
// second run finding everything linked), and cancel (stops after the page under way, what was done consistent).
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { watchTasks, waitForTask } from '../../test-support/tasks';
import { runKeychain, startInitialTest, type InitialTest } from './test-initial';

const cleanup = useCleanup();

const e164 = (phone: string) => `+1${phone.replace(/\D/g, '').slice(-10)}`;

/** Kayse data made before connecting: one match by each key, an ambiguous pair, and three Kayse-only cases. */
function kayseData(t: InitialTest, records: number) {
  const all = Array.from({ length: records }, (_, k) => t.crmCase(k));
  const withEmail = all.filter((r) => r.contact.email);
  const byEmail = withEmail[0]!;
  const ambiguous = withEmail[1]!;
  const byPhone = all.find((r) => r.contact.phone && r !== byEmail && r !== ambiguous)!;
  const byNumber = all.find((r) => ![byEmail, ambiguous, byPhone].includes(r))!;
  const k1 = t.kayseCase(t.client({ firstName: 'Email', email: byEmail.contact.email!.toUpperCase() }));
  const k2 = t.kayseCase(t.client({ firstName: 'Phone', phone: e164(byPhone.contact.phone!) }));
  const k3 = t.kayseCase(t.client({ firstName: 'Number', email: 'number@kayse.example' }), { caseNumber: byNumber.caseNumber });
  const k4 = t.kayseCase(t.client({ firstName: 'Twin', email: ambiguous.contact.email! }));
  const k5 = t.kayseCase(t.client({ firstName: 'Twin', email: ambiguous.contact.email! }), { caseType: 'Dog Bite' });
  const only = [
    t.kayseCase(t.client({ firstName: 'Only', email: 'only1@kayse.example' })),
    t.kayseCase(t.client({ firstName: 'Only', email: 'only2@kayse.example' })),
    t.kayseCase(t.client({ firstName: 'Only', email: 'only3@kayse.example' }), { caseType: 'Dog Bite' }),
  ];
  return { all, byEmail, byPhone, byNumber, ambiguous, k1, k2, k3, k4, k5, only };
}

describe.skipIf(!runKeychain)('initial sync', () => {
  it('previews the matches by key, lists the ambiguous record with its candidates, obeys the selective sync, and writes nothing', async () => {
    const t = cleanup.use(await startInitialTest({ records: 30 }));
    const d = kayseData(t, 30);
    await t.connect();
    const linksBefore = t.count('sync_links');
    const requestsBefore = t.smartadvocate.requests().length;

    const before = t.totalChanges();
    const preview = await t.core.api.sync.initialPreview({ crm: 'smartadvocate' });
    expect(t.totalChanges()).toBe(before);
    expect(preview).toMatchObject({
      crmRecords: 30,
      alreadyLinked: 0,
      wouldLink: { total: 3, caseNumber: 1, email: 1, phone: 1 },
      wouldCreateInKayse: 26,
      wouldCreateInCrm: 3,
      skipped: 0,
      noCaseType: { crm: 0, kayse: 0 },
    });
    expect(preview.ambiguous.total).toBe(1);
    expect(preview.ambiguous.records).toEqual([
      {
        crmRecordId: d.ambiguous.caseID,
        crmCaseNumber: d.ambiguous.caseNumber,
        name: `${d.ambiguous.contact.firstName} ${d.ambiguous.contact.lastName}`,
        key: 'email',
        candidates: [d.k4, d.k5].map((c) => ({ caseId: c.id, caseNumber: c.caseNumber, name: c.name })),
      },
    ]);

    // Only Auto Accident cases: the other CRM records and the Dog Bite Kayse-only case are left out.
    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', selective: { caseTypeIds: [t.auto.id] } });
    const autoCrmOnly = d.all.filter((r) => ![d.byEmail, d.byPhone, d.byNumber, d.ambiguous].includes(r) && r.caseTypeId === '1249').length;
    const mark = t.totalChanges();
    const filtered = await t.core.api.sync.initialPreview({ crm: 'smartadvocate' });
    expect(t.totalChanges()).toBe(mark);
    expect(filtered).toMatchObject({ wouldLink: { total: 3 }, wouldCreateInKayse: autoCrmOnly, wouldCreateInCrm: 2, skipped: 26 - autoCrmOnly + 1 });

    // Nothing written in the CRM either: the previews only listed.
    expect(t.count('sync_links')).toBe(linksBefore);
    expect(t.count('sync_initial_jobs')).toBe(0);
    expect(t.saWrites()).toEqual([]);
    expect(t.smartadvocate.created()).toEqual([]);
    expect(new Set(t.smartadvocate.requests().slice(requestsBefore).map((r) => r.operation))).not.toContain('CreateCase');
  });

  it('runs to the end: links by key, creates CRM-only records in Kayse (origin SmartAdvocate) and Kayse-only ones in the CRM once, with progress', async () => {
    const t = cleanup.use(await startInitialTest({ records: 30 }));
    const d = kayseData(t, 30);
    await t.connect();

    const run = await waitForTask(t.core.events, async () => {
      const job = await t.core.api.sync.initialStart({ crm: 'smartadvocate' });
      return { ...job, taskId: job.taskId! };
    });
    const job = (await t.core.api.sync.initialStatus({ crm: 'smartadvocate' })).job!;
    // The three matched records changed in SmartAdvocate during the run (Kayse's values sent): listed once more at
    // the end, found linked.
    expect(job).toMatchObject({ state: 'done', phase: 'kayse', counts: { read: 33, linked: 3, createdInKayse: 26, createdInCrm: 3, ambiguous: 1, alreadyLinked: 3, failed: 0 } });
    expect(job.ambiguous.map((a) => a.crmRecordId)).toEqual([d.ambiguous.caseID]);
    // In the run history once, as an initial sync.
    const history = await t.core.api.sync.runs({ crm: 'smartadvocate' });
    expect(history.runs.filter((r) => r.trigger === 'initial')).toEqual([
      expect.objectContaining({ id: job.id, direction: 'both', outcome: 'ok', counts: expect.objectContaining({ read: 33, created: 29, updated: 3, errors: 0 }) }),
    ]);

    // Progress: after every CRM page (at most 10 records each), then the Kayse cases, then finished.
    const reading = run.progress.filter((p) => p.phase === 'reading CRM records').map((p) => p.done);
    expect(reading.length).toBeGreaterThanOrEqual(3);
    expect(reading.every((done, i) => done > (reading[i - 1] ?? 0) && done - (reading[i - 1] ?? 0) <= 10)).toBe(true);
    expect(reading.at(-1)).toBeLessThan(33);
    expect(Math.max(...run.progress.map((p) => p.done))).toBe(36); // 33 read, 3 sent
    expect(run.progress.some((p) => p.phase === 'sending Kayse cases to the CRM')).toBe(true);
    expect(run.progress.at(-1)).toMatchObject({ finished: true, error: null });

    const store = t.core.sync.push.store;
    expect(store.link('smartadvocate', d.k1.id)?.crmRecordId).toBe(d.byEmail.caseID);
    expect(store.link('smartadvocate', d.k2.id)?.crmRecordId).toBe(d.byPhone.caseID);
    expect(store.link('smartadvocate', d.k3.id)?.crmRecordId).toBe(d.byNumber.caseID);
    expect(store.link('smartadvocate', d.k4.id)).toBeNull();
    expect(store.link('smartadvocate', d.k5.id)).toBeNull();
    // Matched cases are decided as the pull decides (a first sync: most recent change wins, and Kayse's cases were
    // made after the CRM's were last modified): Kayse's first name went to SmartAdvocate, the snapshot holds it.
    expect(t.smartadvocate.caseState(d.byEmail.caseID)!.contact.firstName).toBe('Email');
    expect(t.smartadvocate.caseState(d.byPhone.caseID)!.contact.firstName).toBe('Phone');
    expect(store.snapshot('smartadvocate', d.k1.id)?.crmValues['standard.first_name']).toBe('Email');
    expect(store.snapshot('smartadvocate', d.k1.id)?.kayseValues['client.first_name']).toBe('Email');

    // CRM-only records: a Kayse case each, made by SmartAdvocate (its history says so), linked.
    expect(t.count('cases', "external_source = 'smartadvocate'")).toBe(26);
    expect(t.count('record_changes', "entity = 'case' AND kind = 'created' AND origin = 'smartadvocate'")).toBe(26);
    const other = d.all.find((r) => ![d.byEmail, d.byPhone, d.byNumber, d.ambiguous].includes(r) && r.contact.email)!;
    const made = t.core.workspace.records.getCase(
      t.core.database.sqlite.prepare<[string], { id: string }>("SELECT id FROM cases WHERE external_source = 'smartadvocate' AND external_id = ?").get(other.caseID)!.id,
    )!;
    expect(made.name).toBe(`${other.contact.firstName} ${other.contact.lastName}`);
    expect(t.core.workspace.records.getClient(made.clientIds[0]!)!.emails).toEqual([other.contact.email]);
    expect(store.link('smartadvocate', made.id)?.crmRecordId).toBe(other.caseID);

    // Kayse-only cases: created in SmartAdvocate once each, with their marker, through the push's create path.
    const created = t.smartadvocate.created();
    expect(created).toHaveLength(3);
    expect(created.map((id) => t.smartadvocate.caseState(id)!.externalReference!.split('-')[1]).sort()).toEqual(d.only.map((c) => c.id).sort());
    expect(t.count('sync_create_intents')).toBe(0);
    expect(t.count('sync_links')).toBe(32);

    // The push sends nothing back for what the initial sync brought in (their origin is the CRM).
    await t.core.sync.push.idle();
    const writes = t.saWrites().length;
    await t.core.sync.push.idle();
    expect(t.saWrites().length).toBe(writes);
    expect(t.core.sync.pushStatus('smartadvocate').pending).toBe(0);

    // A second run finds everything linked and creates nothing anywhere.
    await waitForTask(t.core.events, async () => ({ taskId: (await t.core.api.sync.initialStart({ crm: 'smartadvocate' })).taskId! }));
    expect((await t.core.api.sync.initialStatus({ crm: 'smartadvocate' })).job).toMatchObject({
      state: 'done',
      counts: { read: 33, alreadyLinked: 32, linked: 0, createdInKayse: 0, createdInCrm: 0, ambiguous: 1 },
    });
    expect(t.smartadvocate.created()).toHaveLength(3);
    expect(t.count('cases', "external_source = 'smartadvocate'")).toBe(26);
  });

  it('cancel stops after the page under way and keeps what was done, consistent', async () => {
    const t = cleanup.use(await startInitialTest({ records: 80 }));
    await t.connect();
    t.smartadvocate.setFault({ kind: 'slow', ms: 150 });
    const watch = watchTasks(t.core.events);
    const started = await t.core.api.sync.initialStart({ crm: 'smartadvocate' });
    await new Promise<void>((resolve) => {
      const off = t.core.events.on('task.progress', (p) => {
        if (p.taskId === started.taskId && p.phase === 'reading CRM records') {
          off();
          resolve();
        }
      });
    });
    const cancelled = await t.core.api.sync.initialCancel({ crm: 'smartadvocate' });
    t.smartadvocate.setFault(null);
    watch.stop();

    expect(cancelled.job).toMatchObject({ state: 'cancelled', phase: 'crm' });
    const job = cancelled.job!;
    expect(job.pages).toBeGreaterThanOrEqual(1);
    expect(job.pages).toBeLessThanOrEqual(2);
    expect(job.counts.read).toBeGreaterThan(0);
    expect(job.counts.read).toBeLessThanOrEqual(job.pages * 10);
    expect(job.counts.read).toBeLessThan(80);
    // What was done is whole: every record read is linked or created, nothing else.
    expect(t.count('cases', "external_source = 'smartadvocate'")).toBe(job.counts.createdInKayse);
    expect(t.count('sync_links')).toBe(job.counts.createdInKayse + job.counts.linked);
    expect(job.counts.createdInKayse + job.counts.skipped).toBe(job.counts.read);
    expect(watch.of(started.taskId!).at(-1)).toMatchObject({ finished: true, phase: 'done' });
    expect(watch.of(started.taskId!).some((p) => p.phase === 'cancelled')).toBe(true);
  });
});
