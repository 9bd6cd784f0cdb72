import { describe, expect, it } from 'vitest';
import { refusal } from '../../test-support/api';
import { useCleanup } from '../../test-support/use-cleanup';
import { startWorkspaceCore } from '../workspace-test-fixture';

const cleanup = useCleanup();

function startWithClients() {
  const w = cleanup.use(startWorkspaceCore());
  const { records } = w.core.workspace;
  const add = (c: Parameters<typeof records.upsertClient>[0]) => records.upsertClient(c, { origin: 'import' }).client;
  const people = {
    ana: add({ firstName: 'Ana', lastName: 'Garcia', phones: ['+1 (305) 555-0142'], emails: ['ana.garcia@example.com'] }),
    zoe: add({ firstName: 'Zoe', lastName: 'Adams', externalSource: 'lawruler', externalId: 'LR-77' }),
    bob: add({ firstName: 'Bob', lastName: 'Garcia', emails: ['bobby@firm.example'] }),
    al: add({ firstName: 'Al', lastName: 'Adams', phones: ['305.555.9999'] }),
    eve: add({ firstName: 'Eve', lastName: 'Young' }),
  };
  const list = (input: object) => w.api.clients.list(input);
  return { ...w, people, list };
}

describe('clients.list', () => {
  it('orders by last name, then first name, in windows with the total', async () => {
    const { list } = startWithClients();
    const all = await list({});
    expect(all.total).toBe(5);
    expect(all.rows.map((c) => `${c.lastName}, ${c.firstName}`)).toEqual(['Adams, Al', 'Adams, Zoe', 'Garcia, Ana', 'Garcia, Bob', 'Young, Eve']);
    expect(await list({ offset: 2, limit: 2 })).toEqual({ rows: all.rows.slice(2, 4), total: 5 });
    expect(await list({ offset: 9 })).toEqual({ rows: [], total: 5 });
  });

  it('searches names (either order), email, phone whatever its punctuation, and external id', async () => {
    const { list, people } = startWithClients();
    const ids = async (search: string) => (await list({ search })).rows.map((c) => c.id);
    expect(await ids('garcia')).toEqual([people.ana.id, people.bob.id]);
    expect(await ids('Ana Garcia')).toEqual([people.ana.id]);
    expect(await ids('garcia, bob')).toEqual([people.bob.id]);
    expect(await ids('bobby@')).toEqual([people.bob.id]);
    expect(await ids('305-555-0142')).toEqual([people.ana.id]);
    expect(await ids('(305) 555')).toEqual([people.al.id, people.ana.id]);
    expect(await ids('lr-77')).toEqual([people.zoe.id]);
    expect(await list({ search: 'nobody' })).toEqual({ rows: [], total: 0 });
    expect((await list({ search: 'garcia', offset: 1, limit: 1 })).rows.map((c) => c.id)).toEqual([people.bob.id]);
    expect((await list({ search: 'garcia', offset: 1, limit: 1 })).total).toBe(2);
  });

  it('shows a changed client in the next search', async () => {
    const { list, core, people } = startWithClients();
    expect((await list({ search: 'young' })).rows.map((c) => c.id)).toEqual([people.eve.id]);
    core.workspace.records.upsertClient({ firstName: 'Eve', lastName: 'Young', externalSource: 'x', externalId: '1' }, { origin: 'import' });
    expect((await list({ search: 'young' })).total).toBe(2);
  });

  it('refuses a window over 500 rows, naming the limit', async () => {
    const { api } = startWithClients();
    const error = await refusal(api.raw.clients.list({ limit: 1000 }));
    expect(error).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'limit', message: expect.stringContaining('500') }] } });
  });
});
