// Field mapping of one set (the defaults, or one CRM case type's overrides): every Kayse field beside its CRM field,
// chosen with the picker or by dragging a CRM field from the side list onto the row (mouse or keyboard), the
// direction per row, Auto-map's preview, and Save / Discard with the unsaved changes guarded.
import { closestCenter, DndContext, DragOverlay, KeyboardSensor, PointerSensor, pointerWithin, useSensor, useSensors, type CollisionDetection, type DragEndEvent } from '@dnd-kit/core';
import { Badge, Button, Card, Grid, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconDeviceFloppy, IconTransform, IconWand } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { CrmConnectorId } from '../../../../../shared/domain/connectors';
import type { CrmCatalogView } from '../../../../../shared/domain/crm';
import type { FieldMappingSet } from '../../../../../shared/domain/sync';
import type { CaseType } from '../../../../../shared/domain/workspace';
import { call, useBridge } from '../../../api/client';
import { FormErrorsAlert } from '../../../components/form-errors-alert';
import { RecordTime } from '../../../components/ui/record-time';
import { AutoMapPreview, type FieldProposal } from './auto-map-preview';
import { CrmFieldChip, CrmFieldList } from './crm-field-list';
import { FieldMappingRow } from './field-mapping-row';
import { rowKeyboardCoordinates } from './keyboard-coordinates';
import { SavedNote } from './saved-note';
import { crmFieldsFor, kayseFieldsOf, type CrmFieldItem, type KayseFieldRow } from './mapping-fields';
import { useDiscardConfirm } from './unsaved-guard';
import { useFieldDraft } from './use-field-draft';

const DEFAULTS = '__defaults__';

// The pointer drops on the row under it; the keyboard (no pointer) on the row its jumps placed the field over.
const collisions: CollisionDetection = (args) => (args.pointerCoordinates ? pointerWithin(args) : closestCenter(args));

interface SectionProps {
  crm: CrmConnectorId;
  crmName: string;
  catalog: CrmCatalogView | null;
  caseTypes: CaseType[];
  sets: FieldMappingSet[];
  /** Told whenever the draft starts or stops differing from the saved set (the tab guards leaving). */
  onDirtyChange: (dirty: boolean) => void;
}

function caseTypeChoices(catalog: CrmCatalogView | null, sets: FieldMappingSet[]) {
  const overrides = new Map(sets.filter((s) => s.crmCaseTypeId !== null && s.mappings.length > 0).map((s) => [s.crmCaseTypeId!, s]));
  const known = (catalog?.caseTypes ?? []).map((t) => ({ id: t.id, name: t.name }));
  const gone = [...overrides.values()].filter((s) => !known.some((t) => t.id === s.crmCaseTypeId)).map((s) => ({ id: s.crmCaseTypeId!, name: s.crmCaseTypeName ?? s.crmCaseTypeId! }));
  return [
    { value: DEFAULTS, label: 'Defaults (every case type)' },
    ...[...known, ...gone].map((t) => ({ value: t.id, label: overrides.has(t.id) ? `${t.name} · overrides (${overrides.get(t.id)!.mappings.length})` : t.name })),
  ];
}

export function FieldMappingSection({ crm, crmName, catalog, caseTypes, sets, onDirtyChange }: SectionProps) {
  const bridge = useBridge();
  const [crmCaseTypeId, setCrmCaseTypeId] = useState<string | null>(null);
  const [kayseCaseTypeId, setKayseCaseTypeId] = useState<string | null>(caseTypes[0]?.id ?? null);
  const [proposals, setProposals] = useState<FieldProposal[] | null>(null);
  const [dragged, setDragged] = useState<CrmFieldItem | null>(null);
  const set = sets.find((s) => s.crmCaseTypeId === crmCaseTypeId);
  const defaults = crmCaseTypeId === null ? undefined : sets.find((s) => s.crmCaseTypeId === null);
  const setName = crmCaseTypeId === null ? 'Defaults' : (set?.crmCaseTypeName ?? catalog?.caseTypes.find((t) => t.id === crmCaseTypeId)?.name ?? crmCaseTypeId);
  const draft = useFieldDraft(crm, crmCaseTypeId, set);
  const { guard, modal } = useDiscardConfirm(draft.dirty, `The field mapping of ${setName}`);
  const suggest = useMutation({ mutationFn: () => call(bridge, 'sync.suggestFieldMappings', { crm, crmCaseTypeId, kayseCaseTypeId }) });
  useEffect(() => onDirtyChange(draft.dirty), [draft.dirty, onDirtyChange]);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: rowKeyboardCoordinates }));

  const kayseCaseType = caseTypes.find((t) => t.id === kayseCaseTypeId) ?? null;
  const kayseRows = kayseFieldsOf(kayseCaseType, caseTypes);
  const crmFields = crmFieldsFor(catalog, crmCaseTypeId);
  const hidden = draft.rows.filter((m) => !kayseRows.some((k) => k.key === m.kayseField)).length;
  const pick = (kayse: KayseFieldRow, field: CrmFieldItem | null) => draft.pick({ ...kayse, label: kayse.fullLabel }, field && { id: field.id, name: field.name });
  const pending = (proposals ?? []).filter((p) => !draft.rows.some((m) => m.kayseField === p.kayseField || m.crmFieldId === p.crmFieldId));

  const switchSet = (value: string | null) =>
    guard(() => {
      draft.discard();
      setProposals(null);
      setCrmCaseTypeId(value === DEFAULTS ? null : value);
    });
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragged(null);
    const field = active.data.current?.field as CrmFieldItem | undefined;
    const kayse = over?.data.current?.kayse as KayseFieldRow | undefined;
    if (field && kayse) pick(kayse, field);
  };
  const accept = (accepted: FieldProposal[]) => {
    draft.accept(accepted);
    // Everything proposed is now in the table: the preview has done its job.
    if (accepted.length === pending.length) setProposals(null);
  };
  const runAutoMap = () => suggest.mutate(undefined, { onSuccess: (result) => setProposals(result.proposals) });

  return (
    <Card data-testid="field-mapping">
      {modal}
      <Group justify="space-between" gap="sm" mb="md" wrap="wrap" align="flex-end">
        <Group gap="xs">
          <IconTransform size={20} aria-hidden />
          <Title order={3} size="h4">
            Field mapping
          </Title>
          {draft.dirty && (
            <Badge color="yellow" variant="light" data-testid="field-mapping-unsaved">
              Unsaved changes
            </Badge>
          )}
        </Group>
        <Group gap="sm" wrap="wrap" align="flex-end">
          <Select label={`${crmName} case type`} size="xs" w={260} data={caseTypeChoices(catalog, sets)} value={crmCaseTypeId ?? DEFAULTS} allowDeselect={false} onChange={switchSet} />
          <Select
            label="Custom fields of Kayse case type"
            size="xs"
            w={220}
            data={caseTypes.map((t) => ({ value: t.id, label: t.name }))}
            value={kayseCaseTypeId}
            placeholder={caseTypes.length === 0 ? 'No Kayse case types yet' : 'Choose'}
            disabled={caseTypes.length === 0}
            allowDeselect={false}
            onChange={setKayseCaseTypeId}
          />
          <Button size="xs" variant="default" leftSection={<IconWand size={14} />} loading={suggest.isPending} disabled={!catalog} onClick={runAutoMap}>
            Auto-map
          </Button>
        </Group>
      </Group>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {crmCaseTypeId === null
            ? `The defaults apply to every ${crmName} case type without its own mapping of a field.`
            : `Overrides for ${setName}: a Kayse field mapped here uses this mapping; the others use the defaults. An empty set means the defaults apply.`}
        </Text>
        {suggest.error && <FormErrorsAlert title="Auto-map couldn't run" messages={[suggest.error.message]} />}
        {proposals && <AutoMapPreview proposals={pending} crmName={crmName} onAccept={accept} onDismiss={() => setProposals(null)} />}
        <FormErrorsAlert title="Couldn't save the field mapping" messages={draft.refusals.general} />
        {Object.keys(draft.refusals.byField).length > 0 && (
          <Text size="sm" c="red.8" role="alert" data-testid="field-mapping-refused">
            Nothing was saved: {Object.keys(draft.refusals.byField).length} row(s) below say what to change.
          </Text>
        )}
        <DndContext
          sensors={sensors}
          collisionDetection={collisions}
          onDragStart={({ active }) => setDragged((active.data.current?.field as CrmFieldItem | undefined) ?? null)}
          onDragCancel={() => setDragged(null)}
          onDragEnd={onDragEnd}
          accessibility={{
            announcements: {
              onDragStart: ({ active }) => `Picked up ${crmName} field ${(active.data.current?.field as CrmFieldItem | undefined)?.name ?? ''}. Down and Up choose a Kayse field; Space maps it.`,
              onDragOver: ({ over }) => (over ? `Over Kayse field ${(over.data.current?.kayse as KayseFieldRow | undefined)?.label ?? ''}.` : 'Not over a Kayse field.'),
              onDragEnd: ({ active, over }) => (over ? `${(active.data.current?.field as CrmFieldItem | undefined)?.name ?? ''} mapped to ${(over.data.current?.kayse as KayseFieldRow | undefined)?.label ?? ''}.` : 'Dropped outside the table: nothing changed.'),
              onDragCancel: () => 'Cancelled: nothing changed.',
            },
          }}
        >
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 8, xl: 9 }}>
              <Table.ScrollContainer minWidth={640}>
                <Table verticalSpacing="xs" data-testid="field-mapping-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th miw={150}>Kayse field</Table.Th>
                      <Table.Th>{crmName} field</Table.Th>
                      <Table.Th>Direction</Table.Th>
                      <Table.Th>Check</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {kayseRows.map((k) => (
                      <FieldMappingRow
                        key={k.key}
                        kayse={k}
                        mapping={draft.rows.find((m) => m.kayseField === k.key) ?? null}
                        fields={crmFields}
                        crmName={crmName}
                        refusal={draft.refusals.byField[k.key]}
                        fallback={defaults?.mappings.find((m) => m.kayseField === k.key && !m.missing)?.crmFieldName}
                        onPick={(field) => pick(k, field)}
                        onDirection={(d) => draft.direction(k.key, d)}
                      />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {hidden > 0 && (
                <Text size="xs" c="dimmed" mt="xs" data-testid="field-mapping-hidden">
                  {hidden} more mapping{hidden === 1 ? '' : 's'} in this set (custom fields of other Kayse case types) are kept; choose that case type above to see them.
                </Text>
              )}
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4, xl: 3 }}>
              <CrmFieldList fields={crmFields} crmName={crmName} />
            </Grid.Col>
          </Grid>
          <DragOverlay dropAnimation={null}>{dragged ? <CrmFieldChip field={dragged} dragging /> : null}</DragOverlay>
        </DndContext>
        <SavedNote saved={draft.saved} testId="field-mapping-saved" onClose={draft.closeSaved} />
        <Group gap="sm">
          <Button leftSection={<IconDeviceFloppy size={16} />} disabled={!draft.dirty} loading={draft.saving} onClick={() => draft.save(setName)}>
            Save field mapping
          </Button>
          <Button variant="default" disabled={!draft.dirty || draft.saving} onClick={draft.discard}>
            Discard changes
          </Button>
          {set?.savedAt && (
            <Text size="xs" c="dimmed">
              {setName} saved <RecordTime iso={set.savedAt} size="xs" />
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
