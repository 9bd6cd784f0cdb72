// A record's mapped values side by side: each Kayse field and its value, the CRM field, what would be sent (or
// applied), and the CRM's value now; rows where the value would change something are marked.
import { Badge, Table, Text } from '@mantine/core';
import type { SyncMappedValue } from '../../../../../shared/domain/sync-sample';
import { formatAnyValue } from '../../../components/ui/format-value';
import type { CrmValueFormat } from './crm-value-format';

interface MappedValuesTableProps {
  values: readonly SyncMappedValue[];
  crmName: string;
  format: CrmValueFormat;
  sendLabel?: string;
}

export function MappedValuesTable({ values, crmName, format, sendLabel = 'Sent' }: MappedValuesTableProps) {
  if (values.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="mapped-values-none">
        No field is mapped for this record: map fields on the CRM Mappings tab.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table verticalSpacing={6} data-testid="mapped-values">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Kayse field</Table.Th>
            <Table.Th>Kayse value</Table.Th>
            <Table.Th>{crmName} field</Table.Th>
            <Table.Th>{sendLabel}</Table.Th>
            <Table.Th>In {crmName} now</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {values.map((v) => (
            <Table.Tr
              key={`${v.kayseField}→${v.crmFieldId}`}
              data-testid="mapped-value"
              data-field={v.kayseField}
              data-differs={v.differs}
              bg={v.differs ? 'var(--mantine-color-yellow-light)' : undefined}
            >
              <Table.Td>
                <Text size="sm" fw={500}>
                  {v.kayseLabel}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatAnyValue(v.kayseValue)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{v.crmFieldName}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {v.crmFieldId}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={v.differs ? 600 : undefined} data-testid="mapped-value-sent">
                  {format.value(v.value)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" data-testid="mapped-value-crm">
                  {format.value(v.crmValue)}
                </Text>
                {v.differs && (
                  <Badge size="xs" color="yellow" variant="light">
                    changes
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
