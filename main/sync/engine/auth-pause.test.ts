// The CRM refusing the credentials mid-sync, on a real core and the SmartAdvocate simulator: the token expires, the
// connector signs in once more and is refused, the integration pauses with the reason and what to do on its
// Integrations card, nothing is sent and nothing is lost; saving the new password resumes it and the waiting
// changes arrive.
import { describe, expect, it, vi } from 'vitest';
import { sampleEvent } from '../../ingest/sample-events';
import { useCleanup } from '../../test-support/use-cleanup';
import { runKeychain, startRunTest } from './test-runs';

const cleanup = useCleanup();

describe.skipIf(!runKeychain)('sync auth pause', () => {
  it('pauses on refused credentials, shows why on the card, keeps every change, and resumes once they are saved again', async () => {
    const t = cleanup.use(await startRunTest());
    const first = t.kayseCase(t.client('Ana'));
    await t.idle();
    expect(t.smartadvocate.created()).toHaveLength(1);

    // The firm changed the integration user's password in SmartAdvocate; the console's token expires.
    t.smartadvocate.setPassword('a-new-password-1');
    t.smartadvocate.setFault({ kind: 'expire_tokens' });
    const waiting = t.kayseCase(t.client('Ben'));
    await t.core.api.cases.update({ id: first.id, expectedVersion: first.version, name: 'Ana Rivera v. Truck Co' });
    await t.idle();

    expect(t.smartadvocate.created()).toHaveLength(1);
    const card = await t.core.api.integrations.get({ id: 'smartadvocate' });
    expect(card.status).toBe('paused');
    expect(card.statusDetail).toMatch(/^Paused: SmartAdvocate refused the saved credentials/);
    expect(card.statusDetail).toMatch(/Enter the SmartAdvocate credentials again in Configuration and press Connect/);
    // The CRM detail's header reads the same pause.
    const pause = await t.core.api.sync.pause({ crm: 'smartadvocate' });
    expect(pause.paused?.reason).toMatch(/^SmartAdvocate refused the saved credentials/);
    expect(pause.paused?.fix).toMatch(/press Connect/);
    expect(t.core.sync.pushStatus('smartadvocate')).toMatchObject({ errors: [] }); // not the records' fault
    expect(t.core.sync.pushStatus('smartadvocate').pending).toBeGreaterThan(0);
    await expect(t.core.api.sync.syncNow({ crm: 'smartadvocate' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/paused: SmartAdvocate refused/) });

    // Paused: another change and a message send nothing, not even a sign-in.
    const requests = t.smartadvocate.requests().length;
    t.kayseCase(t.client('Cy'));
    t.clock.advance(1_000);
    await t.core.ingest.accept(sampleEvent('message_sent', { case_id: first.id }), { apiKeyId: null });
    await t.idle();
    await t.core.sync.runs.notesIdle();
    expect(t.smartadvocate.requests().length).toBe(requests);

    // The admin enters the new password and connects: the card is Connected again and everything waiting arrives.
    t.clock.advance(1_000);
    const connected = await t.core.api.crm.connect(t.smartAdvocateInput({ password: 'a-new-password-1' }));
    expect(connected.ok).toBe(true);
    await vi.waitFor(() => expect(t.smartadvocate.created()).toHaveLength(3), { timeout: 5_000 });
    await t.idle();
    expect((await t.core.api.integrations.get({ id: 'smartadvocate' })).status).toBe('connected');
    expect(await t.core.api.sync.pause({ crm: 'smartadvocate' })).toEqual({ crm: 'smartadvocate', paused: null });
    expect(t.core.sync.push.store.link('smartadvocate', waiting.id)).not.toBeNull();
    expect(t.smartadvocate.caseState(t.smartadvocate.created()[0]!)).toBeTruthy();
    expect(t.core.sync.pushStatus('smartadvocate')).toMatchObject({ pending: 0, errors: [] });
    // The message received while paused goes too, though Connect moved the connection's time on.
    const firstId = t.core.sync.push.store.link('smartadvocate', first.id)!.crmRecordId;
    await vi.waitFor(() => expect(t.smartadvocate.rawNotesOf(firstId).join('\n')).toMatch(/Your consultation is booked\./), { timeout: 5_000 });
  });

  it('the pull meeting refused credentials pauses the integration too, and reads nothing while paused', async () => {
    const t = cleanup.use(await startRunTest());
    t.smartadvocate.setPassword('another-password-2');
    t.smartadvocate.setFault({ kind: 'expire_tokens' });
    const result = await t.core.sync.pull.pullOnce('smartadvocate', 'manual');
    expect(result.stoppedBy).toMatch(/refused|credentials|password/i);
    expect((await t.core.api.integrations.get({ id: 'smartadvocate' })).statusDetail).toMatch(/^Paused: SmartAdvocate refused the saved credentials/);

    const requests = t.smartadvocate.requests().length;
    await t.core.sync.pull.pullOnce('smartadvocate', 'manual');
    expect(t.smartadvocate.requests().length).toBe(requests);
  });
});
