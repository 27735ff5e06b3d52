/**
 * Cross-tab fan-out: requests the OTHER tabs send after one tab signs in, switches session or signs
 * out, with 10 and 100 tabs (test/bench/crosstab.scenario.ts: emulator through msw, one happy-dom
 * document shared by the tabs, real BroadcastChannel).
 */
import { runScenario } from './scenarios.mjs';

// ClerkJS cannot share one document between its instances: it is measured beside microclerk in Chromium
// (crosstab-browser.mjs).
export const measureCrossTab = (root) => runScenario(root, 'test/bench/crosstab.scenario.ts', 'BENCH_CROSSTAB_OUT');
