/**
 * load() and setActive() time at 1, 10 and 50 sessions, microclerk beside ClerkJS 6.40 on
 * byte-identical FAPI answers served from memory (test/bench/hydration.scenario.ts): each SDK's own
 * parsing, resource mapping and emitting. Medians of several runs after a warm-up.
 */
import { runScenario } from './scenarios.mjs';

export const measureHydration = (root) => runScenario(root, 'test/bench/hydration.scenario.ts', 'BENCH_HYDRATION_OUT');
