// Writes (default) or checks (--check) the API Extractor report of every public entry point in
// api-report/. Run after `npm run build`: it reads the .d.ts files in dist/.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

const plugins = readdirSync(join(root, 'plugins'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, 'plugins', d.name, 'index.ts')))
  .map((d) => [`plugins-${d.name}`, `plugins/${d.name}/index`]);
const entries = [
  ['microclerk', 'index'],
  ['presets-headless', 'presets/headless'],
  ['presets-full', 'presets/full'],
  ['emulator', 'emulator/index'],
  ...plugins,
];

mkdirSync(join(root, 'temp'), { recursive: true });
let failed = 0;
for (const [reportName, entry] of entries) {
  const dts = join(root, 'dist', `${entry}.d.ts`);
  if (!existsSync(dts)) {
    console.error(`api-report: ${dts} is missing; run \`npm run build\` first.`);
    failed++;
    continue;
  }
  const config = ExtractorConfig.prepare({
    packageJsonFullPath: join(root, 'package.json'),
    configObjectFullPath: undefined,
    configObject: {
      projectFolder: root,
      mainEntryPointFilePath: dts,
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            target: 'ES2022',
            module: 'ESNext',
            moduleResolution: 'Bundler',
            lib: ['ES2022', 'DOM'],
            types: ['node'],
            skipLibCheck: true,
            strict: true,
          },
          files: [dts],
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: reportName,
        reportFolder: join(root, 'api-report'),
        reportTempFolder: join(root, 'temp', 'api-report'),
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: 'warning' } },
        extractorMessageReporting: { default: { logLevel: 'none' } },
        tsdocMessageReporting: { default: { logLevel: 'none' } },
      },
    },
  });
  const result = Extractor.invoke(config, {
    localBuild: !check,
    showVerboseMessages: false,
    messageCallback: (m) => {
      if (m.logLevel === 'warning' || m.logLevel === 'error') m.handled = false;
    },
  });
  if (check && result.apiReportChanged) {
    console.error(`api-report: the public API of "${entry}" changed; run \`npm run api:update\` and commit api-report/${reportName}.api.md.`);
    failed++;
  } else if (!result.succeeded && !result.apiReportChanged) {
    console.error(`api-report: API Extractor failed for "${entry}" (${result.errorCount} errors).`);
    failed++;
  }
}
if (failed) process.exit(1);
console.log(`api-report: ${entries.length} entry points ${check ? 'match their reports' : 'written to api-report/'}.`);
