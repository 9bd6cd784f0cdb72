// Where the Agent Builder screens live.

/** Workspace → Agents. */
export const AGENTS_PATH = '/agents';

/** One agent's page. */
export const agentPath = (id: string): string => `${AGENTS_PATH}/${encodeURIComponent(id)}`;

/** The company page, where the timezone every booking uses is changed. */
export const COMPANY_PATH = '/settings/company';
