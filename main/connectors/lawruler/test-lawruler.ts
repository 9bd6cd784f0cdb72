// Test fixture: a simulated LawRuler portal and connectors pointed at it through guarded agents that may dial only
// 127.0.0.1, plus a recorder of every request the connectors sent (method, URL, headers, body), for the
// conformance suite and the LawRuler-specific tests.
import type { Dispatcher } from 'undici';
import { systemClock, type Clock } from '../../kernel';
import { createGuardedAgent } from '../../net';
import type { ConformanceSetup } from '../crm/test-conformance';
import type { CrmConnector, CrmRecordInput } from '../crm/types';
import type { LawRulerCredentials } from './credentials';
import { createLawRulerConnector } from './lawruler-connector';
import { startLawRulerSimulator, type LawRulerSimulator, type LawRulerSimulatorOptions } from './simulator/lawruler-simulator';

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface LawRulerTestSetup extends ConformanceSetup {
  sim: LawRulerSimulator;
  /** A connector with other credentials or options. */
  connectorWith(options: { credentials?: Partial<LawRulerCredentials>; timeoutMs?: number; clock?: Clock }): CrmConnector;
  /** Every request the connectors of this setup sent, oldest first. */
  sent(): SentRequest[];
}

function headersOf(headers: Dispatcher.DispatchOptions['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  const entries: [string, unknown][] = Array.isArray(headers)
    ? (headers as string[]).reduce<[string, unknown][]>((acc, v, i, all) => (i % 2 === 0 ? [...acc, [v, all[i + 1]]] : acc), [])
    : Object.entries(headers as Record<string, unknown>);
  for (const [k, v] of entries) out[k.toLowerCase()] = String(v);
  return out;
}

/** A simulator and the means to point connectors at it; `close()` stops both. */
export async function startLawRulerTestSetup(options: LawRulerSimulatorOptions = {}): Promise<LawRulerTestSetup> {
  const sim = await startLawRulerSimulator(options);
  const sent: SentRequest[] = [];
  const agent = createGuardedAgent({ connectTimeoutMs: 2_000, allowlist: ['127.0.0.1/32'] });
  const recording = agent.compose((dispatch) => (opts, handler) => {
    sent.push({ method: opts.method, url: `${String(opts.origin)}${opts.path}`, headers: headersOf(opts.headers), body: typeof opts.body === 'string' ? opts.body : '' });
    return dispatch(opts, handler);
  });

  const connectorWith: LawRulerTestSetup['connectorWith'] = (o) =>
    createLawRulerConnector({
      credentials: { ...sim.credentials, ...o.credentials },
      baseUrl: sim.url,
      dispatcher: recording,
      timeoutMs: o.timeoutMs ?? 5_000,
      clock: o.clock ?? systemClock,
    });

  const sampleInput = (n: number): CrmRecordInput => ({
    caseTypeId: '1',
    statusId: '11',
    firstName: `Sample${n}`,
    lastName: 'Claimant',
    phone: `(555) 900-${String(n).padStart(4, '0')}`,
    email: `sample${n}@example.com`,
    summary: 'Rear-ended at a light',
    fields: { Custom1001: '2026-03-01', Custom1005: 'ER' },
  });

  return {
    sim,
    connector: (o) => connectorWith({ timeoutMs: o?.timeoutMs }),
    badCredentials: () => connectorWith({ credentials: { password: 'wrong-password', key: 'WRONG-KEY' } }),
    connectorWith,
    sampleInput,
    otherStatusId: '13',
    signInOperation: 'token',
    sent: () => [...sent],
    async close() {
      await sim.close();
      await agent.close();
    },
  };
}
