// listChanged and the session over many pages: tokens that expire mid-listing (401, then one sign-in, and the
// listing goes on), a sign-in shortly before expiry, edits while paging, many cases changed at one instant.
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../test-support/clock';
import { useCleanup } from '../../test-support/use-cleanup';
import type { CrmConnector, CrmCursor, CrmRecord } from '../crm/types';
import { startSmartAdvocateTest, type SmartAdvocateTestOptions } from './test-smartadvocate';

/** Pages until caught up (at most `maxPages`), calling `between(page)` after each page. */
async function listAll(crm: CrmConnector, pageSize: number, maxPages: number, between?: (page: number, seen: CrmRecord[]) => void) {
  const seen: CrmRecord[] = [];
  let cursor: CrmCursor | null = null;
  for (let page = 0; page < maxPages; page += 1) {
    const result = await crm.listChanged(cursor, pageSize);
    seen.push(...result.records);
    cursor = result.next;
    if (result.caughtUp) return { seen, cursor, pages: page + 1 };
    between?.(page, seen);
  }
  throw new Error(`not caught up after ${maxPages} pages`);
}

const ids = (records: CrmRecord[]) => records.map((r) => r.id);
const inOrder = (records: CrmRecord[]) =>
  records.every((r, i) => i === 0 || Date.parse(records[i - 1]!.modifiedAt) < Date.parse(r.modifiedAt) || (records[i - 1]!.modifiedAt === r.modifiedAt && Number(records[i - 1]!.id) < Number(r.id)));

describe('SmartAdvocate listChanged', () => {
  const cleanup = useCleanup();
  const setUp = async (options?: SmartAdvocateTestOptions) => {
    const t = await startSmartAdvocateTest(options);
    cleanup.add(() => t.close());
    return t;
  };

  it('goes on without gaps or repeats when the token expires mid-listing: one 401, one new sign-in', async () => {
    const simClock = manualClock(new Date().toISOString());
    const { sim, connector } = await setUp({ sim: { clock: simClock, records: 1_000 } });
    const { seen } = await listAll(connector(), 100, 20, (page) => {
      if (page === 3) simClock.advance(3 * 60 * 60 * 1000); // the simulator's token expires; our clock doesn't know
    });
    expect(seen).toHaveLength(1_000);
    expect(new Set(ids(seen)).size).toBe(1_000);
    expect(inOrder(seen)).toBe(true);
    const log = sim.requests();
    expect(log.filter((r) => r.operation === 'authenticate')).toHaveLength(2);
    expect(log.filter((r) => r.status === 401)).toHaveLength(1);
  });

  it('goes on the same way when every token is revoked between two pages (expire_tokens)', async () => {
    const { sim, connector } = await setUp({ sim: { records: 450 } });
    const { seen } = await listAll(connector(), 100, 10, (page) => {
      if (page === 1) sim.setFault({ kind: 'expire_tokens' }, { times: 1 });
    });
    expect(new Set(ids(seen)).size).toBe(450);
    expect(seen).toHaveLength(450);
    expect(sim.tokensIssued()).toBe(2);
  });

  it('signs in again shortly before the token expires, without waiting for a 401', async () => {
    const clock = manualClock(new Date().toISOString());
    const { sim, connector } = await setUp({ sim: { clock, records: 10 } });
    const crm = connector({ clock });
    await crm.listChanged(null, 5);
    clock.advance(2 * 60 * 60 * 1000 - 2 * 60 * 1000); // two minutes before the two hours are up
    await crm.listChanged(null, 5);
    expect(sim.tokensIssued()).toBe(2);
    expect(sim.requests().filter((r) => r.status === 401)).toEqual([]);
  });

  it('reports `auth` when the password changed and signing in again is refused', async () => {
    const { sim, connector } = await setUp({ sim: { records: 10 } });
    const crm = connector();
    await crm.listChanged(null, 5);
    sim.setPassword('changed-by-the-admin');
    sim.setFault({ kind: 'expire_tokens' }, { times: 1 });
    await expect(crm.listChanged(null, 5)).rejects.toMatchObject({ kind: 'auth' });
  });

  it('returns a case edited while paging once more with its edit (passed) or once, at the end (not yet reached)', async () => {
    const { sim, connector } = await setUp({ sim: { records: 500 } });
    const ahead = sim.caseState(String(600_000 + 300))!.caseID;
    let passed = '';
    const { seen } = await listAll(connector(), 100, 20, (page, soFar) => {
      if (page !== 1) return;
      passed = soFar[10]!.id;
      sim.editRecord(passed, 'EditedPassed');
      sim.editRecord(ahead, 'EditedAhead');
    });
    expect(new Set(ids(seen)).size).toBe(500);
    expect(seen.filter((r) => r.id === ahead).map((r) => r.firstName)).toEqual(['EditedAhead']);
    expect(seen.filter((r) => r.id === passed).map((r) => r.firstName).at(-1)).toBe('EditedPassed');
    expect(seen).toHaveLength(501);
  });

  it('pages one case at a time through ties and the overlap, each once', async () => {
    const { connector } = await setUp({ sim: { records: 81 } });
    const { seen, pages } = await listAll(connector(), 1, 200);
    expect(seen).toHaveLength(81);
    expect(new Set(ids(seen)).size).toBe(81);
    expect(inOrder(seen)).toBe(true);
    expect(pages).toBeLessThanOrEqual(82);
  });

  it('steps through more cases changed at one instant than fit on a page', async () => {
    const clock = manualClock(new Date().toISOString());
    const { sim, connector } = await setUp({ sim: { clock, records: 60 } });
    const crm = connector();
    const first = await listAll(crm, 50, 10);
    clock.advance(1_000);
    const edited = ids(first.seen).slice(5, 45);
    for (const id of edited) sim.editRecord(id, 'Bulk'); // 40 cases, one instant
    const again: CrmRecord[] = [];
    let cursor = first.cursor;
    for (let i = 0; i < 20; i += 1) {
      const page = await crm.listChanged(cursor, 7);
      again.push(...page.records);
      cursor = page.next;
      if (page.caughtUp) break;
    }
    expect(ids(again)).toEqual([...edited].sort((a, b) => Number(a) - Number(b)));
    expect(again.every((r) => r.firstName === 'Bulk')).toBe(true);
  });
});
