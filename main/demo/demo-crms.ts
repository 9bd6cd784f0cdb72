// Demo mode's CRMs: a LawRuler and a SmartAdvocate simulator started in this process on 127.0.0.1 and connected
// like a firm's own CRM, marked Demo (credentials in memory only), so the CRM screens show something real without
// an account. A CRM the firm connected itself is never replaced: its simulator is not even started. Demo data
// therefore only ever reaches these simulators.
import type { CrmConnectorId } from '../../shared/domain/connectors';
import { CONNECTOR_NAMES } from '../../shared/domain/connectors';
import { connectDemo, forgetDemo, type Crm } from '../crm';
import type { Logger } from '../log';
import { startLawRulerSimulator, type LawRulerSimulator } from '../connectors/lawruler/simulator';
import { startSmartAdvocateSimulator, type SmartAdvocateSimulator } from '../connectors/smartadvocate/simulator';

/** Leads / cases each simulator starts with: enough for lists and listings, quick to seed. */
export const DEMO_CRM_RECORDS = 60;

export interface DemoCrms {
  /** Starts the simulators not yet running and connects them; resolves to one line per CRM saying what happened. */
  connect(): Promise<string[]>;
  /** Demo mode's wipe: ends and forgets the demo connections (a real one is left alone) and stops the simulators. */
  wipe(): Promise<void>;
  /** Stops the simulators (the core is closing); the demo connections end with the process. */
  close(): Promise<void>;
  /** The simulators' addresses while they run (for the host's console output and tests). */
  urls(): Partial<Record<CrmConnectorId, string>>;
}

export interface DemoCrmsDeps {
  crm: Crm;
  logger: Logger;
  records?: number;
  /** Forgets the sync state kept for a CRM (cursor, links to the simulator's records), when its demo connection goes. */
  forgetSync?: (crm: CrmConnectorId) => void;
}

type Running = { lawruler?: LawRulerSimulator; smartadvocate?: SmartAdvocateSimulator };

export function createDemoCrms(deps: DemoCrmsDeps): DemoCrms {
  const records = deps.records ?? DEMO_CRM_RECORDS;
  const running: Running = {};

  /** True when the firm's own account is connected: demo mode keeps away from it. */
  const firmConnected = (id: CrmConnectorId) => {
    const view = deps.crm.connection(id);
    return !view.demo && view.state !== 'not_connected';
  };

  const connectOne = async (id: CrmConnectorId): Promise<string> => {
    const name = CONNECTOR_NAMES[id];
    if (firmConnected(id)) return `${name}: the firm's own account is connected, so demo mode leaves it alone.`;
    const sim = running[id];
    if (sim && deps.crm.connection(id).demo) return `${name}: demo simulator at ${sim.url}, already connected.`;
    try {
      if (id === 'lawruler') {
        const lawruler = (running.lawruler ??= await startLawRulerSimulator({ records }));
        const result = await connectDemo(deps.crm, { crm: 'lawruler', apiBaseUrl: lawruler.url, credentials: lawruler.credentials });
        return `${name}: demo simulator at ${lawruler.url}, ${result.ok ? 'connected' : 'connected with failed checks'}.`;
      }
      const sa = (running.smartadvocate ??= await startSmartAdvocateSimulator({ records }));
      const result = await connectDemo(deps.crm, { crm: 'smartadvocate', apiBaseUrl: sa.url, credentials: sa.credentials });
      return `${name}: demo simulator at ${sa.url}, ${result.ok ? 'connected' : 'connected with failed checks'}.`;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      deps.logger.warn({ crm: id, err: message }, 'demo CRM not connected');
      return `${name}: demo simulator not connected: ${message}`;
    }
  };

  const stopAll = async () => {
    const sims = [running.lawruler, running.smartadvocate].filter((s) => s !== undefined);
    delete running.lawruler;
    delete running.smartadvocate;
    await Promise.all(sims.map((s) => s.close()));
  };

  return {
    async connect() {
      const lines = [await connectOne('lawruler'), await connectOne('smartadvocate')];
      deps.logger.info({ crms: lines }, 'demo CRMs');
      return lines;
    },
    async wipe() {
      for (const id of ['lawruler', 'smartadvocate'] as const) {
        const wasDemo = deps.crm.connection(id).demo;
        await forgetDemo(deps.crm, id);
        // Else a firm connecting its own CRM later would start from the demo's cursor and push what came since.
        if (wasDemo) deps.forgetSync?.(id);
      }
      await stopAll();
    },
    close: stopAll,
    urls: () => ({
      ...(running.lawruler ? { lawruler: running.lawruler.url } : {}),
      ...(running.smartadvocate ? { smartadvocate: running.smartadvocate.url } : {}),
    }),
  };
}
