// A case's fields: the standard ones (type, campaign, references, dates) and its case type's custom fields with
// their labels, in form order; values the case type doesn't define (any more) are listed apart, never hidden.
import { DataList, Divider, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CaseDetail } from '../../../../shared/domain/workspace-views';
import { CustomFieldValue } from './custom-field-value';
import { EMPTY_VALUE, formatAnyValue } from './format-value';
import { RecordTime } from './record-time';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

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
        <Item label="Case number">{plain(record.caseNumber)}</Item>
        <Item label="Case type">{plain(caseType.name)}</Item>
        <Item label="Campaign">{plain(campaign?.name ?? null)}</Item>
        <Item label="External reference">{plain(reference)}</Item>
        <Item label="Created">
          <RecordTime iso={record.createdAt} mode="short" />
        </Item>
        <Item label="Updated">
          <RecordTime iso={record.updatedAt} mode="short" />
        </Item>
        <Item label="Version">{plain(String(record.version))}</Item>
      </DataList>
      <Divider my="md" />
      <Title order={4} mb="xs">
        Custom fields
      </Title>
      {fields.length === 0 && others.length === 0 ? (
        <Text size="sm" c="dimmed">
          The {caseType.name} case type has no custom fields.
        </Text>
      ) : (
        <DataList labelWidth="150px" data-testid="case-custom-fields">
          {fields.map((field) => (
            <Item key={field.key} label={field.label}>
              <CustomFieldValue type={field.type} value={record.customValues[field.key]} />
            </Item>
          ))}
          {others.map(([key, value]) => (
            <Item key={key} label={`${key} (not a field of ${caseType.name})`}>
              {plain(formatAnyValue(value))}
            </Item>
          ))}
        </DataList>
      )}
    </>
  );
}
