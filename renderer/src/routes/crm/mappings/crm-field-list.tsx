// The CRM's fields beside the table, each one dragged onto a Kayse field's row to map it (mouse, touch, or the
// keyboard: Space to pick up, Down / Up to move between rows, Space to drop, Escape to cancel).
import { useDraggable } from '@dnd-kit/core';
import { Badge, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconGripVertical, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { crmFieldLabel, matchesSearch, TYPE_WORDS, type CrmFieldItem } from './mapping-fields';

export const dragIdOf = (id: string) => `crm-field:${id}`;

/** The look of a CRM field, in the list and under the pointer while it is dragged. */
export function CrmFieldChip({ field, dragging = false }: { field: CrmFieldItem; dragging?: boolean }) {
  return (
    <Group gap={6} wrap="nowrap" px="xs" py={6} bg="var(--mantine-color-body)" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)', boxShadow: dragging ? 'var(--mantine-shadow-md)' : undefined }}>
      <IconGripVertical size={14} aria-hidden style={{ flexShrink: 0, opacity: 0.6 }} />
      <Text size="sm" truncate="end" style={{ flex: 1, minWidth: 0 }}>
        {crmFieldLabel(field)}
      </Text>
      <Badge size="xs" variant="light" color={field.standard ? 'gray' : 'blue'} style={{ flexShrink: 0 }}>
        {field.standard ? 'Record' : TYPE_WORDS[field.type]}
      </Badge>
    </Group>
  );
}

function DraggableField({ field }: { field: CrmFieldItem }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: dragIdOf(field.id), data: { field } });
  return (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      aria-label={`Drag ${crmFieldLabel(field)} (${TYPE_WORDS[field.type]}) onto a Kayse field`}
      data-testid="crm-field-draggable"
      data-field-id={field.id}
      style={{ cursor: 'grab', opacity: isDragging ? 0.4 : 1, touchAction: 'none', userSelect: 'none', borderRadius: 'var(--mantine-radius-sm)' }}
    >
      <CrmFieldChip field={field} />
    </div>
  );
}

export function CrmFieldList({ fields, crmName }: { fields: CrmFieldItem[]; crmName: string }) {
  const [search, setSearch] = useState('');
  const shown = fields.filter((f) => matchesSearch(f, search));
  return (
    <Card data-testid="crm-field-list" p="sm">
      <Title order={4} size="h5" mb={4}>
        {crmName} fields
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        Drag one onto a Kayse field. Keyboard: Space to pick up, ↓ ↑ to choose the row, Space to drop.
      </Text>
      <TextInput
        size="xs"
        mb="xs"
        leftSection={<IconSearch size={14} />}
        placeholder="Search name, type, option"
        aria-label={`Search ${crmName} fields`}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
      />
      {/* A plain scroller: ScrollArea's table layout would stop long names from truncating. */}
      <div style={{ maxHeight: 560, overflowY: 'auto', overflowX: 'hidden', paddingRight: 2 }}>
        <Stack gap={6}>
          {shown.map((f) => (
            <DraggableField key={f.id} field={f} />
          ))}
          {shown.length === 0 && (
            <Text size="sm" c="dimmed">
              No {crmName} field matches "{search}".
            </Text>
          )}
        </Stack>
      </div>
    </Card>
  );
}
