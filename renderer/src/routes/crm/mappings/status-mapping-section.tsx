// Status mapping of one Kayse case type: each Kayse status beside its CRM status (and, for SmartAdvocate, a status of
// a secondary status type: the substatus). Where several Kayse statuses share a CRM status, the table asks which one
// that CRM status sets in Kayse. Save says what changed; a refusal shows on its row.
import { Alert, Badge, Button, Card, Group, Radio, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconDeviceFloppy, IconGitBranch, IconQuestionMark } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { CrmConnectorId } from '../../../../../shared/domain/connectors';
import type { CrmCatalogView } from '../../../../../shared/domain/crm';
import type { StatusMappingSet } from '../../../../../shared/domain/sync';
import type { CaseType } from '../../../../../shared/domain/workspace';
import { useContractMutation } from '../../../api/client';
import { FormErrorsAlert } from '../../../components/form-errors-alert';
import { chooseReverse, sameRows, sharedGroups, statusChangesOf, statusInputOf, statusRefusalsOf, statusRowsOf, targetOf, type StatusRow } from './status-draft';
import { SavedNote, type SavedSummary } from './saved-note';
import { useDiscardConfirm } from './unsaved-guard';

interface SectionProps {
  crm: CrmConnectorId;
  crmName: string;
  catalog: CrmCatalogView | null;
  caseTypes: CaseType[];
  sets: StatusMappingSet[];
  onDirtyChange: (dirty: boolean) => void;
}

const NO_REFUSALS = { byStatus: {} as Record<string, string>, general: [] as string[] };
const subValue = (s: StatusRow['substatus']) => (s ? `${s.typeId}|${s.statusId}` : null);

export function StatusMappingSection({ crm, crmName, catalog, caseTypes, sets, onDirtyChange }: SectionProps) {
  const [caseTypeId, setCaseTypeId] = useState<string | null>(caseTypes[0]?.id ?? null);
  const [draft, setDraft] = useState<StatusRow[] | null>(null);
  const [refusals, setRefusals] = useState(NO_REFUSALS);
  const [savedNote, setSavedNote] = useState<SavedSummary | null>(null);
  const save = useContractMutation('sync.saveStatusMappings');
  const caseType = caseTypes.find((t) => t.id === caseTypeId);
  const set = sets.find((s) => s.kayseCaseTypeId === caseTypeId);
  const saved = caseType ? statusRowsOf(caseType, set) : [];
  const rows = draft ?? saved;
  const dirty = draft !== null && !sameRows(draft, saved);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  const { guard, modal } = useDiscardConfirm(dirty, `The status mapping of ${caseType?.name ?? 'this case type'}`);
  const withSubstatus = crm === 'smartadvocate';
  const statuses = catalog?.statuses ?? [];
  const substatusTypes = catalog?.substatusTypes ?? [];
  const shared = sharedGroups(rows);

  const statusName = (id: string | null) => statuses.find((s) => s.id === id)?.name ?? set?.mappings.find((m) => m.crmStatusId === id)?.crmStatusName ?? id ?? '';
  const nameOf = (r: StatusRow) => {
    const type = substatusTypes.find((t) => t.id === r.substatus?.typeId);
    const sub = type?.statuses.find((s) => s.id === r.substatus?.statusId);
    return `"${statusName(r.crmStatusId)}"${sub ? ` + ${type!.name}: "${sub.name}"` : ''}`;
  };
  const edit = (kayseStatusId: string, change: Partial<StatusRow>) => {
    setDraft(rows.map((r) => (r.kayseStatusId === kayseStatusId ? { ...r, ...change, reverseChoice: false } : r)));
    setSavedNote(null);
    setRefusals((x) => ({ ...x, byStatus: { ...x.byStatus, [kayseStatusId]: '' } }));
  };
  const switchCaseType = (id: string | null) => {
    setDraft(null);
    setRefusals(NO_REFUSALS);
    setSavedNote(null);
    setCaseTypeId(id);
  };
  const choose = (kayseStatusId: string) => {
    setDraft(chooseReverse(rows, kayseStatusId));
    setSavedNote(null);
  };
  const discard = () => {
    setDraft(null);
    setRefusals(NO_REFUSALS);
  };
  const submit = () => {
    if (!caseType) return;
    const mappings = statusInputOf(rows);
    const changes = statusChangesOf(saved, rows, nameOf);
    save.mutate(
      { crm, kayseCaseTypeId: caseType.id, mappings },
      {
        onSuccess: () => {
          setDraft(null);
          setRefusals(NO_REFUSALS);
          setSavedNote({ title: `Status mapping saved: ${caseType.name}`, changes });
        },
        onError: (error) => setRefusals(statusRefusalsOf(error, mappings)),
      },
    );
  };

  return (
    <Card data-testid="status-mapping">
      {modal}
      <Group justify="space-between" gap="sm" mb="md" wrap="wrap" align="flex-end">
        <Group gap="xs">
          <IconGitBranch size={20} aria-hidden />
          <Title order={3} size="h4">
            Status mapping
          </Title>
          {dirty && (
            <Badge color="yellow" variant="light">
              Unsaved changes
            </Badge>
          )}
        </Group>
        <Select
          label="Kayse case type"
          size="xs"
          w={240}
          data={caseTypes.map((t) => ({ value: t.id, label: t.name }))}
          value={caseTypeId}
          allowDeselect={false}
          onChange={(id) => guard(() => switchCaseType(id))}
        />
      </Group>
      {!caseType ? (
        <Text size="sm" c="dimmed" data-testid="status-mapping-empty">
          Kayse has no case types yet: statuses are mapped per Kayse case type once one exists (Workspace → Case types, an import, or the ingest API).
        </Text>
      ) : (
        <Stack gap="md">
          <FormErrorsAlert title="Couldn't save the status mapping" messages={refusals.general} />
          {[...shared.values()]
            .filter((g) => !g.some((r) => r.reverseChoice))
            .map((g) => (
              <Alert key={targetOf(g[0]!)} color="yellow" icon={<IconQuestionMark size={18} />} data-testid="status-reverse-question">
                {crmName}'s {nameOf(g[0]!)} is mapped from {g.map((r) => `"${r.kayseStatusName}"`).join(' and ')}: which one should it set in Kayse? Choose it in the last column.
              </Alert>
            ))}
          <Table.ScrollContainer minWidth={620}>
            <Table verticalSpacing="xs" data-testid="status-mapping-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="30%">Kayse status</Table.Th>
                  <Table.Th miw={180}>{crmName} status</Table.Th>
                  {withSubstatus && <Table.Th miw={220}>Substatus (status type: status)</Table.Th>}
                  <Table.Th>{crmName} status sets</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => {
                  const view = set?.mappings.find((m) => m.kayseStatusId === r.kayseStatusId && m.crmStatusId === r.crmStatusId);
                  const group = r.crmStatusId !== null ? shared.get(targetOf(r)) : undefined;
                  const refusal = refusals.byStatus[r.kayseStatusId];
                  return (
                    <Table.Tr key={r.kayseStatusId} data-testid="status-mapping-row" data-kayse-status={r.kayseStatusName}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {r.kayseStatusName}
                        </Text>
                        {view?.missing && (
                          <Text size="xs" c="orange.8" data-testid="status-missing">
                            Missing in {crmName}: {view.missingReason}
                          </Text>
                        )}
                        {refusal && (
                          <Text size="xs" c="red.8" role="alert" data-testid="status-refusal">
                            {refusal}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Select
                          size="xs"
                          searchable
                          clearable
                          placeholder="Not mapped"
                          aria-label={`${crmName} status for ${r.kayseStatusName}`}
                          data={[...statuses.map((s) => ({ value: s.id, label: s.name })), ...(r.crmStatusId && !statuses.some((s) => s.id === r.crmStatusId) ? [{ value: r.crmStatusId, label: `${statusName(r.crmStatusId)} (missing)`, disabled: true }] : [])]}
                          value={r.crmStatusId}
                          onChange={(id) => edit(r.kayseStatusId, { crmStatusId: id, substatus: id ? r.substatus : null })}
                        />
                      </Table.Td>
                      {withSubstatus && (
                        <Table.Td>
                          <Select
                            size="xs"
                            searchable
                            clearable
                            placeholder="None"
                            aria-label={`Substatus for ${r.kayseStatusName}`}
                            disabled={r.crmStatusId === null}
                            data={substatusTypes.map((t) => ({ group: t.name, items: t.statuses.map((s) => ({ value: `${t.id}|${s.id}`, label: `${t.name}: ${s.name}` })) }))}
                            value={subValue(r.substatus)}
                            onChange={(v) => edit(r.kayseStatusId, { substatus: v ? { typeId: v.split('|')[0]!, statusId: v.split('|')[1]! } : null })}
                          />
                        </Table.Td>
                      )}
                      <Table.Td>
                        {group ? (
                          <Radio
                            size="xs"
                            label={`Sets "${r.kayseStatusName}"`}
                            name={`reverse-${targetOf(r)}`}
                            checked={r.reverseChoice}
                            onChange={() => choose(r.kayseStatusId)}
                          />
                        ) : (
                          <Text size="xs" c="dimmed">
                            {r.crmStatusId ? `"${r.kayseStatusName}"` : '—'}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <SavedNote saved={savedNote} testId="status-mapping-saved" onClose={() => setSavedNote(null)} />
          <Group gap="sm">
            <Button leftSection={<IconDeviceFloppy size={16} />} disabled={!dirty} loading={save.isPending} onClick={submit}>
              Save status mapping
            </Button>
            <Button variant="default" disabled={!dirty || save.isPending} onClick={discard}>
              Discard changes
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
