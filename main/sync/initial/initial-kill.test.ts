// kill -9 for real: the initial sync, and a burst of Kayse → CRM pushes, run in a child process on the test's data
// dir and keychain service against the SmartAdvocate simulator in this process; the child is SIGKILLed in the middle,
// then a core starts again in-process on the same SQLite file. The initial sync resumes from its checkpoint (not
// from zero), the pushes from their cursor and create intents: every record arrives, the simulator counts no
// duplicate create.
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { startSyncChild } from './test-child-process';
import { runKeychain, startInitialTest, type InitialTest } from './test-initial';

const cleanup = useCleanup();

async function until<T>(what: string, probe: () => T | null | undefined | false, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Cases created through the API, by the Kayse case id their marker names; fails on a duplicate. */
function createdByCase(t: InitialTest): Map<string, string> {
  const byCase = new Map<string, string>();
  for (const id of t.smartadvocate.created()) {
    const caseId = t.smartadvocate.caseState(id)!.externalReference!.split('-')[1]!;
    expect(byCase.has(caseId), `a second SmartAdvocate case for Kayse case ${caseId}`).toBe(false);
    byCase.set(caseId, id);
  }
  return byCase;
}

const LISTING = '/CaseSyncAPI/case/cases/byDatePaged';

describe.skipIf(!runKeychain)('kill -9', () => {
  it('during an initial sync: a restart resumes from the last checkpoint and every record arrives once', async () => {
    const t = cleanup.use(await startInitialTest({ records: 240 }));
    const matched = [0, 1, 2].map((k) => t.crmCase(k)).filter((r) => r.contact.email);
    for (const r of matched) t.kayseCase(t.client({ firstName: 'Matched', email: r.contact.email! }));
    const kayseOnly = Array.from({ length: 8 }, (_, i) => t.kayseCase(t.client({ firstName: `Only${i}`, email: `only${i}@kayse.example` })));
    await t.connect();
    await t.core.close();

    // Slow answers spread the pages out, so the kill lands in the middle of the run.
    t.smartadvocate.setFault({ kind: 'slow', ms: 40 });
    const child = startSyncChild({ dataDir: t.dataDir, secretService: t.secretService, mode: 'initial', pageSize: 10 });
    cleanup.add(() => child.kill9());
    const started = await child.waitFor((l) => l.type === 'started');
    await child.waitFor((l) => l.type === 'progress' && l.phase === 'reading CRM records' && Number(l.done) >= 40);
    await child.kill9();
    t.smartadvocate.setFault(null);
    const listedBeforeRestart = t.smartadvocate.requests().filter((r) => r.path === LISTING).length;

    const core = await t.restart();
    const atKill = core.sync.initial.status('smartadvocate')!;
    expect(atKill.id).toBe(started.jobId);
    expect(atKill.pages).toBeGreaterThanOrEqual(4);
    const done = await until('the resumed initial sync', () => {
      const job = core.sync.initial.status('smartadvocate');
      return job && job.state !== 'running' ? job : null;
    });

    // The same job, finished, and the listing went on from the checkpoint: not from the first page again.
    expect(done).toMatchObject({ id: started.jobId, state: 'done', counts: { failed: 0, ambiguous: 0 } });
    const listedAfter = t.smartadvocate.requests().filter((r) => r.path === LISTING).length - listedBeforeRestart;
    expect(listedAfter).toBeLessThanOrEqual(done.pages - atKill.pages + 1);

    // Every CRM record arrived once: matched ones linked, the others a Kayse case each; Kayse-only cases in the CRM once.
    expect(t.count('cases', "external_source = 'smartadvocate'")).toBe(240 - matched.length);
    expect(t.count('clients', "external_source = 'smartadvocate'")).toBe(240 - matched.length);
    expect(t.count('sync_links')).toBe(240 + kayseOnly.length);
    const created = createdByCase(t);
    expect([...created.keys()].sort()).toEqual(kayseOnly.map((c) => c.id).sort());
    expect(t.count('sync_create_intents')).toBe(0);
  });

  it('while the initial sync creates Kayse-only cases in the CRM: resumed, each is created once', async () => {
    const t = cleanup.use(await startInitialTest({ records: 3 }));
    const kayseOnly = Array.from({ length: 30 }, (_, i) => t.kayseCase(t.client({ firstName: `Only${i}`, email: `only${i}@kayse.example` })));
    await t.connect();
    await t.core.close();

    t.smartadvocate.setFault({ kind: 'slow', ms: 150 });
    const child = startSyncChild({ dataDir: t.dataDir, secretService: t.secretService, mode: 'initial', pageSize: 10 });
    cleanup.add(() => child.kill9());
    const started = await child.waitFor((l) => l.type === 'started');
    await child.waitFor((l) => l.type === 'progress' && l.phase === 'sending Kayse cases to the CRM');
    // Killed the moment another case appears in SmartAdvocate: its answer (and so its link) most likely not back yet.
    await until('creates under way', () => t.smartadvocate.created().length >= 12, 60_000);
    await child.kill9();
    t.smartadvocate.setFault(null);
    // It died with a create done in SmartAdvocate whose answer never came back: its intent is there, its link not.
    const file = new Database(join(t.dataDir, 'console.db'), { readonly: true });
    expect(file.prepare<[], { n: number }>('SELECT count(*) AS n FROM sync_create_intents').get()!.n).toBe(1);
    file.close();

    const core = await t.restart();
    const done = await until('the resumed initial sync', () => {
      const job = core.sync.initial.status('smartadvocate');
      return job && job.state !== 'running' ? job : null;
    });
    expect(done).toMatchObject({ id: started.jobId, state: 'done', counts: { failed: 0 } });
    const created = createdByCase(t);
    expect([...created.keys()].sort()).toEqual(kayseOnly.map((c) => c.id).sort());
    for (const c of kayseOnly) expect(core.sync.push.store.link('smartadvocate', c.id)?.crmRecordId).toBe(created.get(c.id));
    expect(t.count('sync_create_intents')).toBe(0);
  });

  it('during a burst of Kayse → CRM pushes: after the restart every case arrives, none is created twice', async () => {
    const t = cleanup.use(await startInitialTest({ records: 3 }));
    await t.connect();
    await t.core.close();

    // Each create takes a while, so the kill finds creates on their way (intents written, answers not yet).
    t.smartadvocate.setFault({ kind: 'slow', ms: 60 });
    const child = startSyncChild({ dataDir: t.dataDir, secretService: t.secretService, mode: 'push', cases: 60, everyMs: 5 });
    cleanup.add(() => child.kill9());
    await child.waitFor((l) => l.type === 'case' && Number(l.n) >= 40);
    await until('some creates at the simulator', () => t.smartadvocate.created().length >= 8, 30_000);
    await child.kill9();
    t.smartadvocate.setFault(null);
    const made = child.lines.filter((l) => l.type === 'case').map((l) => String(l.id));
    const createdAtKill = t.smartadvocate.created().length;
    expect(createdAtKill).toBeLessThan(made.length);
    // Creates were on their way when it died: intents committed, their links not.
    const file = new Database(join(t.dataDir, 'console.db'), { readonly: true });
    const intentsAtKill = file.prepare<[], { n: number }>('SELECT count(*) AS n FROM sync_create_intents').get()!.n;
    file.close();
    expect(intentsAtKill).toBeGreaterThanOrEqual(1);

    const core = await t.restart();
    const store = core.sync.push.store;
    await until('every case linked', () => made.every((id) => store.link('smartadvocate', id)), 60_000);
    await core.sync.push.idle();

    const created = createdByCase(t);
    expect(created.size).toBe(made.length);
    for (const id of made) expect(store.link('smartadvocate', id)?.crmRecordId).toBe(created.get(id));
    expect(t.count('sync_create_intents')).toBe(0);
    expect(core.sync.pushStatus('smartadvocate')).toMatchObject({ pending: 0, errors: [] });
  });
});
