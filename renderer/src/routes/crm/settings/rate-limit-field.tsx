// The CRM rate limit of the Sync settings: unknown (the console starts at its own guard rate and slows down when the
// CRM answers "too many requests"), or the number of requests per second the CRM's vendor gave the firm, which the
// console then never exceeds. Typing a number chooses it.
import { Group, NumberInput, Radio, Stack, Text } from '@mantine/core';
import { MAX_RATE_LIMIT } from '../../../../../shared/domain/sync-settings';

interface RateLimitFieldProps {
  crmName: string;
  known: boolean;
  value: number | string;
  /** Shown on the number (a value that can't be saved, or the core's refusal). */
  error: string | null;
  onChange: (change: { rateLimitKnown: boolean; requestsPerSecond?: number | string }) => void;
}

export function RateLimitField({ crmName, known, value, error, onChange }: RateLimitFieldProps) {
  return (
    <Radio.Group
      label="CRM rate limit"
      description={`The console never sends more than this many requests per second to ${crmName} (the sync in both directions, notes and the sample record all count). LawRuler and SmartAdvocate don't publish a number: ask your CRM vendor (LawRuler raises a firm's limit on request).`}
      value={known ? 'known' : 'unknown'}
      onChange={(v) => onChange({ rateLimitKnown: v === 'known' })}
      data-testid="rate-limit-field"
    >
      <Stack gap="xs" mt="xs">
        <Radio value="unknown" label="Unknown (learn from the CRM's answers)" description={`Starts at the console's own guard rate and slows down whenever ${crmName} answers "too many requests".`} />
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <Radio value="known" label="Requests per second" mt={8} />
          <NumberInput
            aria-label={`Requests per second to ${crmName}`}
            value={value}
            onChange={(v) => onChange({ rateLimitKnown: true, requestsPerSecond: v })}
            min={1}
            max={MAX_RATE_LIMIT}
            step={1}
            clampBehavior="none"
            placeholder="e.g. 20"
            error={known ? error : null}
            w={260}
          />
        </Group>
        <Text size="xs" c="dimmed">
          A whole number from 1 to {MAX_RATE_LIMIT}. It applies at once, to everything the console sends to {crmName}.
        </Text>
      </Stack>
    </Radio.Group>
  );
}
