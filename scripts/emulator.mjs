#!/usr/bin/env node
// Runs the microclerk FAPI emulator on a local port (a dev/test tool, not a production server).
// Usage: node scripts/emulator.mjs [--port N] [--host 127.0.0.1] [--prefix /__clerk] [--production] [--data DIR] [--allow-origin http://localhost:5173 …]
// --data DIR keeps users, organizations, sessions, settings and the signing key in DIR/emulator.json across restarts.
// Only the emulator's own origin and each --allow-origin get CORS and may be redirect targets.
import { startEmulator } from '../dist/emulator/index.js';

function parseArgs(argv) {
  const options = { port: 4000, host: '127.0.0.1', prefix: '/__clerk', production: false, allowedOrigins: [], dataDir: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--port') options.port = Number(value());
    else if (arg === '--host') options.host = value();
    else if (arg === '--prefix') options.prefix = value();
    else if (arg === '--production') options.production = true;
    else if (arg === '--allow-origin') options.allowedOrigins.push(value());
    else if (arg === '--data') options.dataDir = value();
    else if (arg === '--help' || arg === '-h') {
      console.log('node scripts/emulator.mjs [--port N] [--host H] [--prefix /__clerk] [--production] [--data DIR] [--allow-origin ORIGIN]…');
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  if (!Number.isInteger(options.port) || options.port < 0) throw new Error('--port must be a non-negative integer');
  return options;
}

const options = parseArgs(process.argv.slice(2));
const running = await startEmulator({
  dataDir: options.dataDir,
  port: options.port,
  host: options.host,
  prefix: options.prefix,
  instanceType: options.production ? 'production' : 'development',
  allowedOrigins: options.allowedOrigins,
}).catch((error) => {
  console.error(error.name === 'SnapshotError' ? error.message : error);
  process.exit(1);
});

console.log('microclerk FAPI emulator (development/test only — not a production server)');
console.log(`  url:             ${running.url}`);
console.log(`  proxyUrl:        ${running.proxyUrl}`);
console.log(`  publishable key: ${running.publishableKey}`);
console.log(`  dashboard:       ${running.proxyUrl}/__emulator/`);
console.log(`  data:            ${running.dataFile ?? 'in memory (pass --data DIR to keep it across restarts)'}`);

const shutdown = async () => {
  await running.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
