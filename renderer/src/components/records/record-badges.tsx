// The small badges of the record screens: case status and change origin.
import { Badge, type BadgeProps, type MantineColor } from '@mantine/core';
import type { ChangeOrigin } from '../../../../shared/domain/workspace';
import { ORIGIN_LABELS } from './describe-change';

const STATUS_COLORS: readonly MantineColor[] = ['blue', 'teal', 'grape', 'orange', 'cyan', 'pink', 'lime', 'indigo', 'yellow', 'violet'];

/** A status keeps its colour everywhere (list, detail, history): derived from its name. */
export function statusColor(status: string): MantineColor {
  let hash = 0;
  for (const char of status.toLowerCase()) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return STATUS_COLORS[hash % STATUS_COLORS.length]!;
}

/** A case's status. */
export function CaseStatusBadge({ status, ...props }: { status: string } & BadgeProps) {
  return (
    <Badge color={statusColor(status)} variant="light" maw="100%" data-testid="case-status" {...props}>
      {status}
    </Badge>
  );
}

const ORIGIN_COLORS: Record<ChangeOrigin, MantineColor> = {
  ingest: 'blue',
  import: 'cyan',
  console: 'kayse',
  lawruler: 'orange',
  smartadvocate: 'teal',
  demo: 'gray',
};

/** Where a change came from: Ingest, Import, Console, LawRuler, SmartAdvocate or Demo. */
export function OriginBadge({ origin }: { origin: ChangeOrigin }) {
  return (
    <Badge color={ORIGIN_COLORS[origin]} variant="outline" size="sm" data-testid="change-origin">
      {ORIGIN_LABELS[origin]}
    </Badge>
  );
}
