// Quick size figures (KB min+brotli) of the budgeted rows, from the sources: `node scripts/size-check.mjs`.
// `npm run bench` prints the whole report beside ClerkJS; this is the short loop while working.
import { BUDGETS, KB, measureSizes } from '../test/bench/sizes.mjs';

const s = await measureSizes(process.cwd());
const kb = (r) => (r?.ok === false ? `failed: ${r.error}` : r ? (r.brotli / KB).toFixed(2) : 'n/a');
const rows = [
  ['kernel', s.kernel.sizes, BUDGETS.kernel],
  ['headless', s.headless.sizes, BUDGETS.headless],
  ['navigation over headless', s.navigationOverHeadless?.sizes ?? s.navigationOverHeadless?.added, BUDGETS.navigationOverHeadless],
  ['full before mount', s.fullSplit.beforeMount?.sizes, BUDGETS.fullBeforeMount],
  ['full after mountSignIn', s.fullSplit.afterMountSignIn?.sizes, BUDGETS.fullAfterMountSignIn],
  ['UI SignIn+SignUp+host', s.fullSplit.uiChunksSignInSignUpHost?.sizes, BUDGETS.uiSignInSignUpHost],
  ['UI UserButton+UserProfile', s.fullSplit.uiChunksUserButtonUserProfileHost?.sizes, BUDGETS.uiUserButtonUserProfileHost],
];
for (const [label, sizes, budget] of rows) console.log(`${label.padEnd(26)} ${kb(sizes).padStart(7)} KB   budget ${(budget / KB).toFixed(0)} KB`);
// Fetched by a mounted view on use or when a field first renders (the QR encoder, the phone country picker), on top of the mount.
for (const file of s.fullSplit.onUse?.files ?? []) console.log(`${`  on use: ${file.splitFrom}`.padEnd(26)} ${kb(file).padStart(7)} KB`);
