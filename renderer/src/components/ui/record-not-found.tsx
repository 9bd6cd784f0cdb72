// The screen for a case or client link that leads nowhere (removed, or a mistyped address).
import { Button, EmptyState } from '@mantine/core';
import { IconMapPinOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageHeader } from '../page-header';
import { BackLink } from '../back-link';

interface RecordNotFoundProps {
  /** "case" or "client". */
  what: string;
  message: string;
  listPath: string;
  listLabel: string;
}

/** "Case not found", the host's reason, and the way back to the list. */
export function RecordNotFound({ what, message, listPath, listLabel }: RecordNotFoundProps) {
  const title = `${what.charAt(0).toUpperCase()}${what.slice(1)} not found`;
  return (
    <>
      <PageHeader title={title} above={<BackLink to={listPath}>{`Back to ${listLabel}`}</BackLink>} />
      <EmptyState py="xl" icon={<IconMapPinOff size={28} />} withIndicatorBackground title={title} description={message} data-testid="record-not-found">
        <EmptyState.Actions>
          <Button component={Link} to={listPath}>
            Show all {listLabel}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </>
  );
}
