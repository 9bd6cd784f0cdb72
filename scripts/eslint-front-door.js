// ESLint rule `kayse/front-door` (used by eslint.config.js): production code reaches another main/ folder only
// through that folder's index.ts, and never imports a test-only file. The path of every relative import is
// resolved, because "another folder" depends on where the importing file sits (a pattern can't tell
// `../kernel/clock` from webhooks/ and from webhooks/engine/ apart).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const mainDir = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'main');

/** Folders whose sub-folders each have a front door of their own: a host must not load the other host. */
const NESTED_DOORS = { hosts: ['electron', 'headless'] };

/** Test-only files, by path below main/ without extension: kits, fixtures, tests, simulators, the test receiver. */
const TEST_ONLY = [/^test-support\//, /(^|\/)test-[^/]*$/, /-fixture[^/]*$/, /\.test$/, /(^|\/)simulator(\/|$)/];

/**
 * Simulators are test-only code with one exception: demo mode runs them in-process (the product's demo works
 * against built-in simulators of each CRM), through each simulator's own front door and from demo/ only.
 */
const DEMO_SIMULATOR = /^connectors\/[^/]+\/simulator(\/index)?$/;

/** The front door a path below main/ is behind: `<folder>`, or `hosts/<host>` for a host's own parts. */
function frontDoorOf(target) {
  const [folder, sub] = target.split('/');
  return NESTED_DOORS[folder]?.includes(sub) ? `${folder}/${sub}` : folder;
}

/** @type {import('eslint').Rule.RuleModule} */
export const frontDoorRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Import another main/ folder only through its index.ts, and no test-only file, from production code' },
    messages: {
      deep: "'{{spec}}' reaches inside main/{{door}}: import it from main/{{door}}'s front door ('{{doorSpec}}'), exporting it there if needed.",
      testOnly: "'{{spec}}' is test-only code (test kit, fixture, test, simulator or test receiver): production code must not import it.",
    },
    schema: [],
  },
  create(context) {
    const fileDir = path.dirname(context.filename);
    const own = path.relative(mainDir, context.filename).split(path.sep);
    // A file directly in main/ (the two entries) or outside it (preload/) belongs to no folder.
    const ownFolder = own[0] !== '..' && own.length > 1 ? own[0] : null;

    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const rel = path.relative(mainDir, path.resolve(fileDir, spec));
      if (rel.startsWith('..') || path.isAbsolute(rel) || rel === '') return;
      const target = rel.split(path.sep).join('/').replace(/\.(ts|mts|js|mjs)$/, '');
      const demoSimulator = ownFolder === 'demo' && DEMO_SIMULATOR.test(target);
      if (TEST_ONLY.some((re) => re.test(target)) && !demoSimulator) {
        context.report({ node, messageId: 'testOnly', data: { spec } });
        return;
      }
      if (target.split('/')[0] === ownFolder || demoSimulator) return;
      const door = frontDoorOf(target);
      if (target === door || target === `${door}/index`) return;
      let doorSpec = path.relative(fileDir, path.join(mainDir, door)).split(path.sep).join('/');
      if (!doorSpec.startsWith('.')) doorSpec = `./${doorSpec}`;
      context.report({ node, messageId: 'deep', data: { spec, door, doorSpec } });
    };

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};
