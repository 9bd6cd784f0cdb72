// A CRM record before and after Apply, side by side: every field, the changed ones marked; and a CRM record alone
// (the dry run's "before").
import { Badge, Table, Text } from '@mantine/core';
import type { z } from 'zod';
import type { sampleCrmRecordSchema, sampleFieldDiffSchema } from '../../../../../shared/domain/sync-sample';
import { formatAnyValue } from '../../../components/ui/format-value';
import type { CrmValueFormat } from './crm-value-format';

type CrmRecordView = z.infer<typeof sampleCrmRecordSchema>;
type FieldDiff = z.infer<typeof sampleFieldDiffSchema>;

const STANDARD: [keyof CrmRecordView, string][] = [
  ['caseNumber', 'Case number'],
  ['caseTypeId', 'Case type'],
  ['statusId', 'Status'],
  ['firstName', 'First name'],
  ['lastName', 'Last name'],
  ['phone', 'Phone'],
  ['email', 'Email'],
];

/** The CRM record's own fields, then its custom fields by id. */
export function CrmRecordTable({ record, format }: { record: CrmRecordView; format: CrmValueFormat }) {
  const rows: [string, string, unknown][] = [
    ...STANDARD.map(([key, label]): [string, string, unknown] => [key, label, key === 'statusId' ? format.status(record.statusId) : key === 'caseTypeId' ? format.caseType(record.caseTypeId) : record[key]]),
    ...record.substatuses.map((s): [string, string, unknown] => [`sub.${s.typeId}`, 'Substatus', format.substatus(s)]),
    ...Object.entries(record.fields).map(([id, value]): [string, string, unknown] => [`field.${id}`, format.fieldName(id), value]),
  ];
  return (
    <Table verticalSpacing={4} data-testid="crm-before">
      <Table.Tbody>
        {rows.map(([key, label, value]) => (
          <Table.Tr key={key}>
            <Table.Td w="40%">
              <Text size="sm" c="dimmed">
                {label}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {formatAnyValue(value)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Before and after, the changed rows first-class: highlighted and badged, so they stand out in a long record. */
export function BeforeAfterTable({ fields, crmName, format }: { fields: readonly FieldDiff[]; crmName: string; format: CrmValueFormat }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={6} data-testid="sample-diff">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{crmName} field</Table.Th>
            <Table.Th>Before</Table.Th>
            <Table.Th>After</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields.map((f) => (
            <Table.Tr key={f.field} data-testid="diff-row" data-field={f.field} data-changed={f.changed} bg={f.changed ? 'var(--mantine-color-yellow-light)' : undefined}>
              <Table.Td>
                <Text size="sm" fw={f.changed ? 600 : undefined}>
                  {f.label}
                </Text>
                {f.changed && (
                  <Badge size="xs" color="yellow" variant="filled" data-testid="diff-changed">
                    changed
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" td={f.changed ? 'line-through' : undefined} c={f.changed ? 'dimmed' : undefined} data-testid="diff-before">
                  {format.value(f.before)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={f.changed ? 600 : undefined} data-testid="diff-after">
                  {format.value(f.after)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
