// Demo mode's public face: the service the core builds, its contract handlers, and what the hosts need.
export { createDemoMode, DEMO_KEY_NAME, DEMO_SEED_TASK_KIND, type DemoMode, type DemoModeDeps } from './demo-mode';
export { demoHandlers, type DemoDeps } from './demo-handlers';
export { startDemoAtLaunch, demoRequested } from './launch';
export { createDemoCrms, DEMO_CRM_RECORDS, type DemoCrms } from './demo-crms';
export { createDemoCalcom, withDemoCalcom, DEMO_EVENT_TYPE_IDS, type DemoCalcom } from './demo-calcom';
