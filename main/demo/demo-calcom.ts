// Demo mode's Cal.com: the simulator started in this process on 127.0.0.1 and connected as the company's
// scheduling account, marked Demo (its key in memory only, never the keychain), and the demo agents that book
// pointed at the simulator's event types, so Agents, Try it and Activity work without an account. A Cal.com
// account the firm connected itself is left alone (no simulator is started); the wipe ends a demo connection.
import type { Logger } from '../log';
import type { Scheduling } from '../scheduling';
import type { AgentRepository } from '../workspace';
import { SIM_EVENT_TYPES, startCalcomSimulator, type CalcomSimulator } from '../connectors/calcom/simulator';
import type { DemoCrms } from './demo-crms';

/** The simulator's event types the key's owner can look up (team ones can't be), given to booking demo agents in turn. */
export const DEMO_EVENT_TYPE_IDS: readonly number[] = SIM_EVENT_TYPES.filter((e) => !e.team).map((e) => e.id);

export interface DemoCalcom {
  /** Starts the simulator if needed and connects it; resolves to a line saying what happened. */
  connect(): Promise<string>;
  /** Ends a demo connection (the firm's own is left alone) and stops the simulator. */
  wipe(): Promise<void>;
  close(): Promise<void>;
  url(): string | null;
}

export interface DemoCalcomDeps {
  scheduling: Scheduling;
  agents: AgentRepository;
  logger: Logger;
}

export function createDemoCalcom(deps: DemoCalcomDeps): DemoCalcom {
  let sim: CalcomSimulator | undefined;

  /** Demo agents that book get the simulator's event types (the catalog's ids exist on no Cal.com this demo reaches). */
  const pointAgents = async () => {
    const booking = deps.agents.list().filter((a) => a.isDemo && a.appointmentBooking);
    booking.forEach((agent, i) => {
      const eventTypeId = DEMO_EVENT_TYPE_IDS[i % DEMO_EVENT_TYPE_IDS.length]!;
      if (agent.eventTypeId !== eventTypeId) deps.agents.update({ id: agent.id, eventTypeId });
    });
    // Looked up like a firm's agent screen does, so the agent list shows the titles.
    for (const id of new Set(booking.map((_, i) => DEMO_EVENT_TYPE_IDS[i % DEMO_EVENT_TYPE_IDS.length]!))) await deps.scheduling.lookupEventType(id);
  };

  const stop = async () => {
    const running = sim;
    sim = undefined;
    await running?.close();
  };

  return {
    async connect() {
      const view = deps.scheduling.connection();
      if (view.state !== 'not_connected' && !view.isDemo) return "Cal.com: the firm's own account is connected, so demo mode leaves it alone.";
      try {
        sim ??= await startCalcomSimulator();
        if (view.state === 'connected' && view.isDemo && view.baseUrl === sim.url) return `Cal.com: demo simulator at ${sim.url}, already connected.`;
        if (!(await deps.scheduling.connectDemo({ apiKey: sim.keys.valid, baseUrl: sim.url }))) return "Cal.com: the firm's own account is connected, so demo mode leaves it alone.";
        await pointAgents();
        return `Cal.com: demo simulator at ${sim.url}, connected.`;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        deps.logger.warn({ err: message }, 'demo Cal.com not connected');
        return `Cal.com: demo simulator not connected: ${message}`;
      }
    },
    async wipe() {
      deps.scheduling.forgetDemo();
      await stop();
    },
    close: stop,
    url: () => sim?.url ?? null,
  };
}

/** Demo mode's simulated services: the CRMs (when given) and Cal.com, connected, wiped and closed together. */
export function withDemoCalcom(calcom: DemoCalcom, crms?: DemoCrms): DemoCrms {
  return {
    async connect() {
      const lines = crms ? await crms.connect() : [];
      const line = await calcom.connect();
      return [...lines, line];
    },
    async wipe() {
      await crms?.wipe();
      await calcom.wipe();
    },
    async close() {
      await crms?.close();
      await calcom.close();
    },
    urls: () => crms?.urls() ?? {},
  };
}
