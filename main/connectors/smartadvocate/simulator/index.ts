// The SmartAdvocate simulator's front door (test-only code: tests, `npm run sim`, demo mode, benchmarks).
export { startSmartAdvocateSimulator, type SmartAdvocateSimulator, type SmartAdvocateSimulatorOptions, type SimCaseView } from './smartadvocate-simulator';
export type { SimValue } from './sim-cases';
export { SEED_SPACING_MS } from './sim-seed';
