// Request or response headers as a two-column table (names as sent, values in monospace).
import { Table, Text } from '@mantine/core';

/** The headers in the order they were logged; `label` names the table for screen readers and tests. */
export function HeadersTable({ headers, label }: { headers: Record<string, string>; label: string }) {
  const entries = Object.entries(headers);
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No headers.
      </Text>
    );
  }
  return (
    <Table striped withTableBorder fz="xs" aria-label={label} data-testid={label.toLowerCase().replace(/\s+/g, '-')} layout="fixed">
      <Table.Tbody>
        {entries.map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Th w="34%" style={{ overflowWrap: 'anywhere' }}>
              {name}
            </Table.Th>
            <Table.Td ff="monospace" style={{ overflowWrap: 'anywhere' }}>
              {value}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
