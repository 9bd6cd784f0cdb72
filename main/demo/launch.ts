// `--demo` / KAYSE_DEMO=1 for the hosts: on a workspace without real data, seed the demo workspace (if it isn't
// there yet) and start the activity generator, so a fresh install shows a living console.
import type { DemoMode } from './demo-mode';

/** True when the flag is given or KAYSE_DEMO is 1/true/yes. */
export function demoRequested(flag: boolean | undefined, env: Record<string, string | undefined>): boolean {
  return flag === true || /^(1|true|yes)$/i.test(env.KAYSE_DEMO?.trim() ?? '');
}

/** Starts demo mode unless real data is there; resolves to one line for the console saying what happened. */
export async function startDemoAtLaunch(demo: DemoMode): Promise<string> {
  if (demo.hasRealData()) return 'Demo mode not started: this workspace already holds real data (demo mode only runs on an empty or demo-only workspace).';
  try {
    const status = await demo.start({ ratePerMinute: demo.status().generator.ratePerMinute, seed: true });
    const c = status.demoCounts;
    return `Demo mode: ${c.cases} demo cases, ${c.clients} clients; posting about ${status.generator.ratePerMinute} events a minute. Wipe it from Settings → Integrations.`;
  } catch (error) {
    return `Demo mode could not start: ${error instanceof Error ? error.message : String(error)}`;
  }
}
