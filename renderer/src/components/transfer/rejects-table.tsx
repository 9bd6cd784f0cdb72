// The first rejected rows of an import: the file line each starts on and every reason it was rejected.
import { List, Stack, Table, Text } from '@mantine/core';
import { useId } from 'react';
import type { ImportReject } from '../../../../shared/contract/transfer';
import { formatCount } from './progress-view';

/** The table, with a line saying how many of how many rejects it shows when it can't show them all. */
export function RejectsTable({ rejects, rejected }: { rejects: readonly ImportReject[]; rejected: number }) {
  const shownId = useId();
  if (rejects.length === 0) return null;
  const partial = rejected > rejects.length;
  return (
    <Stack gap={6}>
      {partial && (
        <Text size="sm" c="dimmed" id={shownId}>
          Showing the first {formatCount(rejects.length)} of {formatCount(rejected)} rejected rows.
        </Text>
      )}
      <Table.ScrollContainer minWidth={560} mah={420}>
        <Table
          verticalSpacing="xs"
          striped
          aria-label="Rejected rows"
          aria-describedby={partial ? shownId : undefined}
          data-testid="rejects-table"
          stickyHeader
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>Line</Table.Th>
              <Table.Th>Why it was rejected</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rejects.map((reject) => (
              <Table.Tr key={reject.row}>
                <Table.Td valign="top">
                  <Text size="sm" ff="monospace">
                    {reject.row}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {reject.reasons.length === 1 ? (
                    <Text size="sm">{reject.reasons[0]}</Text>
                  ) : (
                    <List size="sm" spacing={2}>
                      {reject.reasons.map((reason) => (
                        <List.Item key={reason}>{reason}</List.Item>
                      ))}
                    </List>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
