// The navbar's Workspace section: the record screens and the Agent Builder.
import { IconActivity, IconBriefcase, IconRobot, IconSpeakerphone, IconUsers } from '@tabler/icons-react';

/** Cases, Clients, Events, Campaigns, Agents — in the shape of the navbar's entries. */
export const WORKSPACE_NAV = [
  { to: '/cases', label: 'Cases', icon: IconBriefcase },
  { to: '/clients', label: 'Clients', icon: IconUsers },
  { to: '/events', label: 'Events', icon: IconActivity },
  { to: '/campaigns', label: 'Campaigns', icon: IconSpeakerphone },
  { to: '/agents', label: 'Agents', icon: IconRobot },
] as const;
