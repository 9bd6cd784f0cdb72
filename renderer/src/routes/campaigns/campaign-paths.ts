// Where the campaign screens live.

/** Workspace → Campaigns. */
export const CAMPAIGNS_PATH = '/campaigns';

export type CampaignTab = 'overview' | 'workflows';

/** A campaign's page, on the given tab (Overview when none). */
export const campaignPath = (id: string, tab?: CampaignTab): string =>
  `${CAMPAIGNS_PATH}/${encodeURIComponent(id)}${tab && tab !== 'overview' ? `?tab=${tab}` : ''}`;
