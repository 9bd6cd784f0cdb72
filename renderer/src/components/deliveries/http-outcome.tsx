// An attempt's outcome in a few characters: its HTTP status coloured by class, or its error class when there was no
// response (timeout, connection error, …).
import { Text } from '@mantine/core';
import { EMPTY_VALUE } from '../ui/format-value';
import { errorClassLabel } from './delivery-status';

const statusColor = (status: number) => (status < 300 ? 'teal' : status < 400 ? 'yellow' : 'red');

/** "200", "503" or "Timeout"; a dash before any attempt finished. */
export function HttpOutcome({ status, errorClass }: { status: number | null; errorClass: string | null }) {
  if (status !== null) {
    return (
      <Text span size="sm" fw={600} c={statusColor(status)} ff="monospace" data-testid="http-status">
        {status}
      </Text>
    );
  }
  return (
    <Text span size="sm" c={errorClass ? 'red' : 'dimmed'} data-testid="http-status">
      {errorClass ? errorClassLabel(errorClass) : EMPTY_VALUE}
    </Text>
  );
}
