// "Verify signature" for one logged attempt: recompute both signature schemes over the exact body and timestamp
// that were sent, with each of the webhook's current signing secrets, and judge what a receiver would have done.
import type { SchemeCheck, SecretMatch, SignatureCheck } from '../../../shared/contract/delivery-log';
import type { AttemptDetail } from '../../../shared/contract/webhooks';
import { AppError } from '../../../shared/result';
import type { SecretVault } from '../signing/secret-vault';
import { generateSigningSecret } from '../signing/signing-secret';
import { DEFAULT_TOLERANCE_SECONDS, verifyKayseSignature, verifyStandardWebhook, type VerifyResult } from '../signing/verify';
import type { DeliveryQueries } from '../store/delivery-queries';

export interface VerifyAttemptDeps {
  queries: DeliveryQueries;
  vault: SecretVault;
}

/** Signature matching without the time check, which is judged on its own (against when the attempt was sent). */
const ANY_TIME = Number.MAX_SAFE_INTEGER;

const headerOf = (headers: Record<string, string>, name: string): string | undefined =>
  Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];

/** The webhook's secrets now (active first) and their dates; null secrets when it has none any more (deleted). */
async function currentSecrets(vault: SecretVault, webhookId: string): Promise<{ secrets: string[] | null; activeSince: Date | null; previousValidUntil: Date[] }> {
  try {
    const secrets = await vault.signingSecrets(webhookId);
    const info = await vault.info(webhookId);
    return { secrets, activeSince: info.activeSince, previousValidUntil: info.previousValidUntil };
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return { secrets: null, activeSince: null, previousValidUntil: [] };
    throw error;
  }
}

type Verifier = (rawBody: string, secrets: readonly string[], now: Date) => VerifyResult;

/**
 * One scheme's header state, signature count and which secret reproduces one of its signatures, with that
 * secret's index among the current ones (0 = active; -1 = none).
 */
function checkScheme(scheme: SchemeCheck['scheme'], count: number, verify: Verifier, body: string | null, secrets: string[] | null, sentAt: Date): SchemeCheck & { index: number } {
  // A throwaway secret tells whether the header is readable at all, without involving a real one.
  const probe = verify(body ?? '', [generateSigningSecret()], sentAt);
  const header = !probe.ok && probe.reason === 'missing_header' ? 'missing' : !probe.ok && probe.reason === 'malformed_header' ? 'malformed' : 'ok';
  const index = header === 'ok' && body !== null && secrets !== null ? secrets.findIndex((secret) => verify(body, [secret], sentAt).ok) : -1;
  const matched: SecretMatch = index < 0 ? 'none' : index === 0 ? 'active' : 'previous';
  return { scheme, header, signatures: header === 'ok' ? count : 0, matched, index };
}

/** The signed unix timestamp: `t=` of X-Kayse-Signature, else webhook-timestamp. */
function signedTimestamp(headers: Record<string, string>): number | null {
  const kayse = /(?:^|,)\s*t=(\d{1,15})\s*(?:,|$)/.exec(headerOf(headers, 'x-kayse-signature') ?? '');
  const standard = /^\s*(\d{1,15})\s*$/.exec(headerOf(headers, 'webhook-timestamp') ?? '');
  const text = kayse?.[1] ?? standard?.[1];
  return text === undefined ? null : Number(text);
}

const when = (d: Date) => d.toISOString().replace('.000Z', 'Z');

interface Judgement {
  verdict: SignatureCheck['verdict'];
  summary: string;
}

function judge(attempt: AttemptDetail, schemes: SchemeCheck[], matchIndex: number, secrets: Awaited<ReturnType<typeof currentSecrets>>, skew: number | null, within: boolean | null, sentAt: Date): Judgement {
  if (attempt.requestBody === null) {
    return { verdict: 'unverifiable', summary: 'The request body is no longer stored (log retention removed its event), so the signature can’t be recomputed.' };
  }
  if (schemes.every((s) => s.header !== 'ok')) {
    return { verdict: 'rejected', summary: 'The request carried no readable signature header (X-Kayse-Signature or webhook-signature): a receiver checking signatures would have rejected it.' };
  }
  if (within === false) {
    return {
      verdict: 'rejected',
      summary: `The signed timestamp was ${Math.abs(skew!)} s ${skew! < 0 ? 'behind' : 'ahead of'} the time it was sent; receivers allow ${DEFAULT_TOLERANCE_SECONDS} s, so a receiver would have rejected it. Check the console's clock.`,
    };
  }
  if (secrets.secrets === null) {
    return { verdict: 'unverifiable', summary: 'This webhook’s signing secrets are no longer kept (the webhook was deleted), so the signature can’t be checked any more.' };
  }
  if (matchIndex === 0) {
    return { verdict: 'accepted', summary: 'The signature matches the webhook’s active signing secret and the timestamp was current: a receiver with that secret would have accepted it.' };
  }
  const validUntil = secrets.previousValidUntil[matchIndex - 1];
  if (matchIndex > 0) {
    return {
      verdict: 'accepted',
      summary: `The signature matches a previous signing secret (rotated out${validUntil ? `, still valid until ${when(validUntil)}` : ''}), which was in use when it was sent: a receiver holding that secret would have accepted it. Receivers should switch to the active secret before the grace period ends.`,
    };
  }
  if (secrets.activeSince !== null && secrets.activeSince.getTime() > sentAt.getTime()) {
    return {
      verdict: 'unverifiable',
      summary: `No secret kept now reproduces the signature: the active secret was issued ${when(secrets.activeSince)}, after this request was sent, and the secret in use then has been rotated out and expired. It can’t be checked any more.`,
    };
  }
  return {
    verdict: 'rejected',
    summary: 'The signature does not match the signing secret that was active when it was sent: the logged body or signature differ from what was signed. A receiver would have rejected it; replay the delivery to send a freshly signed request.',
  };
}

/** Checks the signatures of attempt `attemptId`; NOT_FOUND for an unknown attempt. Never returns a secret. */
export async function verifyAttempt({ queries, vault }: VerifyAttemptDeps, attemptId: number): Promise<SignatureCheck> {
  const attempt = queries.attempt(attemptId);
  const headers = attempt.requestHeaders;
  const sentAt = new Date(attempt.startedAt);
  const secrets = await currentSecrets(vault, attempt.webhookId);
  const body = attempt.requestBody;

  const kayseHeader = headerOf(headers, 'x-kayse-signature');
  const kayseCount = (kayseHeader ?? '').split(',').filter((part) => part.trim().startsWith('v1=')).length;
  const standardCount = (headerOf(headers, 'webhook-signature') ?? '').split(' ').filter((entry) => entry.startsWith('v1,')).length;
  const schemes = [
    checkScheme('X-Kayse-Signature', kayseCount, (rawBody, s, now) => verifyKayseSignature({ rawBody, header: kayseHeader, secrets: s, now, toleranceSeconds: ANY_TIME }), body, secrets.secrets, sentAt),
    checkScheme('Standard Webhooks', standardCount, (rawBody, s, now) => verifyStandardWebhook({ rawBody, headers, secrets: s, now, toleranceSeconds: ANY_TIME }), body, secrets.secrets, sentAt),
  ];
  // The best match over both schemes: the active secret (index 0) before a previous one.
  const matchIndex = Math.min(...schemes.map((s) => (s.index < 0 ? Number.POSITIVE_INFINITY : s.index)));
  const matched: SecretMatch = matchIndex === 0 ? 'active' : Number.isFinite(matchIndex) ? 'previous' : 'none';
  const timestamp = signedTimestamp(headers);
  const skewSeconds = timestamp === null ? null : timestamp - Math.floor(sentAt.getTime() / 1000);
  const withinTolerance = skewSeconds === null ? null : Math.abs(skewSeconds) <= DEFAULT_TOLERANCE_SECONDS;
  const { verdict, summary } = judge(attempt, schemes, Number.isFinite(matchIndex) ? matchIndex : -1, secrets, skewSeconds, withinTolerance, sentAt);
  return {
    attemptId: attempt.id,
    deliveryId: attempt.deliveryId,
    webhookId: attempt.webhookId,
    verdict,
    summary,
    matchedSecret: matched,
    sentAt: attempt.startedAt,
    timestamp,
    skewSeconds,
    toleranceSeconds: DEFAULT_TOLERANCE_SECONDS,
    withinTolerance,
    schemes: schemes.map(({ index: _index, ...check }) => check),
    secrets: { activeSince: secrets.activeSince?.toISOString() ?? null, previousValidUntil: secrets.previousValidUntil.map((d) => d.toISOString()) },
  };
}
