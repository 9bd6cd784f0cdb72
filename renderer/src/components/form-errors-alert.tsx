// The errors of a form that belong to no single field (e.g. a conflict), shown above the fields.
import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

/** Nothing when there are no messages; otherwise one red alert listing them. */
export function FormErrorsAlert({ title, messages }: { title: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <Alert color="red" title={title} icon={<IconAlertTriangle size={20} />} role="alert">
      {messages.map((message) => (
        <Text size="sm" key={message}>
          {message}
        </Text>
      ))}
    </Alert>
  );
}
