// The navbar's Workspace section: the record screens.
import { IconActivity, IconBriefcase, IconSpeakerphone, IconUsers } from '@tabler/icons-react';

/** Cases, Clients, Events, Campaigns — in the shape of the navbar's entries. */
export const WORKSPACE_NAV = [
  { to: '/cases', label: 'Cases', icon: IconBriefcase },
  { to: '/clients', label: 'Clients', icon: IconUsers },
  { to: '/events', label: 'Events', icon: IconActivity },
  { to: '/campaigns', label: 'Campaigns', icon: IconSpeakerphone },
] as const;
