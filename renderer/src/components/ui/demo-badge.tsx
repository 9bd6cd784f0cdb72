import { Badge } from '@mantine/core';

/** Marks records made by demo mode. */
export function DemoBadge() {
  return (
    <Badge color="gray" variant="outline" size="xs" data-testid="demo-badge" style={{ flexShrink: 0 }}>
      Demo
    </Badge>
  );
}
