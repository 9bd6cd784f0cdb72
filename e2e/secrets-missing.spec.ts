// On a computer with neither a keychain nor the encrypted-file store, the screens that ask for a secret say so
// before anything is typed, with the fix (the same words as Settings → About), instead of failing on Save.
import { expect, openConsole, screenshot, test } from './fixtures';

// No D-Bus session (so no Secret Service) and no key for the encrypted file.
test.use({ consoleEnv: { DBUS_SESSION_BUS_ADDRESS: null, KAYSE_SECRETS_KEY: null, KAYSE_SECRETS_KEY_FILE: null } });

test.describe('without a place for secrets', () => {
  test('the new webhook form and the CRM credentials say so before anything is typed', async ({ page, console: kayse }, testInfo) => {
    await openConsole(page, kayse, '/settings/integrations/webhooks/new');
    const onWebhook = page.getByTestId('secrets-unavailable');
    await expect(onWebhook).toContainText("Credentials can't be stored");
    await expect(onWebhook).toContainText('KAYSE_SECRETS_KEY_FILE');
    await screenshot(page, testInfo, 'secrets-missing-webhook-form');

    await openConsole(page, kayse, '/settings/integrations/lawruler');
    await expect(page.getByTestId('crm-credentials').getByTestId('secrets-unavailable')).toContainText('KAYSE_SECRETS_KEY_FILE');
    await screenshot(page, testInfo, 'secrets-missing-lawruler');
  });
});
