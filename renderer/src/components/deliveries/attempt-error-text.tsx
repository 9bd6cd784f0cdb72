// Why an attempt failed: the plain words first, then the technical detail (the error as Node or the receiver gave
// it) in small monospace for whoever debugs the receiver.
import { Code, Stack, Text } from '@mantine/core';
import { splitAttemptMessage } from '../../../../shared/domain/attempt-message';

/** A stored attempt message, split into what happened and the technical detail. */
export function AttemptErrorText({ message }: { message: string }) {
  const { plain, detail } = splitAttemptMessage(message);
  return (
    <Stack gap={4}>
      <Text size="sm" data-testid="attempt-error-plain">
        {plain}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed" data-testid="attempt-error-detail">
          Technical detail: <Code fz="xs">{detail}</Code>
        </Text>
      )}
    </Stack>
  );
}
