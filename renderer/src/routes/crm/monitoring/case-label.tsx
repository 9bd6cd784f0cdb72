// A Kayse case named by its number and name, linked to its detail screen (the errors table has only its id).
import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useContractQuery } from '../../../api/client';

export const casePath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}`;

export function CaseLabel({ caseId }: { caseId: string }) {
  // A case changes often while it syncs; its name rarely: no need to reload on every change.
  const detail = useContractQuery('cases.get', { id: caseId }, { staleTime: 60_000 });
  const record = detail.data?.case;
  return (
    <Anchor component={Link} to={casePath(caseId)} size="sm" data-testid="error-case-link">
      {record ? (
        <>
          <Text span ff="monospace" size="sm">
            {record.caseNumber}
          </Text>{' '}
          {record.name}
        </>
      ) : detail.error ? (
        `Case ${caseId}`
      ) : (
        'Loading…'
      )}
    </Anchor>
  );
}
