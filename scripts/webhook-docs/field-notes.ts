// Hand-written words for the event reference: what each event type means and what each `data` field holds.
// The generator refuses to run when a field of a schema has no note here, so new fields get documented.
import type { EventType } from '../../shared/domain/events';

export const EVENT_DESCRIPTIONS: Record<EventType, string> = {
  call_started: 'A voice agent\'s call began, inbound or outbound.',
  call_ended: 'A call ended: how long it lasted, why it ended and its outcome.',
  call_analyzed: 'The post-call analysis of a call is ready: summary, sentiment, outcome, the whole transcript and the post-call fields.',
  transcript_updated: 'New utterances of a call: only the ones added since the previous update, in order.',
  transfer_started: 'The agent began transferring a call, cold or warm, to a number or SIP URI.',
  transfer_bridged: 'A transfer connected: the caller and the destination are talking.',
  transfer_cancelled: 'A transfer was abandoned before it connected, with the reason.',
  transfer_ended: 'A transferred call ended.',
  message_sent: 'An SMS or email was handed to the provider.',
  message_delivered: 'The provider reported what became of a message (delivered, undelivered, bounced, …).',
  task_completed: 'A task (a question, a callback, a document request, …) was completed, with its answer.',
  form_submitted: 'A form was submitted, with every answer.',
};

/** Notes by field name; `type.field` entries win for fields that mean something different in one type. */
export const FIELD_NOTES: Record<string, string> = {
  call_id: 'The call it is about.',
  agent_id: 'The voice agent that handled it; null when not known.',
  direction: 'Who called whom.',
  from_number: 'The calling number (E.164, e.g. +15551230001, or a SIP URI).',
  to_number: 'The called number (E.164 or a SIP URI).',
  started_at: 'When it started.',
  ended_at: 'When it ended.',
  'call_ended.duration_seconds': 'How long the call lasted, in seconds.',
  'transfer_ended.duration_seconds': 'How long the transferred call lasted, in seconds; null when not known.',
  end_reason: 'Why the call ended.',
  'call_ended.outcome': "The call's outcome as the agent classified it (e.g. qualified); null when none.",
  'call_analyzed.outcome': 'The outcome the analysis found (e.g. qualified); null when none.',
  summary: 'A summary of the call.',
  sentiment: "The caller's overall sentiment.",
  transcript: 'The whole transcript, in order.',
  post_call_fields: 'The post-call fields the analysis filled in, by key.',
  utterances: 'The new utterances (at least one), in order.',
  transfer_id: 'The transfer it is about.',
  transfer_type: 'cold: the call is handed over directly; warm: the agent briefs the destination before connecting the caller.',
  destination: 'Where the call is transferred to: a phone number or SIP URI.',
  bridged_at: 'When the caller and the destination were connected.',
  cancelled_at: 'When the transfer was abandoned.',
  reason: 'Why the transfer was abandoned.',
  message_id: 'The message it is about.',
  channel: 'sms or email.',
  recipient: 'Who it was sent to: a phone number for sms, an email address for email.',
  'message_sent.provider_status': "The SMS/email provider's status word when it took the message (e.g. queued, sent).",
  'message_delivered.provider_status': "The provider's final status word (e.g. delivered, undelivered, bounced).",
  sent_at: 'When it was handed to the provider.',
  subject: 'The email subject; null for sms or when not known.',
  body: 'The text sent; null when not known.',
  delivered_at: 'When the provider reported the status.',
  error_message: "The provider's error text when delivery failed; null otherwise.",
  task_id: 'The task it is about.',
  title: 'The task as the agent saw it (e.g. the question asked).',
  task_type: 'What kind of task: free text from the platform (question, callback, document_request, …).',
  answer: 'The answer.',
  completed_at: 'When it was completed.',
  completed_by: 'Who completed it (an agent or a person); null when not known.',
  form_id: 'The form.',
  form_name: "The form's name; null when not known.",
  submission_id: "The platform's id of this submission; null when not known.",
  submitted_at: 'When it was submitted.',
  answers: 'Every answer, by question key.',
};

/** The note for `field` of `type`; throws when there is none, so the generator stops on an undocumented field. */
export function fieldNote(type: EventType, field: string): string {
  const note = FIELD_NOTES[`${type}.${field}`] ?? FIELD_NOTES[field];
  if (note === undefined) throw new Error(`no note for ${type}.data.${field}: add one to scripts/webhook-docs/field-notes.ts`);
  return note;
}
