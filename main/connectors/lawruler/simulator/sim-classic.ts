// The simulated Classic API: one endpoint, form-encoded posts, the Key read from the form only (a Key in the query
// string is not a Key), JSON with ReturnJSON=True and XML otherwise. GetStatus reads; a post without LeadID creates;
// LeadID needs overridelead=true to update; a Conversation field adds a note.
import { dropAnswer, type SimExchange } from '../../crm/simulator/sim-server';
import { applyPatch, formValue, readLeadForm } from './sim-form';
import { wireLead, type SimLead } from './sim-leads';
import { ERROR_IN_200, MALFORMED, sendJson, sendXml, type SimPortal } from './sim-portal';

export const CLASSIC_PATH = '/api-legalcrmapp.aspx';

/** The operation a Classic post asks for, for the request log. */
export function classicOperation(form: URLSearchParams): string {
  if (formValue(form, 'Operation')?.toLowerCase() === 'getstatus') return 'GetStatus';
  if (formValue(form, 'LeadID') === null) return 'Create';
  const own = new Set(['key', 'returnjson', 'returnxml', 'leadid', 'overridelead', 'conversation']);
  const onlyNote = formValue(form, 'Conversation') !== null && [...form.keys()].every((k) => own.has(k.toLowerCase()));
  return onlyNote ? 'Note' : 'Update';
}

export function handleClassic(portal: SimPortal, ex: SimExchange, form: URLSearchParams): void {
  const json = formValue(form, 'ReturnJSON')?.toLowerCase() === 'true' && formValue(form, 'ReturnXML')?.toLowerCase() !== 'true';
  const answer = (status: number, body: Record<string, unknown>) => (json ? sendJson(ex.res, status, body) : sendXml(ex.res, status, body));
  if (ex.req.method !== 'POST') return answer(405, { success: false, error: 'Use POST.' });
  if (formValue(form, 'Key') !== portal.credentials.key) return answer(401, { success: false, error: 'Invalid API Key.' });
  if (ex.play('error_in_200')) return answer(200, ERROR_IN_200);
  if (ex.play('malformed')) return answer(200, MALFORMED);

  const operation = classicOperation(form);
  const now = portal.now();
  if (operation === 'Create') {
    const patch = readLeadForm(form, portal.catalog, null);
    if ('error' in patch) return answer(200, { success: false, ...patch });
    const id = portal.leads.nextId();
    const lead: SimLead = {
      id,
      contactId: 500_000 + id,
      caseTypeId: patch.caseTypeId!,
      statusId: patch.statusId ?? portal.catalog.statuses[0]!.id,
      firstName: '',
      lastName: '',
      cellPhone: '',
      email: '',
      tags: '',
      summary: '',
      createdMs: now,
      modifiedMs: now,
      statusMs: now,
      custom: new Map(),
    };
    applyPatch(lead, patch);
    portal.leads.add(lead);
    portal.created.push(String(id));
    const conversation = formValue(form, 'Conversation');
    if (conversation) portal.notes.set(id, [conversation]);
    if (ex.play('drop_write_answer')) return dropAnswer(ex.res);
    return answer(200, { success: true, LeadID: id, message: 'Lead created.' });
  }

  const idText = formValue(form, 'LeadID') ?? '';
  const lead = /^\d+$/.test(idText) ? portal.leads.get(Number(idText)) : undefined;
  if (!lead) return answer(200, { success: false, error: `Lead ${idText} not found.` });
  if (operation === 'GetStatus') return answer(200, { success: true, ...wireLead(lead, portal.catalog) });

  if (formValue(form, 'overridelead')?.toLowerCase() !== 'true') {
    return answer(200, { success: false, error: `Lead ${idText} already exists: send overridelead=true to update it.` });
  }
  const patch = readLeadForm(form, portal.catalog, lead);
  if ('error' in patch) return answer(200, { success: false, ...patch });
  const conversation = formValue(form, 'Conversation');
  if (conversation) portal.notes.set(lead.id, [...(portal.notes.get(lead.id) ?? []), conversation]);
  const statusChanged = patch.statusId !== undefined && patch.statusId !== lead.statusId;
  const changesLead = patch.custom.size > 0 || Object.entries(patch).some(([k, v]) => k !== 'custom' && v !== undefined);
  if (changesLead) {
    portal.leads.touch(lead, now, (l) => {
      applyPatch(l, patch);
      if (statusChanged) l.statusMs = now;
    });
  }
  if (statusChanged) portal.statusChanged(lead);
  if (ex.play('drop_write_answer')) return dropAnswer(ex.res);
  return answer(200, { success: true, LeadID: lead.id, message: 'Lead updated.' });
}
