// The navbar's Workspace section: the record screens.
import { IconActivity, IconBriefcase, IconUsers } from '@tabler/icons-react';

/** Cases, Clients, Events — in the shape of the navbar's entries. */
export const WORKSPACE_NAV = [
  { to: '/cases', label: 'Cases', icon: IconBriefcase },
  { to: '/clients', label: 'Clients', icon: IconUsers },
  { to: '/events', label: 'Events', icon: IconActivity },
] as const;
