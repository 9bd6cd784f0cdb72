// The Cal.com simulator's front door (test-only code: tests, `npm run sim`, demo mode, benchmarks).
export { startCalcomSimulator, type CalcomFault, type CalcomSimulator, type CalcomSimulatorOptions } from './calcom-simulator';
export { SIM_EVENT_TYPES, SIM_KEYS, SIM_USERS, type SimEventType, type SimUser } from './sim-seed';
export { RATE_LIMIT } from './sim-rate-limit';
