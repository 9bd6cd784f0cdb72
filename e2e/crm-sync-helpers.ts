// What the Monitoring, Initial sync and Sample specs share: SmartAdvocate connected to its simulator with the Auto
// Accident case type mapped (names, email, accident date, statuses), Kayse cases put through the ingest API the way
// the voice platform sends them, and full-page screenshots from the top.
import type { APIRequestContext, Page, TestInfo } from '@playwright/test';
import type { SmartAdvocateSimulator } from '../main/connectors/smartadvocate/simulator';
import { expect, screenshot as fullPageScreenshot, type ConsoleHost } from './fixtures';

export const AUTO = { name: 'Auto Accident', statuses: ['New', 'Contacted', 'Signed'], fields: [{ key: 'accident_date', label: 'Accident Date', type: 'date' as const }] };
/** SmartAdvocate's main statuses the Auto Accident statuses map to (the simulator's catalog). */
export const SA_STATUS = { New: '801', Contacted: '802', Signed: '803' } as const;

export const monitoringPath = (crm = 'smartadvocate') => `/settings/integrations/${crm}?tab=monitoring`;

export async function screenshot(page: Page, testInfo: TestInfo, screen: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await fullPageScreenshot(page, testInfo, screen);
}

/** What the window shows (a drawer or a modal stays over the page, where a full-page shot would cut it). */
export async function viewScreenshot(page: Page, testInfo: TestInfo, screen: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${screen}.png`) });
}

/** The page fits a 1024 px window: nothing sticks out sideways (wide tables scroll inside their card). */
export async function expectFits1024(page: Page): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1024, height: 700 });
  // A string: e2e code is typed for Node, without the DOM's names.
  const widths = (await page.evaluate('({ page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth })')) as { page: number; view: number };
  expect(widths.page, `the page is ${widths.page} px wide in a ${widths.view} px window`).toBeLessThanOrEqual(widths.view);
  if (size) await page.setViewportSize(size);
}

/** The Auto Accident case type in Kayse (made before connecting, so cases put now wait for the initial sync). */
export async function createAuto(host: ConsoleHost) {
  return host.api.caseTypes.create(AUTO);
}

/** SmartAdvocate connected, statuses sent, Auto Accident's fields and statuses mapped. */
export async function connectSmartAdvocate(host: ConsoleHost, sim: SmartAdvocateSimulator, auto: Awaited<ReturnType<typeof createAuto>>): Promise<void> {
  const connected = await host.api.crm.connect({ crm: 'smartadvocate', endpointUrl: sim.host, username: sim.credentials.username, password: sim.credentials.password });
  expect(connected.ok, JSON.stringify(connected.checks)).toBe(true);
  await host.api.crm.updateToggles({ crm: 'smartadvocate', toggles: { syncStatuses: true } });
  await host.api.sync.saveFieldMappings({
    crm: 'smartadvocate',
    crmCaseTypeId: null,
    mappings: [
      { kayseField: 'client.first_name', crmFieldId: 'standard.first_name', direction: 'both' },
      { kayseField: 'client.last_name', crmFieldId: 'standard.last_name', direction: 'both' },
      { kayseField: 'client.email', crmFieldId: 'standard.email', direction: 'both' },
      { kayseField: `custom.${auto.id}.accident_date`, crmFieldId: '3001', direction: 'both' },
    ],
  });
  const status = (name: keyof typeof SA_STATUS) => auto.statuses.find((s) => s.name === name)!.id;
  await host.api.sync.saveStatusMappings({
    crm: 'smartadvocate',
    kayseCaseTypeId: auto.id,
    mappings: (Object.keys(SA_STATUS) as (keyof typeof SA_STATUS)[]).map((name) => ({ kayseStatusId: status(name), crmStatusId: SA_STATUS[name] })),
  });
}

export interface Ingest {
  /** A client and an Auto Accident case of theirs; answers the case's Kayse id. */
  putCase(ref: string, client: { firstName: string; lastName: string; email: string }, extra?: Record<string, unknown>): Promise<string>;
}

export async function connectIngest(request: APIRequestContext, host: ConsoleHost): Promise<Ingest> {
  const status = await host.api.ingest.status();
  expect(status.listening, `the ingest API is not listening: ${status.error}`).toBe(true);
  const { apiKey } = await host.api.ingestKeys.create({ name: 'e2e sync', rateLimitPerMinute: 100_000 });
  const headers = { 'x-api-key': apiKey };
  const put = async (path: string, data: unknown) => {
    const response = await request.put(`${status.url}${path}`, { headers, data });
    expect(response.status(), await response.text()).toBeLessThan(300);
    return (await response.json()) as { id: string };
  };
  return {
    async putCase(ref, client, extra = {}) {
      await put(`/v1/clients/kayse/cl-${ref}`, { first_name: client.firstName, last_name: client.lastName, emails: [client.email] });
      const kase = await put(`/v1/cases/kayse/case-${ref}`, {
        name: `${client.firstName} ${client.lastName} v. Driver`,
        case_type: AUTO.name,
        status: 'New',
        clients: [{ external_source: 'kayse', external_id: `cl-${ref}` }],
        ...extra,
      });
      return kase.id;
    },
  };
}
