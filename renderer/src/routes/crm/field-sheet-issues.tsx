// The rows of a field sheet that were refused, like the import wizard's rejects: the line, the column, why.
import { Stack, Table, Text } from '@mantine/core';
import type { z } from 'zod';
import type { fieldSheetRowIssueSchema } from '../../../../shared/domain/crm';

type RowIssue = z.infer<typeof fieldSheetRowIssueSchema>;

export function FieldSheetIssues({ issues }: { issues: readonly RowIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <Stack gap={6}>
      <Text size="sm" c="red" role="alert">
        {issues.length === 1 ? 'One problem' : `${issues.length.toLocaleString('en-US')} problems`} in the sheet: nothing was imported. Fix the file and
        import it again.
      </Text>
      <Table.ScrollContainer minWidth={420} mah={320}>
        <Table verticalSpacing="xs" striped stickyHeader aria-label="Problems in the field sheet" data-testid="field-sheet-issues">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>Line</Table.Th>
              <Table.Th w={140}>Column</Table.Th>
              <Table.Th>Problem</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {issues.map((issue, i) => (
              <Table.Tr key={`${issue.row}-${issue.column ?? ''}-${i}`}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {issue.row}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={issue.column ? undefined : 'dimmed'}>
                    {issue.column ?? 'the row'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{issue.message}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
