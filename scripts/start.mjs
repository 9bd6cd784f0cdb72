// What `npm start` runs after the build: the desktop app when Electron's binary is installed, otherwise the
// headless host (the same core behind a loopback web server), with the remaining arguments passed through.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath } from './electron-binary.mjs';
import { HEADLESS_NODE_FLAGS } from './node-flags.mjs';

const appRoot = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const electron = electronBinaryPath();
// `npm start` is how people first look at the console: on a workspace with nothing in it, show it working with
// demo data (the host leaves a workspace holding real data alone). KAYSE_DEMO=0 opts out.
const env = { KAYSE_DEMO: '1', ...process.env };

if (electron) {
  // Inherited from a parent Electron app (an editor's terminal, say), this would make Electron run as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  run(electron, ['.', ...args], env);
} else {
  console.log(
    "Electron's binary is not installed (it is downloaded from GitHub on first install, which this machine can't reach); " +
      'starting the headless host instead — open the URL below in a browser.',
  );
  run(process.execPath, [...HEADLESS_NODE_FLAGS, fileURLToPath(new URL('../out/main/headless.js', import.meta.url)), ...args], env);
}

/** Runs the host in the foreground: same stdio, stop signals forwarded once, its exit code becomes ours. */
function run(command, commandArgs, env) {
  const child = spawn(command, commandArgs, {
    cwd: appRoot,
    env,
    stdio: 'inherit',
    // Its own process group, so that Ctrl+C reaches it once (through us) rather than twice (from the terminal
    // and from us) and a second SIGINT can't cut its orderly shutdown short. Windows has no process groups, and
    // a detached child there would open a console of its own.
    detached: process.platform !== 'win32',
  });
  const signals = process.platform === 'win32' ? ['SIGINT', 'SIGTERM'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? 128 + (constants.signals[signal] ?? 0));
  });
}
