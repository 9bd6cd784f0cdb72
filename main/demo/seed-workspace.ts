// Seeds the demo workspace: case types, campaigns and agents from the demo catalog, then thousands of clients
// and cases through the record store (origin "demo", every row flagged is_demo) in batches, one transaction
// each, giving the event loop a turn in between so progress reaches the UI.
import { AppError } from '../../shared/result';
import { announceChanged } from '../kernel';
import type { Clock, EventBus } from '../kernel';
import type { AgentRepository, CampaignRepository } from '../workspace';
import type { CaseTypeCatalog, RecordStore, WriteContext } from '../workspace';
import { demoCaseName, demoCaseValues } from './case-values';
import { DEMO_AGENTS, DEMO_CAMPAIGNS, DEMO_CASE_TYPES, DEMO_SOURCE } from './demo-catalog';
import { fakePerson, type FakePerson } from './fake-identity';
import { createRng } from './prng';

export const DEFAULT_DEMO_SEED = 20_261_126;
export const DEFAULT_DEMO_CLIENTS = 3000;
export const DEFAULT_DEMO_CASES = 3000;
const DEMO: WriteContext = { origin: 'demo', isDemo: true };
/** Fictional numbers 0–99 (area code 305) are the firm's own lines; clients start after them. */
const CLIENT_PHONE_OFFSET = 100;

export interface SeedDeps {
  caseTypes: CaseTypeCatalog;
  records: RecordStore;
  campaigns: CampaignRepository;
  agents: AgentRepository;
  events: EventBus;
  clock: Clock;
}

export interface SeedOptions {
  clients?: number;
  cases?: number;
  seed?: number;
  /** Records per transaction. */
  batchSize?: number;
  onProgress?: (phase: string, done: number, total: number) => void;
}

export interface SeedResult {
  caseTypes: number;
  campaigns: number;
  agents: number;
  clients: number;
  cases: number;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Refuses (CONFLICT, nothing written) when a demo case type or campaign name is already used by real data. */
function checkNamesFree(deps: SeedDeps): void {
  const taken = [
    ...DEMO_CASE_TYPES.filter((t) => deps.caseTypes.byName(t.name)).map((t) => ({ path: 'caseTypes', name: t.name })),
    ...DEMO_CAMPAIGNS.filter((c) => deps.campaigns.list().some((x) => x.name.toLowerCase() === c.name.toLowerCase())).map((c) => ({ path: 'campaigns', name: c.name })),
  ];
  if (taken.length === 0) return;
  throw new AppError(
    'CONFLICT',
    `The demo workspace can't be created: ${taken.map((t) => `"${t.name}"`).join(', ')} already exist${taken.length === 1 ? 's' : ''} in this workspace. Demo mode is meant for an empty workspace; wipe earlier demo data or rename those first.`,
    { issues: taken.map((t) => ({ path: t.path, message: `"${t.name}" already exists` })) },
  );
}

/** Creates the demo workspace; deterministic for a given seed and clock. */
export async function seedDemoWorkspace(deps: SeedDeps, options: SeedOptions = {}): Promise<SeedResult> {
  const { clients = DEFAULT_DEMO_CLIENTS, cases = DEFAULT_DEMO_CASES, seed = DEFAULT_DEMO_SEED, batchSize = 500, onProgress } = options;
  checkNamesFree(deps);
  const rng = createRng(seed);
  const now = deps.clock.now();
  const total = clients + cases;
  onProgress?.('case types, campaigns and agents', 0, total);

  for (const spec of DEMO_CASE_TYPES) deps.caseTypes.create(spec.input, { isDemo: true });
  announceChanged(deps.events, ['case_types', 'case_statuses', 'custom_fields']);
  const campaignIds = new Map<string, string>();
  for (const spec of DEMO_CAMPAIGNS) {
    const caseTypeId = deps.caseTypes.byName(spec.caseType)!.id;
    campaignIds.set(spec.name, deps.campaigns.create({ name: spec.name, caseTypeId, active: true }, { isDemo: true }).id);
  }
  for (const spec of DEMO_AGENTS) {
    deps.agents.create(
      { name: spec.name, campaignId: spec.campaign && campaignIds.get(spec.campaign)!, appointmentBooking: spec.eventTypeId !== null, eventTypeId: spec.eventTypeId },
      { isDemo: true },
    );
  }

  const people: { person: FakePerson; id: string }[] = [];
  for (let start = 0; start < clients; start += batchSize) {
    deps.records.batch(() => {
      for (let n = start; n < Math.min(clients, start + batchSize); n++) {
        const person = fakePerson(rng, n + CLIENT_PHONE_OFFSET);
        const { client } = deps.records.upsertClient(
          {
            externalSource: DEMO_SOURCE,
            externalId: `client-${n + 1}`,
            firstName: person.firstName,
            lastName: person.lastName,
            phones: [person.phone],
            emails: rng.chance(0.85) ? [person.email] : [],
            optOuts: rng.chance(0.03) ? ['sms'] : [],
          },
          DEMO,
        );
        people.push({ person, id: client.id });
      }
    });
    onProgress?.('clients', people.length, total);
    await nextTurn();
  }

  const typeShares = DEMO_CASE_TYPES.map((t) => t.share);
  for (let start = 0; start < cases; start += batchSize) {
    deps.records.batch(() => {
      for (let i = start; i < Math.min(cases, start + batchSize); i++) {
        const type = rng.weighted(DEMO_CASE_TYPES, typeShares);
        const status = rng.weighted(type.input.statuses, type.statusWeights);
        const campaign = rng.pick(DEMO_CAMPAIGNS.filter((c) => c.caseType === type.name));
        const primary = people.length > 0 ? people[i % people.length]! : undefined;
        const clientIds = primary ? [primary.id] : [];
        if (primary && people.length > 1 && rng.chance(0.08)) {
          const other = rng.pick(people);
          if (other.id !== primary.id) clientIds.push(other.id);
        }
        const customValues = demoCaseValues(rng, type.name, now);
        const person = primary?.person ?? fakePerson(rng, i + CLIENT_PHONE_OFFSET);
        deps.records.upsertCase(
          {
            externalSource: DEMO_SOURCE,
            externalId: `case-${i + 1}`,
            caseNumber: `DEMO-${String(i + 1).padStart(6, '0')}`,
            name: demoCaseName(rng, type.name, person, customValues),
            caseType: type.name,
            status,
            campaignId: campaignIds.get(campaign.name)!,
            clientIds,
            customValues,
          },
          DEMO,
        );
      }
    });
    onProgress?.('cases', clients + Math.min(cases, start + batchSize), total);
    await nextTurn();
  }
  return { caseTypes: DEMO_CASE_TYPES.length, campaigns: DEMO_CAMPAIGNS.length, agents: DEMO_AGENTS.length, clients, cases };
}
