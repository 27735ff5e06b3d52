// `npm start`: the playground on the emulator. `--port N` (default 4000, 0 = any free port);
// `--data DIR` keeps the emulator's state in DIR/emulator.json across restarts.
import { startPlayground } from '../playground/server.mjs';

const at = process.argv.indexOf('--port');
const port = Number(at > 0 ? process.argv[at + 1] : (process.env.PORT ?? 4000));
const dataAt = process.argv.indexOf('--data');
const dataDir = dataAt > 0 ? process.argv[dataAt + 1] : undefined;
const running = await startPlayground({ port, dataDir }).catch((err) => {
  console.error(err.code === 'EADDRINUSE' ? `Port ${port} is in use: try \`npm start -- --port 0\`.` : err.name === 'SnapshotError' ? err.message : err);
  process.exit(1);
});
const shutdown = () => running.close().then(() => process.exit(0));
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
