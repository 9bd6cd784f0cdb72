// One valid event of each of the 12 types, as the platform would post it: for tests, the benchmark and the docs.
import type { EventType } from '../../shared/domain/events';

const at = '2026-11-26T20:00:00Z';
const call = { call_id: 'call_8f2k', agent_id: 'agent_intake_1', direction: 'inbound', from_number: '+15551230001', to_number: '+15559870002' };
const transfer = { transfer_id: 'xfer_77', call_id: 'call_8f2k', agent_id: 'agent_intake_1', transfer_type: 'warm', destination: '+15554440000' };
const utterances = [
  { speaker: 'agent', text: 'Thank you for calling Smith & Jones, how can I help?', start_seconds: 0.4, end_seconds: 3.1 },
  { speaker: 'caller', text: 'I was rear-ended on the highway last week.', start_seconds: 3.6, end_seconds: 6.2 },
];

export const SAMPLE_DATA: Record<EventType, Record<string, unknown>> = {
  call_started: { ...call, started_at: at },
  call_ended: { ...call, started_at: at, ended_at: '2026-11-26T20:07:30Z', duration_seconds: 450, end_reason: 'caller_hangup', outcome: 'qualified' },
  call_analyzed: {
    call_id: 'call_8f2k',
    summary: 'Caller was rear-ended; injuries to neck; no attorney yet.',
    sentiment: 'neutral',
    outcome: 'qualified',
    transcript: utterances,
    post_call_fields: { injured: true, accident_date: '2026-11-19', vehicles: ['car', 'truck'] },
  },
  transcript_updated: { call_id: 'call_8f2k', utterances },
  transfer_started: { ...transfer, started_at: at },
  transfer_bridged: { ...transfer, bridged_at: at },
  transfer_cancelled: { ...transfer, cancelled_at: at, reason: 'no answer at the destination' },
  transfer_ended: { ...transfer, ended_at: at, duration_seconds: 312 },
  message_sent: { message_id: 'msg_1', channel: 'sms', recipient: '+15551230001', provider_status: 'queued', sent_at: at, body: 'Your consultation is booked.' },
  message_delivered: { message_id: 'msg_2', channel: 'email', recipient: 'jane@example.com', provider_status: 'delivered', delivered_at: at },
  task_completed: { task_id: 'task_9', title: 'Was a police report filed?', task_type: 'question', answer: 'yes', completed_at: at },
  form_submitted: { form_id: 'form_intake', form_name: 'PI intake', submitted_at: at, answers: { injured: true, accident_date: '2026-11-19', passengers: 2 } },
};

/** A postable event of `type` (envelope + sample data), with optional envelope overrides. */
export function sampleEvent(type: EventType, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { type, occurred_at: at, campaign_id: 'camp_pi_2026', data: SAMPLE_DATA[type], ...overrides };
}
