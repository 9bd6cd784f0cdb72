// What the simulated portal's handlers share: its catalog, leads, notes and tokens, and the answers in LawRuler's
// formats. The faults only a LawRuler handler can play are played through the exchange (`ex.play(kind)`, the
// shared server's), on the requests they apply to.
import type { ServerResponse } from 'node:http';
import type { LawRulerCredentials } from '../credentials';
import type { SimCatalog } from './sim-catalog';
import type { SimLead, SimLeads } from './sim-leads';

export interface SimPortal {
  catalog: SimCatalog;
  leads: SimLeads;
  notes: Map<number, string[]>;
  /** Ids of leads created through the API, in order. */
  created: string[];
  credentials: LawRulerCredentials;
  /** Token → when it expires (epoch ms). */
  tokens: Map<string, number>;
  tokenTtlMs: number;
  now(): number;
  /** A lead's status changed (through the API or by a person): LawRuler's webhook fires. */
  statusChanged(lead: SimLead): void;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The Classic API's XML answer (what it sends without ReturnJSON=True); flat, enough to tell it apart. */
export function sendXml(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  const inner = Object.entries(body)
    .map(([k, v]) => `<${k}>${escapeXml(typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))}</${k}>`)
    .join('');
  res.writeHead(status, { 'content-type': 'text/xml; charset=utf-8' }).end(`<?xml version="1.0" encoding="utf-8"?><Response>${inner}</Response>`);
}

/** LawRuler's failure in a 200 (ASSUMED wording), as the `error_in_200` fault plays it. */
export const ERROR_IN_200 = { success: false, error: 'An error occurred while processing your request. Please try again.' };
/** A 200 in a shape nobody expects (a renamed property), as the `malformed` fault plays it. */
export const MALFORMED = { success: true, Result: 'OK', Data: null };
