// A case's fields: the standard ones (type, campaign, references, dates) and its case type's custom fields with
// their labels, in form order; values the case type doesn't define (any more) are listed apart, never hidden.
import { DataList, Divider, Text, Title } from '@mantine/core';
import type { CaseDetail } from '../../../../shared/domain/workspace-views';
import { CustomFieldValue } from './custom-field-value';
import { EMPTY_VALUE, formatAnyValue } from '../ui/format-value';
import { RecordTime } from '../ui/record-time';
import { DataItem } from '../ui/data-item';
import { isUnreadable, UnreadableValue } from '../ui/unreadable-value';

const plain = (value: string | null) => (
  <Text size="sm" c={value ? undefined : 'dimmed'}>
    {value ?? EMPTY_VALUE}
  </Text>
);

/** Standard and custom fields of one case. */
export function CaseFields({ detail }: { detail: CaseDetail }) {
  const { case: record, caseType, campaign } = detail;
  const fields = [...caseType.fields].sort((a, b) => a.position - b.position);
  const known = new Set(fields.map((f) => f.key));
  const others = Object.entries(record.customValues).filter(([key]) => !known.has(key));
  const reference = record.externalSource && record.externalId ? `${record.externalSource} / ${record.externalId}` : null;

  return (
    <>
      <DataList labelWidth="150px" data-testid="case-standard-fields">
        <DataItem label="Case number">{plain(record.caseNumber)}</DataItem>
        <DataItem label="Case type">{plain(caseType.name)}</DataItem>
        <DataItem label="Campaign">{plain(campaign?.name ?? null)}</DataItem>
        <DataItem label="External reference">{plain(reference)}</DataItem>
        <DataItem label="Created">
          <RecordTime iso={record.createdAt} mode="short" />
        </DataItem>
        <DataItem label="Updated">
          <RecordTime iso={record.updatedAt} mode="short" />
        </DataItem>
        <DataItem label="Version">{plain(String(record.version))}</DataItem>
      </DataList>
      <Divider my="md" />
      <Title order={4} mb="xs">
        Custom fields
      </Title>
      {isUnreadable(record, 'customValues') ? (
        <UnreadableValue what="Custom field values" />
      ) : fields.length === 0 && others.length === 0 ? (
        <Text size="sm" c="dimmed">
          The {caseType.name} case type has no custom fields.
        </Text>
      ) : (
        <DataList labelWidth="150px" data-testid="case-custom-fields">
          {fields.map((field) => (
            <DataItem key={field.key} label={field.label}>
              <CustomFieldValue type={field.type} value={record.customValues[field.key]} />
            </DataItem>
          ))}
          {others.map(([key, value]) => (
            <DataItem key={key} label={`${key} (not a field of ${caseType.name})`}>
              {plain(formatAnyValue(value))}
            </DataItem>
          ))}
        </DataList>
      )}
    </>
  );
}
