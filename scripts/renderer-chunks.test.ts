// The renderer builds without Vite's chunk-size warning (a 1.7 MB single bundle used to print one at every
// install): screens are split by route and libraries into chunks of their own (electron.vite.config.ts), with the
// warning limit left at Vite's default. Built with the real config into a temporary folder.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createLogger, type InlineConfig } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../electron.vite.config';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Vite's default chunkSizeWarningLimit, in kB of minified code (Vite divides by 1000). */
const VITE_DEFAULT_LIMIT_KB = 500;

const renderer = (config as { renderer: InlineConfig }).renderer;
const outDir = mkdtempSync(join(tmpdir(), 'kayse-renderer-chunks-'));
const warnings: string[] = [];

beforeAll(async () => {
  // Vite keeps a NODE_ENV already set, and vitest sets "test": React's development build would be measured.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  const logger = createLogger('warn');
  logger.warn = (message) => void warnings.push(message);
  logger.warnOnce = (message) => void warnings.push(message);
  await build({
    ...renderer,
    configFile: false,
    root: join(root, 'renderer'),
    base: './',
    logLevel: 'warn',
    customLogger: logger,
    mode: 'production',
    build: { ...renderer.build, outDir, emptyOutDir: true },
  }).finally(() => {
    process.env.NODE_ENV = nodeEnv;
  });
}, 120_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const scripts = () => readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js'));

describe('renderer bundle', () => {
  it('keeps the warning limit at Vite’s default', () => {
    expect(renderer.build?.chunkSizeWarningLimit).toBeUndefined();
  });

  it('prints no chunk-size warning, and no chunk passes the limit', () => {
    const sizes = Object.fromEntries(scripts().map((f) => [f, statSync(join(outDir, 'assets', f)).size / 1000]));
    const over = Object.entries(sizes).filter(([, kb]) => kb > VITE_DEFAULT_LIMIT_KB);
    expect(over).toEqual([]);
    expect(warnings.filter((w) => /larger than/i.test(w))).toEqual([]);
  });

  it('splits by route: each screen is a chunk of its own, and start-up does not load the charts', () => {
    const files = scripts();
    for (const screen of ['deliveries-page', 'cases-page', 'import-page', 'export-page', 'webhook-page', 'crm-page']) {
      expect(files.some((f) => f.startsWith(`${screen}-`)), screen).toBe(true);
    }
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(html).toMatch(/assets\/index-[\w-]+\.js/);
    expect(html).not.toMatch(/assets\/charts-/);
    expect(html).not.toMatch(/deliveries-page-/);
  });
});
