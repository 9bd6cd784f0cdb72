// The front-door lint rule on made-up files: what it lets through and what it refuses, from several depths.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import { frontDoorRule } from './eslint-front-door.js';

RuleTester.describe = describe;
RuleTester.it = it;

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (path: string) => join(root, path);
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });

tester.run('kayse/front-door', frontDoorRule, {
  valid: [
    { filename: at('main/webhooks/engine/send-test.ts'), code: "import type { Clock } from '../../kernel';" },
    { filename: at('main/webhooks/engine/send-test.ts'), code: "import { sendAttempt } from './send-attempt'; import type { DeliveryStore } from '../store/delivery-store';" },
    { filename: at('main/transfer/import-service.ts'), code: "export { createWorkspace } from '../workspace/index';" },
    { filename: at('main/index.ts'), code: "import { startHost } from './hosts'; import { createTray } from './hosts/electron';" },
    { filename: at('main/headless.ts'), code: "import { startHeadlessServer } from './hosts/headless';" },
    { filename: at('preload/index.ts'), code: "import { contract } from '../shared/contract';" },
    { filename: at('main/ingest/event-store.ts'), code: "import { ulid } from 'ulid'; import { z } from 'zod';" },
    { filename: at('main/demo/demo-crms.ts'), code: "import { startLawRulerSimulator } from '../connectors/lawruler/simulator';" },
    { filename: at('main/demo/demo-crms.ts'), code: "import { startSmartAdvocateSimulator } from '../connectors/smartadvocate/simulator/index';" },
  ],
  invalid: [
    { filename: at('main/webhooks/engine/send-test.ts'), code: "import type { Clock } from '../../kernel/clock';", errors: [{ messageId: 'deep' }] },
    { filename: at('main/transfer/export-format.ts'), code: "import { toCase } from '../workspace/records/row-mappers';", errors: [{ messageId: 'deep' }] },
    { filename: at('main/transfer/index.ts'), code: "export * from '../workspace/records';", errors: [{ messageId: 'deep' }] },
    { filename: at('main/index.ts'), code: "import { createTray } from './hosts/electron/tray';", errors: [{ messageId: 'deep' }] },
    { filename: at('main/demo/demo-mode.ts'), code: "const m = import('../ingest/create-ingest');", errors: [{ messageId: 'deep' }] },
    { filename: at('main/demo/demo-mode.ts'), code: "import { startTestCore } from '../test-support/test-core';", errors: [{ messageId: 'testOnly' }] },
    { filename: at('main/demo/demo-mode.ts'), code: "import { startDemoCore } from './demo-test-fixture';", errors: [{ messageId: 'testOnly' }] },
    { filename: at('main/webhooks/create-webhooks.ts'), code: "import { startReceiver } from './test-receiver';", errors: [{ messageId: 'testOnly' }] },
    { filename: at('main/webhooks/create-webhooks.ts'), code: "import { cases } from './engine/delivery.test';", errors: [{ messageId: 'testOnly' }] },
    { filename: at('main/sync/engine.ts'), code: "import { serve } from '../connectors/lawruler/simulator/server';", errors: [{ messageId: 'testOnly' }] },
    { filename: at('main/sync/engine.ts'), code: "import { startLawRulerSimulator } from '../connectors/lawruler/simulator';", errors: [{ messageId: 'testOnly' }] },
    { filename: at('main/demo/demo-crms.ts'), code: "import { serve } from '../connectors/lawruler/simulator/sim-routes';", errors: [{ messageId: 'testOnly' }] },
  ],
});
