// Intake conversations for demo calls, by case type: what the agent and the caller say, with timings, and what
// the call analysis makes of it (summary, sentiment, outcome, post-call fields).
import type { DemoCaseRef } from './demo-world';
import { MASS_TORT, PERSONAL_INJURY } from './demo-catalog';
import type { Rng } from './prng';

export interface Utterance {
  speaker: 'agent' | 'caller';
  text: string;
  start_seconds: number;
  end_seconds: number;
}

export type CallOutcome = 'appointment_booked' | 'qualified' | 'callback_requested' | 'not_qualified' | 'already_represented';

export interface Conversation {
  utterances: Utterance[];
  outcome: CallOutcome;
  sentiment: 'positive' | 'neutral' | 'negative' | 'mixed';
  summary: string;
  postCallFields: Record<string, string | number | boolean | string[]>;
}

type Line = ['agent' | 'caller', string];

/** Speaking time: about 2.6 words a second plus a breath between turns. */
function timed(lines: Line[]): Utterance[] {
  let t = 0.4;
  return lines.map(([speaker, text]) => {
    const start = t;
    const end = Math.round((start + Math.max(1.2, text.split(/\s+/).length / 2.6)) * 10) / 10;
    t = Math.round((end + 0.6) * 10) / 10;
    return { speaker, text, start_seconds: start, end_seconds: end };
  });
}

function intake(rng: Rng, c: DemoCaseRef): { lines: Line[]; about: string; fields: Conversation['postCallFields'] } {
  const weeks = rng.int(1, 10);
  if (c.caseType === PERSONAL_INJURY) {
    const story = rng.pick([
      ['I was rear-ended at a red light and my neck has hurt ever since.', 'a rear-end collision with neck pain'],
      ['A delivery truck sideswiped my car on the interstate.', 'a sideswipe by a delivery truck'],
      ['I slipped on a wet floor at a grocery store and hurt my back.', 'a slip and fall at a grocery store'],
      ['Someone ran a stop sign and T-boned my car.', 'a T-bone collision at a stop sign'],
    ] as const);
    const treated = rng.chance(0.7);
    const report = rng.chance(0.65);
    return {
      about: story[1],
      fields: { injured: true, sought_treatment: treated, police_report_filed: report, weeks_since_accident: weeks },
      lines: [
        ['caller', story[0]],
        ['agent', "I'm sorry to hear that. When did it happen?"],
        ['caller', `About ${weeks} week${weeks === 1 ? '' : 's'} ago.`],
        ['agent', 'Have you seen a doctor or been to the emergency room?'],
        ['caller', treated ? 'Yes, I went to urgent care the next day and I am doing physical therapy.' : 'Not yet, I was hoping it would get better on its own.'],
        ['agent', 'Was a police report filed?'],
        ['caller', report ? 'Yes, the officer gave me a report number.' : "No, the police didn't come out."],
      ],
    };
  }
  if (c.caseType === MASS_TORT) {
    const years = rng.int(5, 25);
    const diagnosed = rng.chance(0.8);
    return {
      about: 'long-term exposure to a product named in a mass tort',
      fields: { product_used: true, years_of_use: years, diagnosed },
      lines: [
        ['caller', 'I saw your ad on TV about people who got sick from a product I used for years.'],
        ['agent', 'Thank you for reaching out. How long did you use or were you exposed to it?'],
        ['caller', `About ${years} years.`],
        ['agent', 'Has a doctor diagnosed you with a medical condition?'],
        ['caller', diagnosed ? 'Yes, I was diagnosed last year and I am in treatment now.' : 'Not officially, but I have had symptoms.'],
        ['agent', 'Do you still have receipts, containers or records showing you used it?'],
        ['caller', rng.chance(0.6) ? 'I have some receipts and my pharmacy records.' : "I'm not sure, I would have to look."],
      ],
    };
  }
  const reported = rng.chance(0.85);
  return {
    about: 'an injury at work',
    fields: { reported_to_employer: reported, missed_work: rng.chance(0.7), weeks_since_injury: weeks },
    lines: [
      ['caller', 'I hurt my shoulder lifting boxes at work and my employer is not paying my medical bills.'],
      ['agent', "I'm sorry. When did the injury happen?"],
      ['caller', `${weeks} week${weeks === 1 ? '' : 's'} ago.`],
      ['agent', 'Did you report the injury to your supervisor?'],
      ['caller', reported ? 'Yes, I told my supervisor that same day.' : 'Not in writing, I only mentioned it.'],
      ['agent', 'Have you missed any work because of it?'],
      ['caller', 'Yes, about two weeks so far.'],
    ],
  };
}

const OUTCOMES: CallOutcome[] = ['appointment_booked', 'qualified', 'callback_requested', 'not_qualified', 'already_represented'];
const OUTCOME_WEIGHTS = [35, 25, 15, 15, 10];

/** A connected intake call between `agentFirst` and the case's client; `canBook` when the agent books appointments. */
export function demoConversation(rng: Rng, c: DemoCaseRef, agentFirst: string, canBook: boolean): Conversation {
  const { lines: story, about, fields } = intake(rng, c);
  let outcome = rng.weighted(OUTCOMES, OUTCOME_WEIGHTS);
  if (outcome === 'appointment_booked' && !canBook) outcome = 'qualified';
  const closing: Record<CallOutcome, Line[]> = {
    appointment_booked: [
      ['agent', 'Based on what you told me, you may have a case. I can book a free consultation with an attorney. Does tomorrow at 10 AM work?'],
      ['caller', 'Yes, that works for me.'],
      ['agent', "You're all set. You'll get a text confirmation in a moment."],
    ],
    qualified: [
      ['agent', 'Thank you. An attorney will review this and call you back today.'],
      ['caller', 'Great, thank you.'],
    ],
    callback_requested: [
      ['caller', "I'm at work right now, can someone call me back this evening?"],
      ['agent', "Of course. We'll call you back after 6 PM."],
    ],
    not_qualified: [
      ['agent', "Thank you for explaining. Unfortunately this isn't a case our firm can take, but I'll text you the number of the state bar referral service."],
      ['caller', 'Okay, I understand.'],
    ],
    already_represented: [
      ['caller', 'Actually, I already talked to another lawyer about this.'],
      ['agent', "Thanks for letting me know. If anything changes, you're welcome to call us back."],
    ],
  };
  const lines: Line[] = [
    ['agent', `Thank you for calling. This is ${agentFirst}, the firm's virtual intake assistant. Who am I speaking with?`],
    ['caller', `Hi, this is ${c.firstName} ${c.lastName}.`],
    ['agent', `Thanks, ${c.firstName}. How can we help you today?`],
    ...story,
    ...closing[outcome],
  ];
  const sentiment =
    outcome === 'appointment_booked' ? 'positive' : outcome === 'not_qualified' ? rng.pick(['negative', 'mixed'] as const) : rng.pick(['neutral', 'positive', 'mixed'] as const);
  const next: Record<CallOutcome, string> = {
    appointment_booked: 'A free consultation was booked for tomorrow at 10 AM.',
    qualified: 'Looks qualified; an attorney should call back today.',
    callback_requested: 'Asked for a call back after 6 PM.',
    not_qualified: 'Not a case the firm takes; referral number sent.',
    already_represented: 'Already represented by another firm.',
  };
  return {
    utterances: timed(lines),
    outcome,
    sentiment,
    summary: `${c.firstName} ${c.lastName} called about ${about} (${c.caseType}). ${next[outcome]}`,
    postCallFields: fields,
  };
}
