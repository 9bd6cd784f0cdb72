// Turns the demo world into realistic campaign activity: each scenario is a short ordered list of requests
// to the ingest API (a whole call with transcript updates, a transfer and analysis; a text or email and its
// delivery report; a completed task; a submitted form; a case moving on in its pipeline). Timestamps are set so
// that a scenario's last step happens "now" and the earlier ones before it, in order.
import type { EventType } from '../../shared/domain/events';
import { demoConversation, type Conversation } from './conversations';
import { DEMO_AGENT_NUMBER, DEMO_TRANSFER_NUMBER, MASS_TORT, PERSONAL_INJURY } from './demo-catalog';
import type { DemoAgentRef, DemoCaseRef, DemoWorld } from './demo-world';
import type { Rng } from './prng';

/** One request: an event for POST /v1/events, or a case status change for PUT /v1/cases/demo/<externalId>. */
export type DemoStep =
  | { kind: 'event'; type: EventType; body: Record<string, unknown> }
  | { kind: 'case-status'; case: DemoCaseRef; status: string; body: { name: string; case_type: string; status: string } };

export interface ScenarioFactory {
  /** The next scenario's steps (at least one), or [] when the world has no demo cases. */
  next(world: DemoWorld, now: Date): DemoStep[];
}

/** Side-branch statuses a case is never moved into by the generator. */
const SIDE_BRANCHES = new Set(['Disqualified', 'Appeal Pending']);

/** The status a case moves on to next, or null at the end of its pipeline. */
export function nextStatus(c: DemoCaseRef): string | null {
  const at = c.statuses.indexOf(c.status);
  for (let i = at + 1; i < c.statuses.length; i++) if (!SIDE_BRANCHES.has(c.statuses[i]!)) return c.statuses[i]!;
  return null;
}

/** When each step of a scenario happens, by its offset in seconds from the scenario's start. */
type TimeOf = (offset: number) => string;

interface Pending {
  offset: number;
  step: (timeOf: TimeOf) => DemoStep;
}

/** A factory whose ids start with `idPrefix` (unique per generator run, so idempotency keys never clash). */
export function createScenarioFactory(rng: Rng, idPrefix: string): ScenarioFactory {
  let counter = 0;
  const nextId = (kind: string) => `${kind}_${idPrefix}_${++counter}`;

  const agentFor = (world: DemoWorld, c: DemoCaseRef): DemoAgentRef | null => {
    const own = world.agents.filter((a) => a.campaignId !== null && a.campaignId === c.campaignId);
    if (own.length > 0 && rng.chance(0.85)) return rng.pick(own);
    const overflow = world.agents.filter((a) => a.campaignId === null);
    return overflow.length > 0 ? rng.pick(overflow) : world.agents.length > 0 ? rng.pick(world.agents) : null;
  };
  const firstNameOf = (agent: DemoAgentRef | null) => agent?.name.split(/\s+/)[0] ?? 'Kayse';

  /** An event of `type` about case `c` at `offset`; `data` may read the scenario's other times. */
  const event = (offset: number, type: EventType, c: DemoCaseRef, data: (timeOf: TimeOf) => Record<string, unknown>): Pending => ({
    offset,
    step: (timeOf) => ({
      kind: 'event',
      type,
      body: {
        id: nextId('evt'),
        type,
        occurred_at: timeOf(offset),
        ...(c.campaignId ? { campaign_id: c.campaignId } : {}),
        case_id: c.id,
        ...(c.clientId ? { client_id: c.clientId } : {}),
        data: data(timeOf),
      },
    }),
  });

  const statusStep = (offset: number, c: DemoCaseRef): Pending | null => {
    const status = nextStatus(c);
    if (!status) return null;
    return { offset, step: () => ({ kind: 'case-status', case: c, status, body: { name: c.name, case_type: c.caseType, status } }) };
  };

  const messageSteps = (c: DemoCaseRef, agent: DemoAgentRef | null, start: number, text: { sms: string; subject: string; email: string }): Pending[] => {
    const useEmail = c.email !== null && (c.phone === null || rng.chance(0.3));
    if (!useEmail && c.phone === null) return [];
    const channel = useEmail ? 'email' : 'sms';
    const base = { message_id: nextId('msg'), agent_id: agent?.id ?? null, channel, recipient: useEmail ? c.email! : c.phone! };
    const delivered = rng.chance(0.92);
    const failure =
      channel === 'sms'
        ? { status: 'undelivered', error: 'Carrier rejected the message (30007: filtered as spam).' }
        : { status: 'bounced', error: '550 5.1.1 Mailbox unavailable.' };
    const deliveredAt = start + rng.int(2, 40);
    return [
      event(start, 'message_sent', c, (t) => ({
        ...base,
        provider_status: channel === 'sms' ? 'queued' : 'sent',
        sent_at: t(start),
        subject: channel === 'email' ? text.subject : null,
        body: channel === 'email' ? text.email : text.sms,
      })),
      event(deliveredAt, 'message_delivered', c, (t) => ({
        ...base,
        provider_status: delivered ? 'delivered' : failure.status,
        delivered_at: t(deliveredAt),
        error_message: delivered ? null : failure.error,
      })),
    ];
  };

  const callScenario = (world: DemoWorld, c: DemoCaseRef): Pending[] => {
    const agent = agentFor(world, c);
    const inbound = rng.chance(0.7);
    const clientNumber = c.phone ?? '+17865550100';
    const call = {
      call_id: nextId('call'),
      agent_id: agent?.id ?? null,
      direction: inbound ? 'inbound' : 'outbound',
      from_number: inbound ? clientNumber : DEMO_AGENT_NUMBER,
      to_number: inbound ? DEMO_AGENT_NUMBER : clientNumber,
    };
    const steps: Pending[] = [event(0, 'call_started', c, (t) => ({ ...call, started_at: t(0) }))];

    if (!inbound && rng.chance(0.3)) {
      const reason = rng.pick(['voicemail', 'no_answer'] as const);
      const duration = reason === 'voicemail' ? rng.int(20, 45) : rng.int(25, 35);
      steps.push(
        event(duration, 'call_ended', c, (t) => ({ ...call, started_at: t(0), ended_at: t(duration), duration_seconds: duration, end_reason: reason, outcome: reason })),
        event(duration + 4, 'call_analyzed', c, () => ({
          call_id: call.call_id,
          agent_id: call.agent_id,
          summary: reason === 'voicemail' ? `Left a voicemail for ${c.firstName} ${c.lastName} asking them to call back.` : `${c.firstName} ${c.lastName} did not answer.`,
          sentiment: 'neutral',
          outcome: reason,
          transcript: [],
          post_call_fields: {},
        })),
      );
      return steps;
    }

    const talk: Conversation = demoConversation(rng, c, firstNameOf(agent), agent?.eventTypeId != null);
    if (rng.chance(0.5)) {
      const cut = rng.int(2, talk.utterances.length - 2);
      for (const part of [talk.utterances.slice(0, cut), talk.utterances.slice(cut)]) {
        const at = Math.ceil(part[part.length - 1]!.end_seconds);
        steps.push(event(at, 'transcript_updated', c, () => ({ call_id: call.call_id, agent_id: call.agent_id, utterances: part })));
      }
    }
    let end = Math.ceil(talk.utterances[talk.utterances.length - 1]!.end_seconds) + rng.int(2, 6);
    let endReason = rng.chance(0.6) ? 'agent_hangup' : 'caller_hangup';
    if ((talk.outcome === 'qualified' || talk.outcome === 'appointment_booked') && rng.chance(0.3)) {
      const transfer = {
        transfer_id: nextId('xfer'),
        call_id: call.call_id,
        agent_id: call.agent_id,
        transfer_type: rng.chance(0.7) ? 'warm' : 'cold',
        destination: DEMO_TRANSFER_NUMBER,
      };
      const started = end;
      steps.push(event(started, 'transfer_started', c, (t) => ({ ...transfer, started_at: t(started) })));
      if (rng.chance(0.75)) {
        const bridged = started + rng.int(6, 20);
        const spoke = rng.int(60, 480);
        end = bridged + spoke;
        const ended = end;
        steps.push(
          event(bridged, 'transfer_bridged', c, (t) => ({ ...transfer, bridged_at: t(bridged) })),
          event(ended, 'transfer_ended', c, (t) => ({ ...transfer, ended_at: t(ended), duration_seconds: spoke })),
        );
        endReason = 'transferred';
      } else {
        end = started + 30;
        const ended = end;
        steps.push(
          event(ended - 1, 'transfer_cancelled', c, (t) => ({ ...transfer, cancelled_at: t(ended - 1), reason: 'No answer at the destination after 30 seconds.' })),
          event(ended, 'transfer_ended', c, (t) => ({ ...transfer, ended_at: t(ended), duration_seconds: null })),
        );
      }
    }
    const callEnd = end + 1;
    steps.push(
      event(callEnd, 'call_ended', c, (t) => ({ ...call, started_at: t(0), ended_at: t(callEnd), duration_seconds: callEnd, end_reason: endReason, outcome: talk.outcome })),
      event(callEnd + rng.int(5, 15), 'call_analyzed', c, () => ({
        call_id: call.call_id,
        agent_id: call.agent_id,
        summary: talk.summary,
        sentiment: talk.sentiment,
        outcome: talk.outcome,
        transcript: talk.utterances,
        post_call_fields: talk.postCallFields,
      })),
    );
    const after = callEnd + 20;
    if (talk.outcome === 'appointment_booked' || (talk.outcome === 'qualified' && rng.chance(0.5))) {
      steps.push(
        ...messageSteps(c, agent, after, {
          sms: `Hi ${c.firstName}, your free consultation is confirmed for tomorrow at 10:00 AM. Reply C to cancel. (Demo message)`,
          subject: 'Your consultation is confirmed',
          email: `Hi ${c.firstName},\n\nThank you for speaking with us. Your free consultation is confirmed for tomorrow at 10:00 AM.\n\n(This is a demo message.)`,
        }),
      );
    }
    if (talk.outcome !== 'not_qualified' && talk.outcome !== 'already_represented' && rng.chance(0.35)) {
      const move = statusStep(after + 60, c);
      if (move) steps.push(move);
    }
    return steps;
  };

  const scenarios: { weight: number; build: (world: DemoWorld, c: DemoCaseRef) => Pending[] }[] = [
    { weight: 55, build: callScenario },
    {
      weight: 18,
      build: (world, c) =>
        messageSteps(c, agentFor(world, c), 0, {
          sms: `Hi ${c.firstName}, this is the intake team. Please upload your documents so we can keep your case moving. (Demo message)`,
          subject: 'Documents needed for your case',
          email: `Hi ${c.firstName},\n\nTo keep your case moving, please upload your documents.\n\n(This is a demo message.)`,
        }),
    },
    {
      weight: 12,
      build: (world, c) => {
        const task = rng.pick(TASKS[c.caseType] ?? TASKS_OTHER);
        const agent = agentFor(world, c);
        const answer = rng.pick(task.answers);
        return [
          event(0, 'task_completed', c, (t) => ({
            task_id: nextId('task'),
            agent_id: agent?.id ?? null,
            title: task.title,
            task_type: task.taskType,
            answer,
            completed_at: t(0),
            completed_by: `${c.firstName} ${c.lastName}`,
          })),
        ];
      },
    },
    {
      weight: 10,
      build: (_world, c) => {
        const form = FORMS[c.caseType] ?? FORM_OTHER;
        const answers = form.answers(rng, c);
        return [event(0, 'form_submitted', c, (t) => ({ form_id: form.id, form_name: form.name, submission_id: nextId('sub'), submitted_at: t(0), answers }))];
      },
    },
    {
      weight: 5,
      build: (_world, c) => {
        const move = statusStep(0, c);
        return move ? [move] : [];
      },
    },
  ];
  const weights = scenarios.map((s) => s.weight);

  return {
    next(world, now) {
      if (world.cases.length === 0) return [];
      for (;;) {
        const c = rng.pick(world.cases);
        const pending = rng.weighted(scenarios, weights).build(world, c);
        if (pending.length === 0) continue;
        pending.sort((a, b) => a.offset - b.offset);
        const span = pending[pending.length - 1]!.offset;
        const timeOf: TimeOf = (offset) => new Date(now.getTime() - (span - offset) * 1000).toISOString();
        return pending.map((p) => p.step(timeOf));
      }
    },
  };
}

interface TaskSpec {
  title: string;
  taskType: string;
  answers: (string | boolean)[];
}

const TASKS: Record<string, TaskSpec[]> = {
  [PERSONAL_INJURY]: [
    { title: 'Was a police report filed?', taskType: 'question', answers: ['yes', 'no'] },
    { title: 'Upload photos of the vehicle damage', taskType: 'document_request', answers: ['3 photos uploaded', 'Will upload tonight'] },
    { title: 'Confirm the name of the treating clinic', taskType: 'question', answers: ['Coral Way Urgent Care', 'Baptist Health ER', 'Not treated yet'] },
  ],
  [MASS_TORT]: [
    { title: 'Sign the medical records release (HIPAA)', taskType: 'document_request', answers: [true] },
    { title: 'Confirm the date of diagnosis', taskType: 'question', answers: ['2023-05-12', '2021-11-02', 'Not diagnosed'] },
  ],
};
const TASKS_OTHER: TaskSpec[] = [
  { title: 'Send the employer incident report', taskType: 'document_request', answers: ['Uploaded', 'Employer did not give one'] },
  { title: 'Schedule a call back with the case manager', taskType: 'callback', answers: ['Tomorrow 2 PM', 'Friday morning'] },
];

interface FormSpec {
  id: string;
  name: string;
  answers: (rng: Rng, c: DemoCaseRef) => Record<string, string | number | boolean | string[]>;
}

const FORMS: Record<string, FormSpec> = {
  [PERSONAL_INJURY]: {
    id: 'form_pi_intake',
    name: 'Personal injury intake',
    answers: (rng) => ({ injured: true, vehicles_involved: rng.int(1, 3), injury_type: rng.sample(['Back', 'Neck', 'Head', 'Fracture'], rng.int(1, 2)), police_report: rng.chance(0.6) }),
  },
  [MASS_TORT]: {
    id: 'form_mass_tort_screening',
    name: 'Mass tort screening',
    answers: (rng) => ({ years_of_use: rng.int(2, 25), diagnosed: rng.chance(0.8), has_receipts: rng.chance(0.5) }),
  },
};
const FORM_OTHER: FormSpec = {
  id: 'form_workers_comp_intake',
  name: "Workers' compensation intake",
  answers: (rng, c) => ({ full_name: `${c.firstName} ${c.lastName}`, reported_to_employer: rng.chance(0.85), weeks_missed: rng.int(0, 12) }),
};
