// Where the Scheduling screens live: under Settings → Integrations, with the Activity log as a tab.

export const INTEGRATIONS_PATH = '/settings/integrations';

/** Settings → Integrations → Scheduling (the connection). */
export const SCHEDULING_PATH = `${INTEGRATIONS_PATH}/scheduling`;

export type SchedulingTab = 'connection' | 'activity';

/** The Scheduling screen on a tab (Connection when none). */
export const schedulingPath = (tab?: SchedulingTab): string => (tab && tab !== 'connection' ? `${SCHEDULING_PATH}?tab=${tab}` : SCHEDULING_PATH);
