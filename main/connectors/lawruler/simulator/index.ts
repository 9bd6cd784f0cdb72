// The LawRuler simulator's front door (test-only code: tests, `npm run sim`, demo mode, benchmarks).
export {
  startLawRulerSimulator,
  LAWRULER_SIM_CREDENTIALS,
  type LawRulerSimulator,
  type LawRulerSimulatorOptions,
  type SimWebhookDelivery,
  type SimWebhookTarget,
} from './lawruler-simulator';
export { SEED_SPACING_MS } from './sim-seed';
