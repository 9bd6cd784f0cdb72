// LawRuler's Classic API (public): every call is a form POST to the portal's one endpoint, the `Key` a form field
// (never the query string or a header, where proxies and logs keep it), `ReturnJSON=True` for JSON answers.
// GetStatus reads a lead; a post without LeadID creates one; LeadID + overridelead=true updates one, and a
// `Conversation` field on such an update adds a note.
import type { z } from 'zod';
import { crmHttp, type CrmHttpAnswer, type CrmHttpDeps } from '../crm/crm-http';
import { CrmError } from '../crm/errors';
import { readAnswer } from './wire-answer';
import { createAnswer, updateAnswer, wireLead, type WireLead } from './wire-schemas';

/** Names the client itself sends: a field of ours under one of them would change what the call does. */
export const RESERVED_FORM_NAMES = ['key', 'operation', 'leadid', 'overridelead', 'returnjson', 'returnxml'] as const;

export const isReservedFormName = (name: string) => (RESERVED_FORM_NAMES as readonly string[]).includes(name.trim().toLowerCase());

/** The lead's fields to post, in order, by LawRuler's form names (`FirstName`, `Custom1234`, …). */
export type LeadForm = [name: string, value: string][];

export interface ClassicApi {
  /** `Operation=GetStatus`: the lead (not_found when the portal has none with that id). */
  getStatus(leadId: string): Promise<WireLead>;
  /** Creates a lead; resolves with its id. */
  createLead(form: LeadForm): Promise<string>;
  /** Changes the posted fields of a lead (`overridelead=true`). */
  updateLead(leadId: string, form: LeadForm): Promise<void>;
  /** Adds a note to a lead: an update carrying only `Conversation`. */
  addConversation(leadId: string, text: string): Promise<void>;
}

export interface ClassicApiDeps {
  http: CrmHttpDeps;
  /** `https://{clientRoot}.lawruler.com` or the override. */
  base: string;
  key: string;
}

const ENDPOINT = '/api-legalcrmapp.aspx';

/** Refuses a reserved name among the lead's fields before anything is sent. */
function checkForm(form: LeadForm, operation: string): void {
  for (const [name] of form) {
    if (isReservedFormName(name)) {
      throw new CrmError(
        { crm: 'lawruler', kind: 'rejected', operation, field: name },
        `"${name}" can't be sent as a LawRuler field: LawRuler's API reserves it (${RESERVED_FORM_NAMES.join(', ')}). Map the value to another field.`,
      );
    }
  }
}

/** The Classic API of one portal. */
export function createClassicApi(deps: ClassicApiDeps): ClassicApi {
  const url = `${deps.base}${ENDPOINT}`;

  const post = (operation: string, fields: [string, string][], write: boolean) => {
    const body = new URLSearchParams([['Key', deps.key], ['ReturnJSON', 'True'], ...fields]);
    return crmHttp(deps.http, {
      operation,
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', accept: 'application/json' },
      body: body.toString(),
      write,
    });
  };

  /**
   * Reads a write's answer. One in an unknown shape leaves the write's outcome unknown (the portal may have applied
   * it before a proxy or a changed API garbled the answer): `unknown_outcome`, so the engine looks before writing again.
   */
  const readWrite = <T>(answer: CrmHttpAnswer, schema: z.ZodType<T>, operation: string): T => {
    try {
      return readAnswer(answer, schema, { operation });
    } catch (error) {
      if (!(error instanceof CrmError) || error.kind !== 'bad_response') throw error;
      throw new CrmError({ ...error.crmDetails, kind: 'unknown_outcome' }, `${error.message} It may have been applied; it is looked up before being tried again.`, error);
    }
  };

  /** Checks an update's answer names the lead it was for: an answer about another lead is not ours. */
  const expectLead = (leadId: string, answered: string, operation: string) => {
    if (answered !== leadId) {
      throw new CrmError(
        { crm: 'lawruler', kind: 'bad_response', operation, path: 'LeadID' },
        `LawRuler answered ${operation} about lead ${answered}, not lead ${leadId}.`,
      );
    }
  };

  return {
    async getStatus(leadId) {
      const operation = `read lead ${leadId}`;
      const answer = await post(operation, [['Operation', 'GetStatus'], ['LeadID', leadId]], false);
      return readAnswer(answer, wireLead, { operation });
    },

    async createLead(form) {
      const operation = 'create a lead';
      checkForm(form, operation);
      // LawRuler's own duplicate check is off: its outcome on a match is not public, and the console matches first
      // (initial sync's preview, findExisting after a lost answer), so a create is meant as a create.
      const answer = await post(operation, [...form, ['dupcheck', '0']], true);
      return readWrite(answer, createAnswer, operation).LeadID;
    },

    async updateLead(leadId, form) {
      const operation = `update lead ${leadId}`;
      checkForm(form, operation);
      const answer = await post(operation, [['LeadID', leadId], ['overridelead', 'true'], ...form], true);
      expectLead(leadId, readWrite(answer, updateAnswer, operation).LeadID, operation);
    },

    async addConversation(leadId, text) {
      const operation = `add a note to lead ${leadId}`;
      const answer = await post(operation, [['LeadID', leadId], ['overridelead', 'true'], ['Conversation', text]], true);
      expectLead(leadId, readWrite(answer, updateAnswer, operation).LeadID, operation);
    },
  };
}
