// The conformance suite every CRM connector runs against its own simulator: the same cases for each (sign-in and
// re-authentication, the catalog, paging, create / find / update / note, every error kind). A connector's test
// file calls `describeCrmConformance('LawRuler', setup)`; a case that fails says which promise of
// ../shared/spec/sync.md the connector breaks.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { CrmError, type CrmErrorKind } from './errors';
import type { CrmFault, CrmSimulatorControl } from './simulator-control';
import { CRM_FIELD_TYPES, type CrmConnector, type CrmCursor, type CrmRecord, type CrmRecordInput } from './types';

export interface ConformanceSetup {
  sim: CrmSimulatorControl;
  /** A connector with the credentials the simulator accepts; `timeoutMs` bounds each request. */
  connector(options?: { timeoutMs?: number }): CrmConnector;
  /** A connector whose credentials the simulator refuses. */
  badCredentials(): CrmConnector;
  /** A valid create input (a case type and status that exist in the seeded catalog); `n` makes it unique. */
  sampleInput(n: number): CrmRecordInput;
  /** A status id valid for `sampleInput`'s case type, other than the one it uses. */
  otherStatusId: string;
  /** The request log's name of a sign-in ("token", "authenticate"). */
  signInOperation: string;
  close(): Promise<void>;
}

/** Awaits `promise` and returns the CrmError it must fail with, checking its kind. */
async function crmFailure(promise: Promise<unknown>, kind: CrmErrorKind): Promise<CrmError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected a CrmError of kind ${kind}`).toBeInstanceOf(CrmError);
  const crmError = error as CrmError;
  expect(crmError.kind, crmError.message).toBe(kind);
  expect(crmError.message.length).toBeGreaterThan(10);
  return crmError;
}

/** The conformance cases, run against `start()`'s simulator and connector (a fresh pair per case). */
export function describeCrmConformance(label: string, start: () => Promise<ConformanceSetup>): void {
  const cleanup = useCleanup();
  const setUp = async () => {
    const setup = await start();
    cleanup.add(() => setup.close());
    return setup;
  };
  const withFault = (sim: CrmSimulatorControl, fault: CrmFault, times?: number) => sim.setFault(fault, times === undefined ? undefined : { times });

  describe(`${label} connector (conformance)`, () => {
    it('passes every check of Test connection with good credentials, and names the failed one with bad ones', async () => {
      const { connector, badCredentials } = await setUp();
      const good = await connector().testConnection();
      expect(good.length).toBeGreaterThanOrEqual(2);
      expect(good.filter((c) => !c.ok)).toEqual([]);
      const bad = await badCredentials().testConnection();
      const failed = bad.filter((c) => !c.ok);
      expect(failed.length).toBeGreaterThan(0);
      expect(failed[0]!.fix, 'a failed check says what to do').toBeTruthy();
    });

    it('refuses bad credentials as `auth` on any call', async () => {
      const { badCredentials } = await setUp();
      await crmFailure(badCredentials().loadCatalog(), 'auth');
    });

    it('loads a catalog of case types, typed fields and statuses', async () => {
      const { connector, sampleInput } = await setUp();
      const catalog = await connector().loadCatalog();
      expect(catalog.caseTypes.length).toBeGreaterThan(0);
      expect(catalog.statuses.length).toBeGreaterThan(0);
      expect(catalog.fields.length).toBeGreaterThan(0);
      for (const field of catalog.fields) {
        expect(CRM_FIELD_TYPES).toContain(field.type);
        if (field.type === 'single_select' || field.type === 'multi_select') expect(field.options.length).toBeGreaterThan(0);
      }
      expect(catalog.caseTypes.map((t) => t.id)).toContain(sampleInput(1).caseTypeId);
    });

    it('names the part of the catalog that failed to load', async () => {
      const { connector, sim } = await setUp();
      withFault(sim, { kind: 'catalog_fails' });
      const error = await crmFailure(connector().loadCatalog(), 'unavailable');
      expect(error.crmDetails.part).toBeTruthy();
    });

    it('creates a record carrying its marker, reads it back and finds it again by the marker', async () => {
      const { connector, sampleInput, sim } = await setUp();
      const crm = connector();
      const input = sampleInput(1);
      const created = await crm.create(input, 'kayse-marker-0001');
      expect(created).toMatchObject({ firstName: input.firstName, lastName: input.lastName, caseTypeId: input.caseTypeId });
      expect(await crm.get(created.id)).toMatchObject({ id: created.id, firstName: input.firstName });
      expect((await crm.findExisting({}, 'kayse-marker-0001'))?.id).toBe(created.id);
      expect((await crm.findExisting({ email: input.email }, null))?.id).toBe(created.id);
      expect(await crm.findExisting({ email: 'nobody@example.com' }, 'kayse-marker-unknown')).toBeNull();
      expect(sim.created()).toEqual([created.id]);
    });

    it('answers `not_found` for a record the CRM does not have', async () => {
      const { connector } = await setUp();
      await crmFailure(connector().get('999999999'), 'not_found');
    });

    it('updates status and name, and the CRM shows them', async () => {
      const { connector, sampleInput, otherStatusId } = await setUp();
      const crm = connector();
      const created = await crm.create(sampleInput(2), 'kayse-marker-0002');
      const updated = await crm.update(created.id, { statusId: otherStatusId, firstName: 'Renamed' });
      expect(updated).toMatchObject({ statusId: otherStatusId, firstName: 'Renamed' });
      expect(await crm.get(created.id)).toMatchObject({ statusId: otherStatusId, firstName: 'Renamed' });
    });

    it('reports a refused value as `rejected`, naming the field', async () => {
      const { connector, sampleInput } = await setUp();
      const crm = connector();
      const created = await crm.create(sampleInput(3), 'kayse-marker-0003');
      const error = await crmFailure(crm.update(created.id, { statusId: 'no-such-status' }), 'rejected');
      expect(error.crmDetails.field).toBeTruthy();
    });

    it('adds a note to a record', async () => {
      const { connector, sampleInput, sim } = await setUp();
      const crm = connector();
      const created = await crm.create(sampleInput(4), 'kayse-marker-0004');
      await crm.addNote(created.id, { subject: 'Call summary', text: 'Caller was rear-ended <at a light> & hurt.', at: '2026-11-26T20:00:00Z' });
      expect(sim.notesOf(created.id).map((n) => n.text).join('\n')).toContain('Caller was rear-ended <at a light> & hurt.');
    });

    it('never creates twice when a create answer is lost: `unknown_outcome`, then findExisting finds it', async () => {
      const { connector, sampleInput, sim } = await setUp();
      const crm = connector({ timeoutMs: 2_000 });
      withFault(sim, { kind: 'drop_write_answer' }, 1);
      await crmFailure(crm.create(sampleInput(5), 'kayse-marker-0005'), 'unknown_outcome');
      sim.setFault(null);
      const found = await crm.findExisting({}, 'kayse-marker-0005');
      expect(found?.id).toBe(sim.created()[0]);
      expect(sim.created()).toHaveLength(1);
    });

    it('reports 429 as `rate_limited` with the wait the CRM asked for', async () => {
      const { connector, sim } = await setUp();
      withFault(sim, { kind: 'rate_limit', retryAfterSeconds: 7 });
      const error = await crmFailure(connector().loadCatalog(), 'rate_limited');
      expect(error.crmDetails.retryAfterMs).toBe(7_000);
    });

    it('reports 5xx and timeouts as `unavailable`', async () => {
      const { connector, sim } = await setUp();
      withFault(sim, { kind: 'server_error', status: 503 });
      await crmFailure(connector().loadCatalog(), 'unavailable');
      withFault(sim, { kind: 'slow', ms: 1_500 });
      await crmFailure(connector({ timeoutMs: 300 }).loadCatalog(), 'unavailable');
    });

    it('treats a 200 that carries the CRM error envelope as a failure', async () => {
      const { connector, sim, sampleInput } = await setUp();
      withFault(sim, { kind: 'error_in_200' });
      const error = await connector().create(sampleInput(6), 'kayse-marker-0006').then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CrmError);
      expect(sim.created()).toEqual([]);
    });

    it('reports an answer in an unknown shape as `bad_response`, naming where it broke', async () => {
      const { connector, sim } = await setUp();
      withFault(sim, { kind: 'malformed' });
      const error = await crmFailure(connector().loadCatalog(), 'bad_response');
      expect(error.crmDetails.path).toBeTruthy();
    });

    it('signs in again once when its token expires, and goes on', async () => {
      const { connector, sim, sampleInput, signInOperation } = await setUp();
      const crm = connector();
      const created = await crm.create(sampleInput(7), 'kayse-marker-0007');
      await crm.loadCatalog(); // signed in: the catalog needs a token at every CRM
      const before = sim.requests().length;
      withFault(sim, { kind: 'expire_tokens' });
      // A look-up by marker needs the token too (a read by id may not: LawRuler's takes the Key only).
      expect((await crm.findExisting({}, 'kayse-marker-0007'))?.id).toBe(created.id);
      const after = sim.requests().slice(before);
      const refused = after.filter((r) => r.status === 401);
      expect(refused, 'the expired token was refused once').toHaveLength(1);
      expect(after.filter((r) => r.operation === signInOperation), 'one new sign-in').toHaveLength(1);
      const retried = after.slice(after.indexOf(refused[0]!) + 1);
      expect(retried.some((r) => r.path === refused[0]!.path && r.status === 200), 'the refused request was sent again').toBe(true);
    });

    it('spends a fault given for one request on the request it concerns, not on earlier ones', async () => {
      const { connector, sampleInput, sim } = await setUp();
      const crm = connector({ timeoutMs: 2_000 });
      const first = await crm.create(sampleInput(8), 'kayse-marker-0008');
      withFault(sim, { kind: 'drop_write_answer' }, 1);
      await crm.get(first.id); // a read (and what it needs) before the write: the write's answer is still the one lost
      await crmFailure(crm.create(sampleInput(9), 'kayse-marker-0009'), 'unknown_outcome');
      const third = await crm.create(sampleInput(10), 'kayse-marker-0010');
      expect(sim.created()).toHaveLength(3);
      expect(sim.created().at(-1)).toBe(third.id);
      expect(sim.requests().filter((r) => r.fault === 'drop_write_answer')).toHaveLength(1);

      withFault(sim, { kind: 'catalog_fails' }, 1);
      await crm.get(first.id);
      const error = await crmFailure(crm.loadCatalog(), 'unavailable');
      expect(error.crmDetails.part).toBeTruthy();
      expect((await crm.loadCatalog()).fields.length).toBeGreaterThan(0);
    });

    it('pages through changed records in order, once each, and sees a later edit from the saved cursor', async () => {
      const { connector, sim } = await setUp();
      const crm = connector();
      if (!crm.capabilities.modifiedSinceListing) return; // the engine reads such a CRM through its webhook instead
      sim.seed(250);
      const seen: CrmRecord[] = [];
      let cursor: CrmCursor | null = null;
      for (let page = 0; page < 10; page += 1) {
        const result = await crm.listChanged(cursor, 100);
        seen.push(...result.records);
        cursor = result.next;
        if (result.caughtUp) break;
      }
      expect(seen).toHaveLength(250);
      expect(new Set(seen.map((r) => r.id)).size).toBe(250);
      const times = seen.map((r) => Date.parse(r.modifiedAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));

      sim.editRecord(seen[3]!.id, 'Edited');
      const after = await crm.listChanged(cursor, 100);
      expect(after.records.map((r) => [r.id, r.firstName])).toEqual([[seen[3]!.id, 'Edited']]);
    });
  });
}
