// Data → Import: the CSV import wizard. Choose a file, map its columns, check it (dry run), import it.
import { Card, Stepper } from '@mantine/core';
import { useContractMutation } from '../../api/client';
import { CheckStep } from '../../components/transfer/check-step';
import { ChooseFileStep } from '../../components/transfer/choose-file-step';
import { ImportStep } from '../../components/transfer/import-step';
import { useImportWizard, WIZARD_STEPS, type WizardStep } from '../../components/transfer/import-wizard-store';
import { MappingStep } from '../../components/transfer/mapping-step';
import { PageHeader } from '../../components/page-header';
import { useTaskProgress } from '../../hooks/use-task-progress';

/** The wizard; the page holds the calls and progress listeners so that none is lost when a step changes. */
export function ImportPage() {
  const wizard = useImportWizard();
  const { step, kind, file, inspection, mapping, externalSource, taskId, goTo } = wizard;
  const inspect = useContractMutation('imports.inspect');
  const dryRun = useContractMutation('imports.dryRun');
  const run = useContractMutation('imports.run');
  const checking = useTaskProgress({ running: 'import-dry-run' });
  const importing = useTaskProgress(taskId);

  const readFile = () => {
    if (!file) return;
    if (inspection) return goTo('map');
    inspect.mutate({ kind, fileName: file.name, csv: file.csv }, {
      onSuccess: (result) => {
        const now = useImportWizard.getState();
        if (now.file !== file || now.kind !== kind) return;
        now.inspected(result);
        now.goTo('map');
      },
    });
  };

  const input = () => (file ? { kind, fileName: file.name, csv: file.csv, mapping, externalSource: externalSource.trim() || 'csv' } : null);

  const check = () => {
    const request = input();
    if (!request) return;
    goTo('check');
    dryRun.mutate(request, {
      onSuccess: (counts) => {
        // A dry run of a mapping the user has since changed says nothing about the current one.
        const now = useImportWizard.getState();
        if (now.file === file && now.mapping === mapping && now.externalSource === externalSource) now.setDryRun(counts);
      },
    });
  };

  const start = () => {
    const request = input();
    if (request) run.mutate(request, { onSuccess: ({ taskId: id }) => useImportWizard.getState().started(id) });
  };

  const index = WIZARD_STEPS.indexOf(step);
  const locked = taskId !== null;
  const select = (i: number) => {
    const target: WizardStep | undefined = WIZARD_STEPS[i];
    if (!locked && target && i < index) goTo(target);
  };
  // Mutation outcomes count only while they are about the file and mapping on screen.
  const checkingThis = dryRun.isPending && dryRun.variables?.mapping === mapping;
  const checkError = dryRun.variables?.mapping === mapping && dryRun.variables.csv === file?.csv ? dryRun.error : null;
  const inspectError = inspect.variables?.csv === file?.csv && inspect.variables?.kind === kind ? inspect.error : null;
  const startError = run.variables?.mapping === mapping ? run.error : null;

  return (
    <>
      <PageHeader
        title="Import"
        description="Bring cases and clients in from a CSV file exported from your existing systems. Nothing is written until you confirm the import, and importing the same file again updates instead of duplicating."
      />
      <Card>
        <Stepper active={index} onStepClick={select} allowNextStepsSelect={false} size="sm">
          <Stepper.Step label="Choose a file" description={file?.name ?? 'Cases or clients'} allowStepSelect={!locked && index > 0}>
            <ChooseFileStep onNext={readFile} reading={inspect.isPending} error={inspectError} />
          </Stepper.Step>
          <Stepper.Step label="Map columns" description="Which field each column fills" allowStepSelect={!locked && index > 1}>
            <MappingStep onBack={() => goTo('choose')} onNext={check} />
          </Stepper.Step>
          <Stepper.Step label="Check" description="A dry run, nothing written" allowStepSelect={!locked && index > 2}>
            <CheckStep
              checking={checkingThis}
              progress={checkingThis ? checking : undefined}
              checkError={checkError}
              onCheck={check}
              onBack={() => goTo('map')}
              onImport={start}
              starting={run.isPending}
              startError={startError}
            />
          </Stepper.Step>
          <Stepper.Step label="Import" description="Progress and outcome" loading={locked && importing?.finished === false}>
            <ImportStep progress={importing} />
          </Stepper.Step>
        </Stepper>
      </Card>
    </>
  );
}
