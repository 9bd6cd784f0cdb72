// The "try it" command on the Ingest API screen: one call_started event posted with curl to the real address.

/** The key placeholder used when the key itself isn't on screen (it is only ever shown once). */
export const KEY_PLACEHOLDER = '$KAYSE_INGEST_KEY';

/** A shell command that posts one event to `${baseUrl}/v1/events`, occurring at `at`. */
export function curlExample(baseUrl: string, at: Date, apiKey: string = KEY_PLACEHOLDER): string {
  const when = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const event = {
    type: 'call_started',
    occurred_at: when,
    data: { call_id: 'call_test_1', direction: 'inbound', from_number: '+15551230001', to_number: '+15559870002', started_at: when },
  };
  const key = apiKey === KEY_PLACEHOLDER ? `"X-API-KEY: ${KEY_PLACEHOLDER}"` : `'X-API-KEY: ${apiKey}'`;
  return [
    `curl -i -X POST ${baseUrl}/v1/events \\`,
    `  -H ${key} \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '${JSON.stringify(event, null, 2)}'`,
  ].join('\n');
}
