// Messages and call records as CRM notes, on a real core and the SmartAdvocate simulator: message_sent and
// call_analyzed events of a linked case become one note each (the call's summary in it), never twice (another
// pass, a restart); an event of a case not linked yet waits for the link; the toggles choose which go.
import { describe, expect, it, vi } from 'vitest';
import { sampleEvent } from '../../ingest/sample-events';
import { useCleanup } from '../../test-support/use-cleanup';
import { runKeychain, startRunTest, type RunTest } from './test-runs';

const cleanup = useCleanup();

const post = (t: RunTest, type: 'message_sent' | 'call_analyzed' | 'call_started', caseId: string, data: Record<string, unknown> = {}) =>
  t.core.ingest.accept(sampleEvent(type, { case_id: caseId, data: { ...(sampleEvent(type).data as object), ...data } }), { apiKeyId: null });

const addNotes = (t: RunTest) => t.smartadvocate.requests().filter((r) => r.operation === 'AddNote').length;

async function settle(t: RunTest) {
  await t.idle();
  await t.core.sync.runs.notesIdle();
}

describe.skipIf(!runKeychain)('sync notes', () => {
  it('a linked case’s message and call record become one note each, with the summary, and never again', async () => {
    const t = cleanup.use(await startRunTest());
    const kase = t.kayseCase(t.client('Ana'));
    await settle(t);
    const crmId = t.core.sync.push.store.link('smartadvocate', kase.id)!.crmRecordId;

    await post(t, 'message_sent', kase.id, { body: 'Your consultation is booked for Monday.' });
    await post(t, 'call_analyzed', kase.id, { summary: 'Rear-ended on I-5; neck pain; wants a callback.', outcome: 'qualified' });
    await post(t, 'call_started', kase.id);
    await vi.waitFor(() => expect(t.smartadvocate.rawNotesOf(crmId)).toHaveLength(2), { timeout: 5_000 });
    await settle(t);
    const notes = t.smartadvocate.rawNotesOf(crmId).join('\n');
    expect(notes).toMatch(/Your consultation is booked for Monday\./);
    expect(notes).toMatch(/Rear-ended on I-5; neck pain; wants a callback\./);
    expect(t.core.sync.runs.notesSent('smartadvocate')).toBe(2);

    // Another pass (a change of the case, another event) and a restart send neither again.
    await t.core.api.cases.update({ id: kase.id, expectedVersion: kase.version, name: 'Ana Rivera v. Bus Co' });
    await post(t, 'call_started', kase.id);
    await settle(t);
    await t.restart();
    await settle(t);
    await post(t, 'call_started', kase.id);
    await settle(t);
    expect(addNotes(t)).toBe(2);
    expect(t.smartadvocate.rawNotesOf(crmId)).toHaveLength(2);
  });

  it('waits for the case to be linked, and sends only what the toggles allow', async () => {
    const t = cleanup.use(await startRunTest());
    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { enabled: false, sendMessages: false } });
    const kase = t.kayseCase(t.client('Ben'));
    await post(t, 'message_sent', kase.id);
    await post(t, 'call_analyzed', kase.id, { summary: 'Slip and fall at a grocery store.' });
    await settle(t);
    expect(addNotes(t)).toBe(0);

    // Enabled: the case is created and linked, then its call record goes; the message stays out (toggle off).
    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { enabled: true } });
    await vi.waitFor(() => expect(addNotes(t)).toBe(1), { timeout: 5_000 });
    await settle(t);
    const crmId = t.core.sync.push.store.link('smartadvocate', kase.id)!.crmRecordId;
    expect(t.smartadvocate.rawNotesOf(crmId).join('\n')).toMatch(/Slip and fall at a grocery store\./);

    // Messages as notes on: the message that waited goes now, once.
    await t.core.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { sendMessages: true } });
    await vi.waitFor(() => expect(addNotes(t)).toBe(2), { timeout: 5_000 });
    await settle(t);
    expect(t.smartadvocate.rawNotesOf(crmId).join('\n')).toMatch(/Your consultation is booked\./);
    expect(addNotes(t)).toBe(2);
  });

  it('hourly: a note waits for the slot and goes inside the scheduled run', async () => {
    const t = cleanup.use(await startRunTest('2026-11-26T20:10:00.000Z'));
    const kase = t.kayseCase(t.client('Cleo'));
    await settle(t);
    await t.core.api.sync.updateSettings({ crm: 'smartadvocate', frequency: { kind: 'hourly' } });
    await post(t, 'call_analyzed', kase.id, { summary: 'Dog bite at a neighbour’s house.' });
    await settle(t);
    expect(addNotes(t)).toBe(0);

    t.clock.set('2026-11-26T21:00:00.000Z');
    t.core.sync.runs.tick();
    await vi.waitFor(() => expect(t.runs().some((r) => r.trigger === 'schedule')).toBe(true), { timeout: 5_000 });
    expect(addNotes(t)).toBe(1);
    const crmId = t.core.sync.push.store.link('smartadvocate', kase.id)!.crmRecordId;
    expect(t.smartadvocate.rawNotesOf(crmId).join('\n')).toMatch(/Dog bite at a neighbour’s house\./);
  });
});
