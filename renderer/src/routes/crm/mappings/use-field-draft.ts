// The state of one field mapping set being edited: the draft over the saved set (null while untouched, so a refresh
// of the saved set shows through), its rows with the "missing" marks of the saved view, the save with what changed,
// and the save's refusals by row.
import { useState } from 'react';
import type { CrmConnectorId } from '../../../../../shared/domain/connectors';
import type { FieldMappingInput, FieldMappingSet, MappingDirection } from '../../../../../shared/domain/sync';
import { useContractMutation } from '../../../api/client';
import { changesOf, draftOf, inputOf, refusalsOf, sameDraft, withDirection, withMapping, type DraftMapping } from './field-draft';
import type { RowMapping } from './field-mapping-row';
import type { SavedSummary } from './saved-note';

const NO_REFUSALS = { byField: {} as Record<string, string>, general: [] as string[] };

export function useFieldDraft(crm: CrmConnectorId, crmCaseTypeId: string | null, set: FieldMappingSet | undefined) {
  const [draft, setDraft] = useState<DraftMapping[] | null>(null);
  const [refusals, setRefusals] = useState(NO_REFUSALS);
  const [savedNote, setSaved] = useState<SavedSummary | null>(null);
  const save = useContractMutation('sync.saveFieldMappings');
  const saved = draftOf(set);
  const current = draft ?? saved;
  const dirty = draft !== null && !sameDraft(draft, saved);
  const marks = new Map((set?.mappings ?? []).map((m) => [`${m.kayseField}|${m.crmFieldId}`, m]));
  const rows: RowMapping[] = current.map((m) => {
    const mark = marks.get(`${m.kayseField}|${m.crmFieldId}`);
    return { ...m, missing: mark?.missing ?? false, missingReason: mark?.missingReason ?? null };
  });

  const change = (next: DraftMapping[], field?: string) => {
    setDraft(next);
    setSaved(null);
    if (field) setRefusals((r) => ({ ...r, byField: Object.fromEntries(Object.entries(r.byField).filter(([k]) => k !== field)) }));
  };

  return {
    rows,
    dirty,
    refusals,
    saved: savedNote,
    closeSaved: () => setSaved(null),
    saving: save.isPending,
    pick: (kayse: { key: string; label: string; defaultDirection: MappingDirection }, crmField: { id: string; name: string } | null) =>
      change(withMapping(current, kayse, crmField), kayse.key),
    direction: (kayseField: string, direction: MappingDirection) => change(withDirection(current, kayseField, direction), kayseField),
    accept: (pairs: { kayseField: string; kayseLabel: string; crmFieldId: string; crmFieldName: string; direction: MappingDirection }[]) =>
      change(pairs.reduce((d, p) => withMapping(d, { key: p.kayseField, label: p.kayseLabel, defaultDirection: p.direction }, { id: p.crmFieldId, name: p.crmFieldName }), current)),
    discard: () => {
      setDraft(null);
      setRefusals(NO_REFUSALS);
    },
    save: (setName: string) => {
      const mappings: FieldMappingInput[] = inputOf(current);
      const changes = changesOf(saved, current);
      save.mutate(
        { crm, crmCaseTypeId, mappings },
        {
          onSuccess: (result) => {
            setDraft(null);
            setRefusals(NO_REFUSALS);
            setSaved({ title: `Field mapping saved: ${setName}`, changes, warnings: result.warnings.map((w) => w.message) });
          },
          onError: (error) => setRefusals(refusalsOf(error, mappings)),
        },
      );
    },
  };
}
