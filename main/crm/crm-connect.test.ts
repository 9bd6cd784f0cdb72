// Connecting LawRuler and SmartAdvocate through the contract, against their simulators on loopback and the real
// keychain: the checks, the card, what is saved where, a refused password, and Disconnect.
import { describe, expect, it } from 'vitest';
import { refusal } from '../test-support/api';
import { useCleanup } from '../test-support/use-cleanup';
import { runKeychain, startCrmTest } from './test-crm';

const cleanup = useCleanup();

describe.skipIf(!runKeychain)('connecting a CRM', () => {
  it('connects LawRuler: every check green, the card says as whom, secrets in the keychain, the catalog loaded', async () => {
    const t = cleanup.use(await startCrmTest());
    const result = await t.core.api.crm.connect(t.lawRulerInput());

    expect(result.checks.map((c) => [c.name, c.ok])).toEqual([
      ['Signed in', true],
      ['Can read records', true],
      ['Can load fields and statuses', true],
    ]);
    expect(result.ok).toBe(true);
    expect(result.connection).toMatchObject({ state: 'connected', demo: false, connectedAs: 'api@smithlaw.example' });
    expect(result.connection.settings).toEqual({ username: 'api@smithlaw.example', clientRoot: 'smithlaw', apiBaseUrl: t.lawruler.url });
    expect(result.connection.savedSecrets.sort()).toEqual(['clientSecret', 'key', 'password']);

    const card = await t.core.api.integrations.get({ id: 'lawruler' });
    expect(card).toMatchObject({ status: 'connected', statusDetail: 'as api@smithlaw.example' });

    expect(await t.core.secrets.get('crm.lawruler.password')).toBe(t.credentials.lawruler.password);
    expect(await t.core.secrets.get('crm.lawruler.clientSecret')).toBe(t.credentials.lawruler.clientSecret);
    expect(await t.core.secrets.get('crm.lawruler.key')).toBe(t.credentials.lawruler.key);
    const row = t.core.database.sqlite.prepare("SELECT secret_refs FROM crm_connections WHERE crm = 'lawruler'").get() as { secret_refs: string };
    expect(JSON.parse(row.secret_refs)).toEqual({ password: 'crm.lawruler.password', clientSecret: 'crm.lawruler.clientSecret', key: 'crm.lawruler.key' });

    const catalog = await t.core.api.crm.catalog({ crm: 'lawruler' });
    expect(catalog.loadedAt).not.toBeNull();
    expect(catalog.failure).toBeNull();
    expect(catalog.catalog?.caseTypes.map((c) => c.name)).toContain('Motor Vehicle Accident');
    expect(catalog.catalog?.fields.find((f) => f.id === 'Custom1005')).toMatchObject({ name: 'Medical Treatment', type: 'single_select' });
  });

  it('connects SmartAdvocate: checks green, Connected as the SmartAdvocate user, the password in the keychain', async () => {
    const t = cleanup.use(await startCrmTest());
    const result = await t.core.api.crm.connect(t.smartAdvocateInput());

    expect(result.checks.every((c) => c.ok)).toBe(true);
    expect(result.checks[0]).toMatchObject({ name: 'Signed in', ok: true });
    expect(result.connection).toMatchObject({ state: 'connected', connectedAs: 'kayse-sync', savedSecrets: ['password'] });
    expect(result.connection.settings).toMatchObject({ endpointUrl: t.smartadvocate.host, username: 'kayse-sync' });
    expect(await t.core.api.integrations.get({ id: 'smartadvocate' })).toMatchObject({ status: 'connected', statusDetail: 'as kayse-sync' });
    expect(await t.core.secrets.get('crm.smartadvocate.password')).toBe(t.credentials.smartadvocate.password);

    const catalog = await t.core.api.crm.catalog({ crm: 'smartadvocate' });
    expect(catalog.catalog?.fields.length).toBeGreaterThan(0);
    expect(catalog.catalog?.substatusTypes.length).toBeGreaterThan(0);
    expect((await t.core.crm.connectorFor('smartadvocate'))?.id).toBe('smartadvocate');
  });

  it('refuses a wrong password: the failed check says what to do, and nothing is stored', async () => {
    const t = cleanup.use(await startCrmTest());
    const result = await t.core.api.crm.connect(t.lawRulerInput({ password: 'not-the-password' }));

    expect(result.ok).toBe(false);
    const signIn = result.checks[0]!;
    expect(signIn).toMatchObject({ name: 'Signed in', ok: false });
    expect(signIn.fix).toMatch(/Password/);
    expect(result.connection.state).toBe('not_connected');
    expect(await t.core.secrets.get('crm.lawruler.password')).toBeNull();
    expect(await t.core.secrets.get('crm.lawruler.key')).toBeNull();
    expect(t.core.database.sqlite.prepare('SELECT count(*) AS n FROM crm_connections').get()).toEqual({ n: 0 });
    expect(await t.core.api.crm.catalog({ crm: 'lawruler' })).toMatchObject({ catalog: null, loadedAt: null, failure: null });
    expect(await t.core.api.integrations.get({ id: 'lawruler' })).toMatchObject({ status: 'not_connected' });

    const sa = await t.core.api.crm.connect(t.smartAdvocateInput({ password: 'not-the-password' }));
    expect(sa.ok).toBe(false);
    expect(sa.checks[0]?.fix).toMatch(/user name and password/);
    expect(await t.core.secrets.get('crm.smartadvocate.password')).toBeNull();
  });

  it('keeps the previous connection untouched when a later connect is refused, and keeps saved secrets left empty', async () => {
    const t = cleanup.use(await startCrmTest());
    await t.core.api.crm.connect(t.lawRulerInput());
    const before = await t.core.api.crm.connection({ crm: 'lawruler' });

    const refused = await t.core.api.crm.connect(t.lawRulerInput({ username: 'someone@else.example', password: 'wrong' }));
    expect(refused.ok).toBe(false);
    expect(await t.core.api.crm.connection({ crm: 'lawruler' })).toEqual(before);
    expect(await t.core.secrets.get('crm.lawruler.password')).toBe(t.credentials.lawruler.password);

    // The form never shows secrets back: connecting again with them empty uses the saved ones.
    const again = await t.core.api.crm.connect(t.lawRulerInput({ password: '', clientSecret: undefined, key: '' }));
    expect(again.ok).toBe(true);
    expect(await t.core.secrets.get('crm.lawruler.key')).toBe(t.credentials.lawruler.key);
  });

  it('asks for every secret on the first connect, naming each field', async () => {
    const t = cleanup.use(await startCrmTest());
    const error = await refusal(t.core.api.raw.crm.connect(t.lawRulerInput({ password: '', key: undefined })));
    expect(error.code).toBe('INVALID_INPUT');
    const issues = (error.details as { issues: { path: string; message: string }[] }).issues;
    expect(issues.map((i) => i.path)).toEqual(['password', 'key']);
    expect(issues[0]?.message).toMatch(/Password is required/);
  });

  it('disconnects: keychain entries gone, card Not connected, catalog, toggles and settings kept', async () => {
    const t = cleanup.use(await startCrmTest());
    await t.core.api.crm.connect(t.lawRulerInput());
    await t.core.api.crm.connect(t.smartAdvocateInput());
    await t.core.api.crm.updateToggles({ crm: 'lawruler', toggles: { syncStatuses: true } });
    const catalogBefore = await t.core.api.crm.catalog({ crm: 'lawruler' });

    const view = await t.core.api.crm.disconnect({ crm: 'lawruler' });
    expect(view).toMatchObject({ state: 'not_connected', connectedAs: null, savedSecrets: [] });
    expect(view.settings).toMatchObject({ clientRoot: 'smithlaw', username: 'api@smithlaw.example' });
    expect(view.toggles.syncStatuses).toBe(true);
    for (const field of ['password', 'clientSecret', 'key']) expect(await t.core.secrets.get(`crm.lawruler.${field}`)).toBeNull();
    expect(await t.core.api.crm.catalog({ crm: 'lawruler' })).toEqual(catalogBefore);
    expect(await t.core.api.integrations.get({ id: 'lawruler' })).toMatchObject({ status: 'not_connected' });
    expect(await t.core.crm.connectorFor('lawruler')).toBeNull();
    await expect(t.core.api.crm.testConnection({ crm: 'lawruler' })).rejects.toMatchObject({ code: 'CONFLICT' });

    // The other CRM is not touched.
    expect(await t.core.secrets.get('crm.smartadvocate.password')).toBe(t.credentials.smartadvocate.password);
    expect((await t.core.api.crm.connection({ crm: 'smartadvocate' })).state).toBe('connected');

    // After Disconnect every secret must be entered again.
    const error = await refusal(t.core.api.raw.crm.connect(t.lawRulerInput({ password: '' })));
    expect(error.code).toBe('INVALID_INPUT');
  });
});
