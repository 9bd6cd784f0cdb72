// One labelled value in a detail list (a case's fields, an event's envelope, a delivery), and plain text for it.
import { DataList, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { EMPTY_VALUE } from './format-value';

export function DataItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

/** A value as text, "—" (dimmed) when there is none; `mono` for ids and addresses. */
export const valueText = (value: string | null, mono = false) => (
  <Text size="sm" c={value ? undefined : 'dimmed'} ff={mono && value ? 'monospace' : undefined} style={{ overflowWrap: 'anywhere' }}>
    {value ?? EMPTY_VALUE}
  </Text>
);
