// "Verify signature": asks main to recompute an attempt's signatures with the webhook's secrets and shows the
// verdict — would a receiver have accepted it, which secret matched, was the timestamp current.
import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { IconShieldCheck, IconShieldQuestion, IconShieldX } from '@tabler/icons-react';
import type { SecretMatch, SignatureCheck } from '../../../../shared/contract/delivery-log';
import { ErrorAlert } from '../query-state';
import { useContractAction } from './use-contract-action';

const VERDICT = {
  accepted: { title: 'A receiver would have accepted it', color: 'teal', icon: IconShieldCheck },
  rejected: { title: 'A receiver would have rejected it', color: 'red', icon: IconShieldX },
  unverifiable: { title: 'Can’t be verified any more', color: 'gray', icon: IconShieldQuestion },
} as const;

const SECRET: Record<SecretMatch, string> = { active: 'the active secret', previous: 'a previous (rotated-out) secret', none: 'no current secret' };

function Verdict({ check }: { check: SignatureCheck }) {
  const look = VERDICT[check.verdict];
  const Icon = look.icon;
  return (
    <Alert color={look.color} title={look.title} icon={<Icon size={20} />} data-testid="signature-verdict" data-verdict={check.verdict}>
      <Stack gap={6}>
        <Text size="sm">{check.summary}</Text>
        <List size="xs" spacing={2}>
          <List.Item>
            Matched: <b data-testid="signature-matched">{SECRET[check.matchedSecret]}</b>
          </List.Item>
          {check.schemes.map((s) => (
            <List.Item key={s.scheme}>
              {s.scheme}: {s.header === 'ok' ? `${s.signatures} ${s.signatures === 1 ? 'signature' : 'signatures'}, ${SECRET[s.matched]} matches` : `header ${s.header}`}
            </List.Item>
          ))}
          {check.skewSeconds !== null && (
            <List.Item>
              Timestamp: {check.skewSeconds === 0 ? 'the second it was sent' : `${Math.abs(check.skewSeconds)} s ${check.skewSeconds < 0 ? 'before' : 'after'} it was sent`} (receivers allow{' '}
              {check.toleranceSeconds} s)
            </List.Item>
          )}
        </List>
      </Stack>
    </Alert>
  );
}

/** The button and, once asked, the verdict for attempt `attemptId` (give it a key per attempt). */
export function SignatureCheckPanel({ attemptId }: { attemptId: number }) {
  const verify = useContractAction('deliveryLog.verifySignature');
  return (
    <Stack gap="xs">
      <Button
        variant="light"
        size="xs"
        leftSection={<IconShieldCheck size={16} />}
        loading={verify.isPending}
        onClick={() => verify.mutate({ attemptId })}
        style={{ alignSelf: 'flex-start' }}
      >
        Verify signature
      </Button>
      {verify.data && <Verdict check={verify.data} />}
      {verify.error && <ErrorAlert title="Couldn't verify the signature" error={verify.error} onRetry={() => verify.mutate({ attemptId })} />}
    </Stack>
  );
}
