// The import wizard's UI state (step, chosen file, mapping, dry-run counts, the running import's task id), kept
// outside the page so that leaving the screen mid-import and coming back finds the import where it is.
import { create } from 'zustand';
import type { ImportCounts, ImportInspection, ImportKind, ImportMapping } from '../../../../shared/contract/transfer';
import { initialMapping, type MappingOrigin } from './import-mapping';

export const WIZARD_STEPS = ['choose', 'map', 'check', 'import'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export interface ChosenFile {
  name: string;
  size: number;
  csv: string;
}

interface ImportWizardState {
  step: WizardStep;
  kind: ImportKind;
  file: ChosenFile | null;
  inspection: ImportInspection | null;
  mapping: ImportMapping;
  origin: MappingOrigin | null;
  externalSource: string;
  /** The dry run of the current file, kind and mapping; cleared when any of them changes. */
  dryRun: ImportCounts | null;
  /** The started import. */
  taskId: string | null;
  setKind: (kind: ImportKind) => void;
  setFile: (file: ChosenFile | null) => void;
  /** Takes the host's reading of the file and preselects the remembered or suggested mapping. */
  inspected: (inspection: ImportInspection) => void;
  mapColumn: (column: string, field: string | null) => void;
  setExternalSource: (source: string) => void;
  setDryRun: (counts: ImportCounts | null) => void;
  started: (taskId: string) => void;
  goTo: (step: WizardStep) => void;
  /** Starts over with another file (the kind stays). */
  reset: () => void;
}

const INITIAL = {
  step: 'choose' as WizardStep,
  kind: 'cases' as ImportKind,
  file: null,
  inspection: null,
  mapping: {},
  origin: null,
  externalSource: 'csv',
  dryRun: null,
  taskId: null,
};

/** One wizard per window. */
export const useImportWizard = create<ImportWizardState>()((set) => ({
  ...INITIAL,
  setKind: (kind) => set((s) => (s.kind === kind ? s : { kind, inspection: null, mapping: {}, origin: null, dryRun: null })),
  setFile: (file) => set({ file, inspection: null, mapping: {}, origin: null, dryRun: null }),
  inspected: (inspection) => set({ inspection, ...initialMapping(inspection), dryRun: null }),
  mapColumn: (column, field) => set((s) => ({ mapping: { ...s.mapping, [column]: field }, dryRun: null })),
  setExternalSource: (externalSource) => set({ externalSource, dryRun: null }),
  setDryRun: (dryRun) => set({ dryRun }),
  started: (taskId) => set({ taskId, step: 'import' }),
  goTo: (step) => set({ step }),
  reset: () => set((s) => ({ ...INITIAL, kind: s.kind })),
}));
