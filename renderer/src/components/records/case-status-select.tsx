// Changes a case's status from its detail screen, checked against the version on screen: if someone else changed
// the case meanwhile, nothing is overwritten — the case is reloaded and the user is told so.
import { Alert, Loader, Select, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconRefreshAlert } from '@tabler/icons-react';
import { useState } from 'react';
import type { Case, CaseType } from '../../../../shared/domain/workspace';
import { RemoteError } from '../../../../shared/result';
import { useContractMutation } from '../../api/client';

interface CaseStatusSelectProps {
  current: Pick<Case, 'id' | 'caseNumber' | 'statusId' | 'version'>;
  caseType: Pick<CaseType, 'statuses'>;
  /** Reloads the case (after a conflict). */
  reload: () => Promise<unknown>;
}

/** A Status select listing the case type's statuses in pipeline order. */
export function CaseStatusSelect({ current, caseType, reload }: CaseStatusSelectProps) {
  const { mutate, isPending, variables } = useContractMutation('cases.setStatus');
  const [problem, setProblem] = useState<{ conflict: boolean; message: string } | null>(null);
  const statuses = [...caseType.statuses].sort((a, b) => a.position - b.position);

  const change = (statusId: string | null) => {
    if (!statusId || statusId === current.statusId || isPending) return;
    setProblem(null);
    mutate(
      { id: current.id, status: statusId, expectedVersion: current.version },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: 'green',
            icon: <IconCheck size={18} />,
            title: 'Status changed',
            message: `${saved.caseNumber} is now ${saved.status}.`,
          }),
        onError: (error) => {
          const conflict = error instanceof RemoteError && error.code === 'CONFLICT';
          setProblem({ conflict, message: error.message });
          if (conflict) void reload();
        },
      },
    );
  };

  return (
    <Stack gap="xs">
      <Select
        label="Status"
        description="Moves the case along its case type's pipeline."
        data={statuses.map((s) => ({ value: s.id, label: s.name }))}
        value={isPending && variables ? variables.status : current.statusId}
        onChange={change}
        allowDeselect={false}
        disabled={isPending}
        rightSection={isPending ? <Loader size={14} aria-label="Saving the status" /> : undefined}
        maw={320}
      />
      {problem?.conflict && (
        <Alert color="yellow" icon={<IconRefreshAlert size={20} />} title="This case changed elsewhere — reloaded" role="alert" maw={560}>
          Someone (or a sync) changed {current.caseNumber} after you opened it, so your change was not saved. What you see now is the
          latest version: choose the status again if you still want to change it.
        </Alert>
      )}
      {problem && !problem.conflict && (
        <Alert color="red" icon={<IconAlertTriangle size={20} />} title="Couldn't change the status" role="alert" maw={560}>
          {problem.message}
        </Alert>
      )}
    </Stack>
  );
}
