// The Event Type ID field's live look-up through the contract, against the simulator: by number and by the pasted
// editor URL (cal.com, cal.eu, self-hosted), a 404 explained (wrong id, or a team event type), bad input named,
// and the agent list showing the title once looked up.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { runKeychain, startSchedulingTest } from './test-scheduling';

const cleanup = useCleanup();

describe.skipIf(!runKeychain)('looking up an event type', () => {
  it('finds it by number and by the pasted URL, and the agent list shows its title and length', async () => {
    const t = cleanup.use(await startSchedulingTest());
    const api = t.core.api.scheduling;
    await api.connect({ apiKey: t.sim.keys.valid, baseUrl: t.sim.url });
    expect((await api.agents()).find((a) => a.eventTypeId === 501)?.eventType).toBeNull();

    const consultation = { id: 501, title: 'Free consultation', lengthMinutes: 30, slug: 'free-consultation' };
    expect(await api.lookupEventType({ eventType: 501 })).toEqual(consultation);
    expect(await api.lookupEventType({ eventType: ' 501 ' })).toEqual(consultation);
    expect(await api.lookupEventType({ eventType: 'https://app.cal.com/event-types/501' })).toEqual(consultation);
    expect(await api.lookupEventType({ eventType: 'https://app.cal.eu/event-types/501?tabName=setup' })).toEqual(consultation);
    expect(await api.lookupEventType({ eventType: 'https://cal.firm.example/event-types/502/' })).toMatchObject({ id: 502, title: 'Case review', lengthMinutes: 60 });

    const rows = await api.agents();
    expect(rows.map((a) => [a.name, a.eventType?.title ?? null])).toEqual([
      ['Ava (intake)', 'Free consultation'],
      ['Ben (reviews)', 'Case review'],
      ['Cleo (follow-ups)', null],
    ]);
    const asked = t.sim.requests().filter((r) => r.path.startsWith('/v2/event-types/'));
    expect(asked.map((r) => r.path)).toEqual(['/v2/event-types/501', '/v2/event-types/501', '/v2/event-types/501', '/v2/event-types/501', '/v2/event-types/502']);
  });

  it('explains a 404: a wrong id, or a team event type the key owner does not own', async () => {
    const t = cleanup.use(await startSchedulingTest());
    await t.core.api.scheduling.connect({ apiKey: t.sim.keys.valid, baseUrl: t.sim.url });

    for (const input of [999_999, 'https://app.cal.com/event-types/601']) {
      const error = await t.core.api.scheduling.lookupEventType({ eventType: input }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'NOT_FOUND', details: { kind: 'not_found' } });
      expect((error as Error).message).toMatch(/Cal\.com has no event type (999999|601) for jordan@avery-law\.example\. Either the ID is wrong .* or it is a team event type/);
    }
  });

  it('names what is wrong with input that holds no event type id, without asking Cal.com', async () => {
    const t = cleanup.use(await startSchedulingTest());
    await t.core.api.scheduling.connect({ apiKey: t.sim.keys.valid, baseUrl: t.sim.url });
    const before = t.sim.requests().length;

    const cases: [string | number, RegExp][] = [
      ['free-consultation', /neither a number nor a URL/],
      ['https://app.cal.com/jordan-avery/free-consultation', /no \/event-types\/<number> in it/],
      [0, /0 is not an event type ID/],
      [-4, /-4 is not an event type ID/],
      ['ftp://app.cal.com/event-types/501', /neither a number nor a URL/],
    ];
    for (const [input, message] of cases) {
      const error = await t.core.api.scheduling.lookupEventType({ eventType: input }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'INVALID_INPUT' });
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).toMatch(/the number at the end of the event type’s URL/);
    }
    expect(t.sim.requests().length).toBe(before);
  });
});
