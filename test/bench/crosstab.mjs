/**
 * Cross-tab fan-out: requests the OTHER tabs send after one tab signs in, switches session or signs
 * out, with 10 and 100 tabs (test/bench/crosstab.scenario.ts: emulator through msw, one happy-dom
 * document shared by the tabs, real BroadcastChannel).
 */
import { runScenario } from './scenarios.mjs';

/** ClerkJS is not run multi-tab in this harness; its figure is the one the issue reports (labelled). */
export const CLERKJS_CROSSTAB_FACT =
  'ClerkJS: 0 requests from the other tabs after sign-in, setActive and sign-out (figure reported in the issue; not measured here).';

export const measureCrossTab = (root) => runScenario(root, 'test/bench/crosstab.scenario.ts', 'BENCH_CROSSTAB_OUT');
