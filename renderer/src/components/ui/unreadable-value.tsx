// Shown in place of a record's field whose stored value the console could not read (a damaged database cell), so
// that it doesn't pass for an empty one. The console's log names the record.
import { Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

const EXPLANATION = "The stored value can't be read (a damaged database cell). The console's log names the record.";

/** True when `field` of `record` could not be read. */
export const isUnreadable = (record: { unreadable?: readonly string[] }, field: string) => record.unreadable?.includes(field) ?? false;

/** "Unreadable", with why on hover; `what` names the field in the text ("Phones unreadable"). */
export function UnreadableValue({ what }: { what?: string }) {
  return (
    <Text size="sm" c="orange.8" title={EXPLANATION} data-testid="unreadable-value" span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <IconAlertTriangle size={14} aria-hidden />
      {what ? `${what} unreadable` : 'Unreadable'}
    </Text>
  );
}
