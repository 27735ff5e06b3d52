/**
 * Where the packages that run ClerkJS itself live: `compare/` has its own package.json, so the root
 * install stays free of ClerkJS's wallet and React Native trees. `npm run compare:install` fills it;
 * `.ci/run` always does, and under CI a missing install is an error, not a skip.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const compareRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../compare');

/** The file URL of an installed compare package's file, or null when `compare/` is not installed. */
export function comparePackageFile(packageName: string, file: string): string | null {
  const path = join(compareRoot, 'node_modules', packageName, file);
  return existsSync(path) ? pathToFileURL(path).href : null;
}

export const compareMissingMessage = (packageName: string) =>
  `${packageName} is not installed in compare/: run \`npm run compare:install\` (the protocol-fidelity tests against ClerkJS are skipped without it).`;

/** True on CI, where the comparison must run: `.ci/run` installs compare/ before `npm test`. */
export const compareRequired = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
