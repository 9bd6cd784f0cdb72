// What can be checked of the packaging without packaging (which needs Electron's binary and headers from the
// internet): electron-builder.yml is valid, its globs ship the build and nothing else, the trimmed dependencies
// still load, native addons stay outside the asar, and what the main bundle imports is a runtime dependency.
// The globs are evaluated by electron-builder's own matcher code, so its defaults and quirks count.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import type { Configuration } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const fromRoot = (...parts: string[]) => join(root, ...parts);
/** Repo-relative path with forward slashes, as electron-builder matches them. */
const repoPath = (absolute: string) => relative(root, absolute).split(sep).join('/');

const { load: parseYaml } = require('js-yaml') as { load(text: string): unknown };

// electron-builder's matcher; getMainFileMatchers and getNodeModuleFileMatcher are internal (no typings), and the
// packager arguments are reduced to the fields they read.
type Filter = (file: string, stat: { isDirectory(): boolean; moduleFullFilePath?: string }) => boolean;
interface Matcher {
  createFilter(): Filter;
}
const builderMatchers = require('app-builder-lib/out/fileMatcher.js') as {
  getMainFileMatchers(appDir: string, to: string, expand: (s: string) => string, platform: object, packager: object, outDir: string, compile: boolean): Matcher[];
  getNodeModuleFileMatcher(appDir: string, to: string, expand: (s: string) => string, platform: object, info: object): Matcher;
  getFileMatchers(config: Configuration, name: 'asarUnpack', to: string, options: object): Matcher[] | null;
};

const config = parseYaml(readFileSync(fromRoot('electron-builder.yml'), 'utf8')) as Configuration;
const pkg = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { main?: string; productName?: string; dependencies?: Record<string, string> };

const DESTINATION = '/packaged/resources/app';
/** electron-builder's file macros, as for a package built for this machine's architecture. */
const keep = (pattern: string) => pattern.replaceAll('${arch}', process.arch);
const info = { projectDir: root, buildResourcesDir: 'build', isPrepackedAppAsar: false, config, debugLogger: { isEnabled: false } };
const asFile = (path: string) => ({ isDirectory: () => false, ...(path.startsWith('node_modules/') ? { moduleFullFilePath: path } : {}) });

/** Whether electron-builder copies this repo file (out/, resources/, …) into the app. */
const shipsAppFile = (() => {
  const [main] = builderMatchers.getMainFileMatchers(root, DESTINATION, keep, config.linux ?? {}, { info }, fromRoot('dist'), false);
  const filter = main!.createFilter();
  return (path: string) => filter(fromRoot(path), asFile(path));
})();
/** Whether electron-builder copies this file of a production dependency (path from the repo, node_modules/…). */
const shipsDependencyFile = (() => {
  const filter = builderMatchers.getNodeModuleFileMatcher(root, DESTINATION, keep, config.linux ?? {}, info).createFilter();
  return (path: string) => filter(fromRoot(path), asFile(path));
})();
/** Whether the file lands in app.asar.unpacked rather than inside the archive. */
const unpacked = (() => {
  const options = { macroExpander: keep, customBuildOptions: {}, globalOutDir: fromRoot('dist'), defaultSrc: root };
  const filter = builderMatchers.getFileMatchers(config, 'asarUnpack', DESTINATION, options)?.[0]?.createFilter();
  return (path: string) => filter?.(fromRoot(path), asFile(path)) ?? false;
})();

function walk(dir: string, skip: (path: string) => boolean = () => false): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (skip(path)) return [];
    if (entry.isDirectory()) return walk(path, skip);
    return entry.isFile() ? [path] : [];
  });
}

/** Node's lookup of an installed package from a directory: the nearest node_modules/<name> up the tree. */
function findPackage(name: string, from = root): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', name, 'package.json'))) return join(dir, 'node_modules', name);
    if (dirname(dir) === dir) return undefined;
  }
}
const readManifest = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };

/** The better-sqlite3 addon this machine loads: compiled on install where no prebuild fits, else the prebuild. */
function betterSqliteAddon(): string {
  const dir = findPackage('better-sqlite3')!;
  const compiled = join(dir, 'build/Release/better_sqlite3.node');
  return existsSync(compiled) ? compiled : join(dir, 'prebuilds', `${process.platform}-${process.arch}.node`);
}

const mainBundles = () => readdirSync(fromRoot('out/main')).filter((f) => f.endsWith('.js')).map((f) => fromRoot('out/main', f));

/** Every module specifier the main bundles import statically, dynamically or through require (specifiers have no spaces, so prose like "an import's task" is not one). */
function importedSpecifiers(): Set<string> {
  const pattern = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"'\s,]+)["']|\b(?:import|require)\s*\(\s*["']([^"'\s,]+)["']\s*\)/g;
  const found = new Set<string>();
  for (const file of mainBundles()) for (const m of readFileSync(file, 'utf8').matchAll(pattern)) found.add((m[1] ?? m[2])!);
  return found;
}
const packageName = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
const isBuiltin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!);
/** The packages the main bundles load from node_modules (Electron's own module comes with the runtime). */
const bareImports = () => [...importedSpecifiers()].filter((s) => !/^[./]/.test(s) && !isBuiltin(s));

beforeAll(() => {
  if (existsSync(fromRoot('out/main/index.js'))) return;
  const bin = join(findPackage('electron-vite')!, 'bin/electron-vite.js');
  const build = spawnSync(process.execPath, [bin, 'build'], { cwd: root, encoding: 'utf8' });
  // The renderer may fail to build while it is being worked on; the checks below need only the main bundles.
  if (!existsSync(fromRoot('out/main/index.js'))) throw new Error(`electron-vite build produced no main bundle:\n${build.stdout}\n${build.stderr}`);
}, 180_000);

describe('electron-builder.yml', () => {
  it("parses and conforms to electron-builder's JSON schema (draft-07)", () => {
    const schema = JSON.parse(readFileSync(join(findPackage('app-builder-lib')!, 'scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(config).toMatchObject({ appId: 'com.kayse.integrations-console', asar: true, directories: { output: 'dist', buildResources: 'build' } });
    expect(config.productName).toBe(pkg.productName);
  });

  it('ships the build output, the tray icon and package.json', () => {
    const needed = ['out/main/index.js', 'out/main/headless.js', 'out/main/migrations/meta/_journal.json', 'out/main/attempt-log.worker.mjs', 'out/preload/index.cjs'];
    const shipped = [...needed, 'out/renderer/index.html', 'resources/tray.png', 'package.json'];
    expect(shipped.filter((path) => !shipsAppFile(path))).toEqual([]);
    expect(needed.filter((path) => !existsSync(fromRoot(path)))).toEqual([]);
  });

  it('ships every file the main bundles locate beside themselves (new URL(…, import.meta.url))', () => {
    const targets = mainBundles().flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/new URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\s*\)/g)].map((m) => resolve(dirname(file), m[1]!)),
    );
    expect(targets.map(repoPath)).toContain('resources/tray.png');
    const files = targets.flatMap((target) => (existsSync(target) && statSync(target).isDirectory() ? walk(target) : [target]));
    expect(files.map(repoPath).filter((path) => path.startsWith('../') || !shipsAppFile(path))).toEqual([]);
  });

  it('leaves out sources, tests, docs, e2e, bench, maps and build resources', () => {
    const leftOut = ['main/index.ts', 'main/db/schema.ts', 'e2e/electron.spec.ts', 'docs/operations.md', 'bench/run.mjs', 'scripts/start.mjs', 'out/main/index.js.map', 'out/bench/backlog-process.mjs', 'build/icon.png', 'electron-builder.yml', 'tsconfig.json'];
    expect(leftOut.filter(shipsAppFile)).toEqual([]);
    // Whatever the repo holds today: only out/, resources/ and package.json get in.
    const skip = (path: string) => ['node_modules', '.git', 'dist'].some((dir) => path === fromRoot(dir));
    const stray = walk(root, skip).map(repoPath).filter((path) => shipsAppFile(path) && !/^(out|resources)\/|^package\.json$/.test(path));
    expect(stray).toEqual([]);
  });

  it("trims the dependencies' docs, maps, tests and better-sqlite3's build inputs, but keeps licences and code", () => {
    const trimmed = [
      'node_modules/fastify/README.md',
      'node_modules/pino/docs/api.md',
      'node_modules/fastify/test/404s.test.js',
      'node_modules/@fastify/static/example/server.js',
      'node_modules/zod/v4/core/core.js.map',
      'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c',
      'node_modules/better-sqlite3/src/better_sqlite3.cpp',
      'node_modules/better-sqlite3/build/Release/obj.target/better_sqlite3.node',
      'node_modules/better-sqlite3/build/Release/test_extension.node',
      // Linux packages carry only the Linux prebuild of the addon.
      'node_modules/better-sqlite3/prebuilds/win32-x64.node',
      'node_modules/better-sqlite3/prebuilds/darwin-arm64.node',
      `node_modules/better-sqlite3/prebuilds/linuxmusl-${process.arch}.node`,
    ];
    const kept = ['node_modules/fastify/fastify.js', 'node_modules/better-sqlite3/lib/index.js', 'node_modules/fastify/LICENSE', 'node_modules/@napi-rs/keyring-linux-x64-gnu/LICENSE.third-party.md'];
    expect(trimmed.filter(shipsDependencyFile)).toEqual([]);
    expect(kept.filter((path) => !shipsDependencyFile(path))).toEqual([]);
  });
});

describe('native addons', () => {
  const addons = () => {
    const sqlite = betterSqliteAddon();
    const keyring = findPackage('@napi-rs/keyring')!;
    const platformPackages = Object.keys(readManifest(keyring).optionalDependencies ?? {}).flatMap((name) => findPackage(name, keyring) ?? []);
    const keyringAddons = platformPackages.flatMap((dir) => walk(dir).filter((file) => file.endsWith('.node')));
    return { sqlite, keyringAddons };
  };

  it('the installed better-sqlite3 and @napi-rs/keyring binaries ship, unpacked from the asar', () => {
    const { sqlite, keyringAddons } = addons();
    expect(existsSync(sqlite)).toBe(true);
    expect(keyringAddons.length).toBeGreaterThan(0);
    const paths = [sqlite, ...keyringAddons].map(repoPath);
    expect(paths.filter((path) => !shipsDependencyFile(path))).toEqual([]);
    expect(paths.filter((path) => !unpacked(path))).toEqual([]);
  });

  it("worker scripts are unpacked too: a worker thread loads its script and better-sqlite3 from disk", () => {
    expect(['out/main/attempt-log.worker.mjs'].filter((path) => !unpacked(path))).toEqual([]);
  });

  it('the app code itself stays in the archive', () => {
    expect(['out/main/index.js', 'out/renderer/index.html', 'resources/tray.png', 'node_modules/fastify/fastify.js'].filter(unpacked)).toEqual([]);
  });
});

describe('main bundles and package.json', () => {
  it('package.json main is the Electron host bundle', () => {
    expect(pkg.main).toBe('out/main/index.js');
    expect(existsSync(fromRoot(pkg.main!))).toBe(true);
  });

  it('every package the main bundles import is a runtime dependency (and Electron is not)', () => {
    const packages = new Set(bareImports().map(packageName));
    expect(packages).toContain('electron'); // the parser sees the host's imports at all
    const dependencies = pkg.dependencies ?? {};
    expect([...packages].filter((name) => name !== 'electron' && !(name in dependencies))).toEqual([]);
    // electron-builder refuses to package an app that lists electron among its runtime dependencies.
    expect(dependencies).not.toHaveProperty('electron');
  });
});

describe('trimmed dependencies', () => {
  let appDir: string | undefined;
  afterAll(() => {
    if (appDir) rmSync(appDir, { recursive: true, force: true });
  });

  it('still load: every import of the main bundles resolves, and better-sqlite3 opens a database', () => {
    const specifiers = bareImports().filter((s) => packageName(s) !== 'electron');
    // The production dependencies the main bundles reach, as electron-builder would copy them, minus the excluded
    // files; outside the repo so that nothing missing can be found in the repo's node_modules instead.
    const packages = new Set<string>();
    const queue = [...new Set(specifiers.map(packageName))].map((name) => findPackage(name));
    while (queue.length > 0) {
      const dir = queue.pop();
      if (!dir || packages.has(dir)) continue;
      packages.add(dir);
      const { dependencies, optionalDependencies } = readManifest(dir);
      for (const name of Object.keys({ ...dependencies, ...optionalDependencies })) queue.push(findPackage(name, dir));
    }
    appDir = mkdtempSync(join(tmpdir(), 'kayse-packaged-'));
    for (const file of new Set([...packages].flatMap((dir) => walk(dir)))) {
      const path = repoPath(file);
      if (!shipsDependencyFile(path)) continue;
      const target = join(appDir, path);
      mkdirSync(dirname(target), { recursive: true });
      if (existsSync(target)) continue;
      try {
        linkSync(file, target);
      } catch {
        copyFileSync(file, target);
      }
    }
    writeFileSync(
      join(appDir, 'probe.mjs'),
      `for (const specifier of JSON.parse(process.argv[2])) {
        try { await import(specifier); } catch (error) {
          // Packages built on Electron (electron-store) are only resolved: Electron provides that module.
          if (error.code !== 'ERR_MODULE_NOT_FOUND' || !error.message.includes("package 'electron'")) throw error;
          import.meta.resolve(specifier);
        }
      }
      const { default: Database } = await import('better-sqlite3');
      if (new Database(':memory:').prepare('select 1 as one').get().one !== 1) throw new Error('better-sqlite3 answered wrong');
      console.log('loaded', process.argv[2]);`,
    );
    const probe = spawnSync(process.execPath, ['probe.mjs', JSON.stringify(specifiers)], { cwd: appDir, encoding: 'utf8' });
    expect(probe.stderr).toBe('');
    expect(probe.status).toBe(0);
    expect(lstatSync(join(appDir, repoPath(betterSqliteAddon()))).isFile()).toBe(true);
  }, 60_000);
});
